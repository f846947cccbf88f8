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
/// Schema text → specs and diagnostics. A file with <c>x-cloudtrail</c> describes one event; a
/// file without it contributes only its <c>$defs</c>, for other files to <c>$ref</c>.
/// Never throws (except for cancellation): whatever goes wrong becomes a diagnostic.
/// </summary>
internal static class SchemaParser
{
    private static readonly (string JsonName, string CSharpName)[] PayloadNames =
    {
        ("requestParameters", "RequestParameters"),
        ("responseElements", "ResponseElements"),
        ("additionalEventData", "AdditionalEventData"),
    };

    public static ParsedSchema Parse(string path, string? text, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        text ??= string.Empty;
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        var positions = new SourcePositions(path, text, utf8);
        try
        {
            return ParseCore(path, utf8, positions, diagnostics, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, positions.Whole(), ex.GetType().Name + ": " + ex.Message));
            return Result(path, null, null, diagnostics);
        }
    }

    private static ParsedSchema ParseCore(string path, byte[] utf8, SourcePositions positions, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var references = new List<ExternalReference>();
        JsonNode root;
        try
        {
            root = JsonTree.Parse(utf8);
        }
        catch (JsonException ex)
        {
            var location = ex.LineNumber is long line
                ? positions.AtLine((int)line, (int)(ex.BytePositionInLine ?? 0))
                : positions.Whole();
            string message = ex.Message;
            int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidJson, location, (cut > 0 ? message.Substring(0, cut) : message).TrimEnd()));
            return Result(path, null, null, diagnostics);
        }

        if (root is not JsonObjectNode schema)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SchemaNotObject, positions.At(root.Start, root.End)));
            return Result(path, null, null, diagnostics);
        }

        var binding = schema.Find("x-cloudtrail");
        if (binding is null)
        {
            if (schema.Get("$defs") is JsonObjectNode defs)
            {
                var definitions = ParseDefinitions(path, defs, positions, diagnostics, references, cancellationToken);
                return Result(path, null, definitions, diagnostics, references);
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingCloudTrailBinding, positions.At(schema.Start, schema.Start + 1)));
            return Result(path, null, null, diagnostics);
        }

        var evt = ParseEvent(path, schema, binding, positions, diagnostics, references, cancellationToken);
        return Result(path, evt, null, diagnostics, references, positions.At(binding.NameStart, binding.NameEnd));
    }

    private static EventSpec? ParseEvent(string path, JsonObjectNode schema, JsonPropertyNode binding, SourcePositions positions, List<DiagnosticInfo> diagnostics, List<ExternalReference> references, CancellationToken cancellationToken)
    {
        string? eventSource = (binding.Value as JsonObjectNode)?.Get("eventSource") is JsonScalarNode { Kind: JsonValueKind.String, Text: { Length: > 0 } source } ? source : null;
        string? eventName = (binding.Value as JsonObjectNode)?.Get("eventName") is JsonScalarNode { Kind: JsonValueKind.String, Text: { Length: > 0 } name } ? name : null;
        if (eventSource is null || eventName is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedCloudTrailBinding, positions.At(binding.Value.Start, binding.Value.End)));
            return null;
        }

        string? typeBase = TypeBase(schema, eventName, positions, diagnostics, binding);
        if (typeBase is null)
        {
            return null;
        }

        var builder = new TypeBuilder(path, typeBase, positions, diagnostics, cancellationToken);
        string className = builder.Reserve(typeBase + "Event");
        if (schema.Get("$defs") is JsonObjectNode defs)
        {
            builder.AddDefinitions(defs);
            builder.ResolveAllDefinitions(defs);
        }

        var declared = schema.Get("properties") as JsonObjectNode;
        var payloads = new List<PayloadSpec>();
        foreach (var (jsonName, csharpName) in PayloadNames)
        {
            var node = declared?.Get(jsonName);
            TypeRef? type = null;
            if (node is not null)
            {
                type = builder.TypeOf(node, typeBase + csharpName, jsonName, out _);
                if (type.Kind is not (TypeKind.Object or TypeKind.External or TypeKind.Raw))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PayloadNotObject, positions.At(node.Start, node.End), jsonName));
                    type = null;
                }
                else if (type.Kind == TypeKind.Raw)
                {
                    type = null;
                }
            }

            payloads.Add(new PayloadSpec(jsonName, csharpName, type, TypeBuilder.Description(node as JsonObjectNode)));
        }

        foreach (var property in declared?.Properties ?? Enumerable.Empty<JsonPropertyNode>())
        {
            if (!PayloadNames.Any(p => p.JsonName == property.Name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TopLevelPropertyIgnored, positions.At(property.NameStart, property.NameEnd), property.Name));
            }
        }

        references.AddRange(builder.ExternalReferences);
        string? evidence = schema.Get("x-evidence") is JsonScalarNode { Kind: JsonValueKind.String, Text: { } e } ? e : null;
        return new EventSpec(
            path,
            eventSource,
            eventName,
            className,
            TypeBuilder.Description(schema),
            evidence,
            payloads.ToEquatableArray(),
            builder.Classes.ToEquatableArray(),
            builder.Enums.ToEquatableArray(),
            builder.ExternalReferences.Count > 0);
    }

    private static string? TypeBase(JsonObjectNode schema, string eventName, SourcePositions positions, List<DiagnosticInfo> diagnostics, JsonPropertyNode binding)
    {
        if (schema.Get("x-csharp-name") is { } explicitName)
        {
            if (explicitName is JsonScalarNode { Kind: JsonValueKind.String, Text: { } text } && Naming.IsIdentifier(text))
            {
                return text.EndsWith("Event", StringComparison.Ordinal) && text.Length > 5 ? text.Substring(0, text.Length - 5) : text;
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidCSharpName, positions.At(explicitName.Start, explicitName.End), (explicitName as JsonScalarNode)?.Text ?? "(not a string)"));
            return null;
        }

        string? derived = Naming.PropertyName(eventName);
        if (derived is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnusableName, positions.At(binding.Value.Start, binding.Value.End), eventName));
        }

        return derived;
    }

    private static DefinitionsSpec ParseDefinitions(string path, JsonObjectNode defs, SourcePositions positions, List<DiagnosticInfo> diagnostics, List<ExternalReference> references, CancellationToken cancellationToken)
    {
        var builder = new TypeBuilder(path, string.Empty, positions, diagnostics, cancellationToken);
        builder.AddDefinitions(defs);
        string normalized = PathUtil.Normalize(path);
        var exports = builder.ResolveAllDefinitions(defs)
            .Select(d => new DefinitionExport(normalized + "#/$defs/" + d.Name, d.Type))
            .ToEquatableArray();
        references.AddRange(builder.ExternalReferences);
        return new DefinitionsSpec(path, builder.Classes.ToEquatableArray(), builder.Enums.ToEquatableArray(), exports, builder.ExternalReferences.Count > 0);
    }

    private static ParsedSchema Result(string path, EventSpec? evt, DefinitionsSpec? definitions, List<DiagnosticInfo> diagnostics, List<ExternalReference>? references = null, DiagnosticLocation? binding = null) =>
        new(path, evt, definitions, diagnostics.ToEquatableArray(), (references ?? new List<ExternalReference>()).ToEquatableArray(), binding);
}
