using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using GlacierTrail.Gen.Diagnostics;

namespace GlacierTrail.Gen.Parsing;

/// <summary>
/// The JSON Schema keywords of one schema object: which the generator reads, which it reports
/// as unsupported, and the <c>type</c> and <c>required</c> lists, read leniently (a malformed
/// entry is reported and skipped, never fatal).
/// </summary>
internal sealed class SchemaKeywords
{
    // Keywords that change nothing in the generated types but are legal annotations.
    private static readonly HashSet<string> Annotations = new()
    {
        "$schema", "$id", "$comment", "title", "description", "examples", "default", "deprecated", "readOnly", "writeOnly",
    };

    private static readonly HashSet<string> Supported = new()
    {
        "type", "properties", "required", "items", "additionalProperties", "enum", "format", "$ref", "$defs",
    };

    // Keywords that make the shape of a value something our types cannot say.
    private static readonly HashSet<string> ShapeChanging = new()
    {
        "oneOf", "anyOf", "allOf", "not", "if", "then", "else", "const", "patternProperties", "prefixItems", "dependentSchemas",
    };

    private readonly SchemaReporter _report;

    public SchemaKeywords(SchemaReporter report) => _report = report;

    public List<string> ReadTypes(JsonObjectNode schema, string jsonPath, out bool includesNull)
    {
        includesNull = false;
        var result = new List<string>();
        var type = schema.Get("type");
        IEnumerable<JsonNode> entries = type switch
        {
            null => Enumerable.Empty<JsonNode>(),
            JsonArrayNode array => array.Items,
            _ => new[] { type },
        };
        foreach (var entry in entries)
        {
            if (entry is not JsonScalarNode { Kind: JsonValueKind.String, Text: { } name })
            {
                _report.At(DiagnosticDescriptors.TypeNotString, entry, jsonPath);
                result.Add("?");
                continue;
            }

            if (name == "null")
            {
                includesNull = true;
            }
            else if (!result.Contains(name))
            {
                result.Add(name);
            }
        }

        return result;
    }

    public HashSet<string> ReadRequired(JsonObjectNode schema, string jsonPath)
    {
        var required = new HashSet<string>();
        var node = schema.Get("required");
        if (node is null)
        {
            return required;
        }

        if (node is not JsonArrayNode array)
        {
            _report.At(DiagnosticDescriptors.RequiredNotArray, node, jsonPath);
            return required;
        }

        foreach (var item in array.Items)
        {
            if (item is JsonScalarNode { Kind: JsonValueKind.String, Text: { } name })
            {
                required.Add(name);
            }
            else
            {
                _report.At(DiagnosticDescriptors.RequiredEntryNotString, item, jsonPath);
            }
        }

        return required;
    }

    public void Check(JsonObjectNode schema, string jsonPath)
    {
        foreach (var keyword in schema.Properties)
        {
            string name = keyword.Name;
            if (Supported.Contains(name) || Annotations.Contains(name) || name.StartsWith("x-", System.StringComparison.Ordinal))
            {
                continue;
            }

            var descriptor = ShapeChanging.Contains(name) ? DiagnosticDescriptors.ShapeKeyword : DiagnosticDescriptors.IgnoredKeyword;
            _report.At(descriptor, keyword.NameStart, keyword.NameEnd, name, jsonPath);
        }
    }

    public static bool HasShapeChangingKeyword(JsonObjectNode schema)
    {
        foreach (var keyword in schema.Properties)
        {
            if (ShapeChanging.Contains(keyword.Name))
            {
                return true;
            }
        }

        return false;
    }

    public void WarnEnumIgnored(JsonObjectNode schema, string jsonPath)
    {
        if (schema.Get("enum") is { } values)
        {
            _report.At(DiagnosticDescriptors.EnumOnNonString, values, jsonPath);
        }
    }
}
