using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using GlacierTrail.Gen.Diagnostics;
using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen.Parsing;

/// <summary>
/// The record schema's root object → the envelope's spec. Only a schema whose root says
/// <c>"x-glaciertrail-envelope": true</c> describes the envelope; for any other file the result
/// is null. The members keep the schema's order, which is the order they are written back.
/// </summary>
/// <remarks>
/// Annotations on a root property: <c>"x-glaciertrail-rare": true</c> holds the member in the
/// side object that few records allocate; <c>"x-glaciertrail-role"</c> names a member the record
/// loop treats on its own (<c>dispatch</c>, <c>payload</c>, <c>time</c>, <c>version</c>) or one
/// that stays in <c>ExtensionData</c> (<c>extension</c>). Every other member is typed from its
/// schema: a string, a boolean, a <c>$ref</c> to a class or an open enum in <c>$defs</c>, an
/// array of such classes, or (with neither type nor <c>$ref</c>) raw JSON.
/// <c>"x-glaciertrail-column-before": "name"</c> places the member's export column before that
/// member's, where AWS's table for Athena orders its columns otherwise than the record.
/// </remarks>
internal static class EnvelopeParser
{
    public const string Marker = "x-glaciertrail-envelope";
    public const string RareKeyword = "x-glaciertrail-rare";
    public const string RoleKeyword = "x-glaciertrail-role";
    public const string ColumnBeforeKeyword = "x-glaciertrail-column-before";

    // The payload flags, presence of each time member and absence of each dispatch member share a byte.
    private const int MaxFlags = 8;

    public static EnvelopeSpec? Parse(string path, string? text, CancellationToken cancellationToken)
    {
        // Most schema files are not the envelope; they are not parsed a second time.
        if (text is null || text.IndexOf(Marker, StringComparison.Ordinal) < 0)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        var positions = new SourcePositions(path, text, utf8);
        var diagnostics = new List<DiagnosticInfo>();
        JsonObjectNode? root;
        try
        {
            root = JsonTree.Parse(utf8) as JsonObjectNode;
        }
        catch (JsonException)
        {
            // The schema parser reports the file's syntax error.
            return null;
        }

        if (root?.Get(Marker) is not JsonScalarNode { Kind: JsonValueKind.True })
        {
            return null;
        }

        var defs = root.Get("$defs") as JsonObjectNode;
        var members = new List<EnvelopeMemberSpec>();
        int flags = 0;
        foreach (var property in (root.Get("properties") as JsonObjectNode)?.Properties ?? Enumerable.Empty<JsonPropertyNode>())
        {
            if (property.Value is not JsonObjectNode schema)
            {
                continue;
            }

            string? role = schema.Get(RoleKeyword) is JsonScalarNode { Kind: JsonValueKind.String, Text: { } r } ? r : null;
            if (role == "extension")
            {
                continue;
            }

            EnvelopeProblem? problem = null;
            var member = Member(property, schema, role, defs, ref problem);
            if (member is not null && member.Kind is EnvelopeMemberKind.Payload or EnvelopeMemberKind.Time or EnvelopeMemberKind.Dispatch && ++flags > MaxFlags)
            {
                problem = new(DiagnosticDescriptors.EnvelopeFlagsTaken, MaxFlags.ToString(System.Globalization.CultureInfo.InvariantCulture));
                member = null;
            }

            if (member is not null && member.Rare && member.Kind is EnvelopeMemberKind.Time or EnvelopeMemberKind.Dispatch or EnvelopeMemberKind.Payload)
            {
                problem = new(DiagnosticDescriptors.EnvelopeRoleNotRare, RareKeyword);
                member = null;
            }

            if (member is null)
            {
                var (descriptor, detail) = problem ?? new(DiagnosticDescriptors.EnvelopeNoShape);
                diagnostics.Add(DiagnosticInfo.Create(descriptor, positions.At(property.NameStart, property.NameEnd), detail is null ? new[] { property.Name } : new[] { property.Name, detail }));
                continue;
            }

            members.Add(member);
        }

        foreach (var member in members.Where(m => m.ColumnBefore is not null && !members.Any(o => o.JsonName == m.ColumnBefore)).ToList())
        {
            var property = ((JsonObjectNode)root.Get("properties")!).Find(member.JsonName)!;
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.EnvelopeColumnBeforeUnknown,
                positions.At(property.NameStart, property.NameEnd),
                member.JsonName,
                ColumnBeforeKeyword,
                member.ColumnBefore!));
            members[members.IndexOf(member)] = member with { ColumnBefore = null };
        }

        return new EnvelopeSpec(path, members.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static EnvelopeMemberSpec? Member(JsonPropertyNode property, JsonObjectNode schema, string? role, JsonObjectNode? defs, ref EnvelopeProblem? problem)
    {
        string? name = schema.Get("x-csharp-name") is JsonScalarNode { Kind: JsonValueKind.String, Text: { } explicitName } && Naming.IsIdentifier(explicitName)
            ? explicitName
            : Naming.PropertyName(property.Name);
        if (name is null)
        {
            problem = new(DiagnosticDescriptors.EnvelopeUnusableName);
            return null;
        }

        bool rare = schema.Get(RareKeyword) is JsonScalarNode { Kind: JsonValueKind.True };
        string? description = TypeBuilder.Description(schema);
        string? columnBefore = schema.Get(ColumnBeforeKeyword) is JsonScalarNode { Kind: JsonValueKind.String, Text: { } before } ? before : null;
        EnvelopeMemberSpec Make(EnvelopeMemberKind kind, string typeName = "") => new(property.Name, name, kind, typeName, rare, description, columnBefore);

        switch (role)
        {
            case "dispatch": return Make(EnvelopeMemberKind.Dispatch);
            case "payload": return Make(EnvelopeMemberKind.Payload);
            case "time": return Make(EnvelopeMemberKind.Time);
            case "version": return Make(EnvelopeMemberKind.Version);
            case null: break;
            default:
                problem = new(DiagnosticDescriptors.EnvelopeUnknownRole, role);
                return null;
        }

        if (Definition(schema, defs) is { } definition)
        {
            return Make(definition.IsEnum ? EnvelopeMemberKind.OpenEnum : EnvelopeMemberKind.Object, definition.Name);
        }

        var types = Types(schema);
        if (types.Contains("array"))
        {
            return schema.Get("items") is JsonObjectNode items && Definition(items, defs) is { IsEnum: false } item
                ? Make(EnvelopeMemberKind.ObjectList, item.Name)
                : null;
        }

        if (types.Contains("string"))
        {
            return Make(EnvelopeMemberKind.String);
        }

        if (types.Contains("boolean"))
        {
            return Make(EnvelopeMemberKind.Boolean);
        }

        return types.Count == 0 && schema.Get("$ref") is null ? Make(EnvelopeMemberKind.Raw) : null;
    }

    // A local $ref to a definition: the name of the type generated for it, and whether it is an open enum.
    private static (string Name, bool IsEnum)? Definition(JsonObjectNode schema, JsonObjectNode? defs)
    {
        const string Prefix = "#/$defs/";
        if (schema.Get("$ref") is not JsonScalarNode { Kind: JsonValueKind.String, Text: { } target }
            || !target.StartsWith(Prefix, StringComparison.Ordinal)
            || defs?.Get(target.Substring(Prefix.Length)) is not JsonObjectNode definition)
        {
            return null;
        }

        string name = definition.Get("x-csharp-name") is JsonScalarNode { Kind: JsonValueKind.String, Text: { } explicitName } && Naming.IsIdentifier(explicitName)
            ? explicitName
            : target.Substring(Prefix.Length);
        return (name, definition.Get("enum") is JsonArrayNode);
    }

    private static List<string> Types(JsonObjectNode schema) => schema.Get("type") switch
    {
        JsonScalarNode { Kind: JsonValueKind.String, Text: { } single } => new List<string> { single },
        JsonArrayNode many => many.Items.OfType<JsonScalarNode>().Select(s => s.StringValue).OfType<string>().ToList(),
        _ => new List<string>(),
    };
}
