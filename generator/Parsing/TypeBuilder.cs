using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using GlacierTrail.Gen.Diagnostics;
using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen.Parsing;

/// <summary>
/// Turns the schemas of one file into C# type specs: classes, enum types, and references to
/// other files' definitions (resolved later, once every file is parsed).
/// </summary>
internal sealed class TypeBuilder
{
    private readonly string _path;
    private readonly string _typePrefix;
    private readonly SourcePositions _positions;
    private readonly SchemaReporter _report;
    private readonly SchemaKeywords _keywords;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, JsonNode> _defs = new();
    private readonly Dictionary<string, TypeRef> _resolvedDefs = new();
    private readonly HashSet<string> _defsInProgress = new();
    private readonly HashSet<string> _typeNames = new(Naming.ReservedTypeNames);
    private readonly List<ExternalReference> _externalReferences = new();

    public TypeBuilder(string path, string typePrefix, SourcePositions positions, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        _path = path;
        _typePrefix = typePrefix;
        _positions = positions;
        _report = new SchemaReporter(positions, diagnostics);
        _keywords = new SchemaKeywords(_report);
        _cancellationToken = cancellationToken;
    }

    public List<ClassSpec> Classes { get; } = new();

    public List<EnumSpec> Enums { get; } = new();

    public IReadOnlyList<ExternalReference> ExternalReferences => _externalReferences;

    /// <summary>Reserves a type name (e.g. the event class) so no generated type takes it.</summary>
    public string Reserve(string name) => UniqueName(name);

    public void AddDefinitions(JsonObjectNode defs)
    {
        foreach (var def in defs.Properties)
        {
            _defs[def.Name] = def.Value;
        }
    }

    /// <summary>Resolves every local definition, used or not, and returns them in file order.</summary>
    public List<(string Name, TypeRef Type)> ResolveAllDefinitions(JsonObjectNode defs)
    {
        var result = new List<(string, TypeRef)>();
        foreach (var def in defs.Properties)
        {
            result.Add((def.Name, ResolveLocalDefinition(def.Name, def.NameStart, def.NameEnd)));
        }

        return result;
    }

    /// <summary>The C# type for a schema node.</summary>
    /// <param name="node">The schema.</param>
    /// <param name="suggestedName">The name a class or enum type defined here gets.</param>
    /// <param name="jsonPath">Where the value sits in a record, for messages.</param>
    /// <param name="includesNull">Whether the schema's type includes null.</param>
    public TypeRef TypeOf(JsonNode node, string suggestedName, string jsonPath, out bool includesNull)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        includesNull = false;
        if (node is JsonScalarNode { Kind: JsonValueKind.True })
        {
            return TypeRef.Raw;
        }

        if (node is not JsonObjectNode schema)
        {
            _report.At(DiagnosticDescriptors.SchemaValueNotObject, node, jsonPath);
            return TypeRef.Raw;
        }

        _keywords.Check(schema, jsonPath);
        if (schema.Find("$ref") is { } reference)
        {
            return Reference(reference);
        }

        var types = _keywords.ReadTypes(schema, jsonPath, out includesNull);
        if (types.Count > 1)
        {
            _report.At(DiagnosticDescriptors.SeveralTypes, schema.Get("type")!, string.Join(", ", types), jsonPath);
            return TypeRef.Raw;
        }

        if (SchemaKeywords.HasShapeChangingKeyword(schema))
        {
            return TypeRef.Raw;
        }

        string? type = types.Count == 1 ? types[0] : null;
        if (type is null)
        {
            if (includesNull)
            {
                return TypeRef.Raw;
            }

            type = schema.Get("properties") is not null ? "object" : schema.Get("enum") is not null ? "string" : null;
            if (type is null)
            {
                return TypeRef.Raw;
            }
        }

        switch (type)
        {
            case "string":
                return StringType(schema, suggestedName, jsonPath);
            case "integer":
                _keywords.WarnEnumIgnored(schema, jsonPath);
                return TypeRef.Integer;
            case "number":
                _keywords.WarnEnumIgnored(schema, jsonPath);
                return TypeRef.Number;
            case "boolean":
                _keywords.WarnEnumIgnored(schema, jsonPath);
                return TypeRef.Boolean;
            case "array":
                if (schema.Get("items") is { } items)
                {
                    var element = TypeOf(items, suggestedName + "Item", jsonPath + "[]", out bool itemNull);
                    return new TypeRef(TypeKind.Array, Element: element, ElementNullable: itemNull);
                }

                return new TypeRef(TypeKind.Array, Element: TypeRef.Raw, ElementNullable: true);
            case "object":
                return ObjectType(schema, suggestedName, jsonPath);
            default:
                _report.At(DiagnosticDescriptors.UnknownType, schema.Get("type")!, type, jsonPath);
                return TypeRef.Raw;
        }
    }

    private TypeRef StringType(JsonObjectNode schema, string suggestedName, string jsonPath)
    {
        if (schema.Get("enum") is { } values)
        {
            return EnumType(values, schema, suggestedName);
        }

        if (schema.Get("format") is { } format)
        {
            if (format is JsonScalarNode { StringValue: "date-time" })
            {
                return TypeRef.DateTime;
            }

            string shown = (format as JsonScalarNode)?.Text ?? "?";
            _report.At(DiagnosticDescriptors.UnsupportedFormat, format, shown, jsonPath);
        }

        return TypeRef.String;
    }

    private TypeRef EnumType(JsonNode values, JsonObjectNode schema, string suggestedName)
    {
        if (values is not JsonArrayNode array)
        {
            _report.At(DiagnosticDescriptors.EnumNotArray, values);
            return TypeRef.String;
        }

        string name = UniqueName(suggestedName);
        var members = new List<EnumMemberSpec>();
        var used = new HashSet<string>(Naming.ReservedEnumMembers) { name };
        var seenValues = new HashSet<string>();
        foreach (var item in array.Items)
        {
            if (item is not JsonScalarNode { Kind: JsonValueKind.String, Text: { } value })
            {
                _report.At(DiagnosticDescriptors.EnumValueNotString, item);
                continue;
            }

            if (!seenValues.Add(value))
            {
                continue;
            }

            string memberName = Naming.EnumMemberName(value);
            string unique = memberName;
            for (int i = 2; !used.Add(unique); i++)
            {
                unique = memberName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            members.Add(new EnumMemberSpec(value, unique));
        }

        Enums.Add(new EnumSpec(name, Description(schema), members.ToEquatableArray()));
        return new TypeRef(TypeKind.Enum, name);
    }

    private TypeRef ObjectType(JsonObjectNode schema, string suggestedName, string jsonPath)
    {
        var properties = schema.Get("properties");
        if (properties is JsonObjectNode)
        {
            return DefineClass(schema, UniqueName(suggestedName), jsonPath);
        }

        if (properties is not null)
        {
            _report.At(DiagnosticDescriptors.PropertiesNotObject, properties, jsonPath);
            return TypeRef.Raw;
        }

        if (schema.Get("additionalProperties") is JsonObjectNode valueSchema)
        {
            var value = TypeOf(valueSchema, suggestedName + "Value", jsonPath + ".*", out bool valueNull);
            return new TypeRef(TypeKind.Map, Element: value, ElementNullable: valueNull);
        }

        // An object with no declared members: any object, kept verbatim.
        return TypeRef.Raw;
    }

    private TypeRef DefineClass(JsonObjectNode schema, string name, string jsonPath)
    {
        var required = _keywords.ReadRequired(schema, jsonPath);
        var properties = new List<PropertySpec>();
        var used = new Dictionary<string, string>();
        foreach (string reserved in Naming.ReservedClassMembers)
        {
            used[reserved] = reserved;
        }

        used[name] = name;
        foreach (var property in ((JsonObjectNode)schema.Get("properties")!).Properties)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            string? csharpName = PropertyName(property);
            if (csharpName is null)
            {
                continue;
            }

            if (used.TryGetValue(csharpName, out string? existing))
            {
                _report.At(DiagnosticDescriptors.NameCollision, property.NameStart, property.NameEnd, existing, property.Name, csharpName);
                continue;
            }

            used[csharpName] = property.Name;
            var type = TypeOf(property.Value, name + csharpName, jsonPath + "." + property.Name, out bool includesNull);
            bool isRequired = required.Contains(property.Name) && !includesNull;
            properties.Add(new PropertySpec(property.Name, csharpName, type, !isRequired, isRequired, Description(property.Value as JsonObjectNode)));
        }

        Classes.Add(new ClassSpec(name, jsonPath, Description(schema), properties.ToEquatableArray()));
        return new TypeRef(TypeKind.Object, name);
    }

    private string? PropertyName(JsonPropertyNode property)
    {
        if (property.Value is JsonObjectNode schema && schema.Get("x-csharp-name") is { } explicitName)
        {
            if (explicitName is JsonScalarNode { Kind: JsonValueKind.String, Text: { } text } && Naming.IsIdentifier(text))
            {
                return text;
            }

            _report.At(DiagnosticDescriptors.InvalidCSharpName, explicitName, (explicitName as JsonScalarNode)?.Text ?? "(not a string)");
        }

        string? derived = Naming.PropertyName(property.Name);
        if (derived is null)
        {
            _report.At(DiagnosticDescriptors.UnusableName, property.NameStart, property.NameEnd, property.Name);
        }

        return derived;
    }

    private TypeRef Reference(JsonPropertyNode reference)
    {
        if (reference.Value is not JsonScalarNode { Kind: JsonValueKind.String, Text: { } target })
        {
            _report.At(DiagnosticDescriptors.ReferenceNotString, reference.Value);
            return TypeRef.Raw;
        }

        int hash = target.IndexOf('#');
        string file = hash < 0 ? target : target.Substring(0, hash);
        string fragment = hash < 0 ? string.Empty : target.Substring(hash + 1);
        const string DefsPrefix = "/$defs/";
        if (!fragment.StartsWith(DefsPrefix, System.StringComparison.Ordinal) || fragment.Length == DefsPrefix.Length || fragment.IndexOf('/', DefsPrefix.Length) >= 0)
        {
            _report.At(DiagnosticDescriptors.ReferenceForm, reference.Value, target);
            return TypeRef.Raw;
        }

        string defName = fragment.Substring(DefsPrefix.Length);
        if (file.Length == 0)
        {
            return ResolveLocalDefinition(defName, reference.Value.Start, reference.Value.End);
        }

        string resolvedTarget = PathUtil.Resolve(_path, file) + "#" + fragment;
        _externalReferences.Add(new ExternalReference(resolvedTarget, target, _positions.At(reference.Value.Start, reference.Value.End)));
        return new TypeRef(TypeKind.External, resolvedTarget);
    }

    private TypeRef ResolveLocalDefinition(string defName, int start, int end)
    {
        if (_resolvedDefs.TryGetValue(defName, out var known))
        {
            return known;
        }

        if (!_defs.TryGetValue(defName, out var definition))
        {
            _report.At(DiagnosticDescriptors.MissingLocalDefinition, start, end, "#/$defs/" + defName, defName);
            return TypeRef.Raw;
        }

        if (!_defsInProgress.Add(defName))
        {
            _report.At(DiagnosticDescriptors.CyclicReference, start, end, "#/$defs/" + defName);
            return TypeRef.Raw;
        }

        try
        {
            string name = DefinitionTypeName(defName, definition);
            if (definition is JsonObjectNode schema && schema.Get("$ref") is null && schema.Get("properties") is JsonObjectNode && IsObjectTyped(schema))
            {
                // Registered before its members are read, so a class may refer to itself.
                string unique = UniqueName(name);
                var typeRef = new TypeRef(TypeKind.Object, unique);
                _resolvedDefs[defName] = typeRef;
                _keywords.Check(schema, defName);
                return DefineClass(schema, unique, defName);
            }

            var type = TypeOf(definition, name, defName, out _);
            _resolvedDefs[defName] = type;
            return type;
        }
        finally
        {
            _defsInProgress.Remove(defName);
        }
    }

    private static bool IsObjectTyped(JsonObjectNode schema)
    {
        var type = schema.Get("type");
        return type switch
        {
            null => true,
            JsonScalarNode { StringValue: "object" } => true,
            JsonArrayNode array => array.Items.All(i => i is JsonScalarNode { StringValue: "object" or "null" }),
            _ => false,
        };
    }

    private string DefinitionTypeName(string defName, JsonNode definition)
    {
        if (definition is JsonObjectNode schema && schema.Get("x-csharp-name") is { } explicitName)
        {
            if (explicitName is JsonScalarNode { Kind: JsonValueKind.String, Text: { } text } && Naming.IsIdentifier(text))
            {
                return text;
            }

            _report.At(DiagnosticDescriptors.InvalidCSharpName, explicitName, (explicitName as JsonScalarNode)?.Text ?? "(not a string)");
        }

        return _typePrefix + (Naming.PropertyName(defName) ?? Naming.EnumMemberName(defName));
    }


    private string UniqueName(string name)
    {
        name = Naming.Truncate(name);
        string unique = name;
        for (int i = 2; !_typeNames.Add(unique); i++)
        {
            unique = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return unique;
    }

    public static string? Description(JsonObjectNode? schema) =>
        schema?.Get("description") is JsonScalarNode { Kind: JsonValueKind.String, Text: { } text } ? text : null;
}
