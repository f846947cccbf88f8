using System;
using System.Collections.Generic;
using System.Text.Json;

namespace GlacierTrail.Cli.Schemas;

/// <summary>
/// The schemas the tool's event types were generated from, embedded in the assembly (the same
/// files the generator read at build time), loaded into <see cref="SchemaNode"/> trees with
/// <c>$ref</c>s resolved. Lets <c>check</c> and <c>events --format csv</c> know each event's
/// typed members with JsonDocument only: no reflection, nothing the trimmer cannot see.
/// </summary>
internal sealed class SchemaCatalog
{
    private const string Prefix = "schemas/";
    private const string RecordSchema = "cloudtrail-record.schema.json";
    private readonly Dictionary<string, JsonDocument> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<CloudTrailEventKey, SchemaNode> _events = new();

    private SchemaCatalog()
    {
        var assembly = typeof(SchemaCatalog).Assembly;
        foreach (string name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(".schema.json", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            _files[name[Prefix.Length..]] = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }

        Record = Node(RecordSchema, "");
        foreach (var (file, document) in _files)
        {
            var root = document.RootElement;
            if (root.TryGetProperty("x-cloudtrail", out var binding)
                && binding.TryGetProperty("eventSource", out var source) && binding.TryGetProperty("eventName", out var name)
                && source.GetString() is { } s && name.GetString() is { } n && file != RecordSchema)
            {
                _events[new CloudTrailEventKey(s, n)] = Node(file, "");
            }
        }
    }

    /// <summary>The catalog of the built-in schemas.</summary>
    public static SchemaCatalog BuiltIn { get; } = new();

    /// <summary>The envelope (<c>cloudtrail-record.schema.json</c>).</summary>
    public SchemaNode Record { get; }

    /// <summary>The schema files loaded, by path under <c>schemas/</c>.</summary>
    public IReadOnlyCollection<string> Files => _files.Keys;

    /// <summary>The schema of an (eventSource, eventName), or null.</summary>
    public SchemaNode? Event(string eventSource, string eventName) =>
        _events.TryGetValue(new CloudTrailEventKey(eventSource, eventName), out var node) ? node : null;

    /// <summary>A payload's schema (<c>requestParameters</c>, ...) in an event's schema, or null when it describes none.</summary>
    public SchemaNode? Payload(string eventSource, string eventName, string payload) =>
        Event(eventSource, eventName)?.Properties is { } properties && properties.TryGetValue(payload, out var node) ? node : null;

    private SchemaNode Node(string file, string pointer)
    {
        string key = file + "#" + pointer;
        if (_nodes.TryGetValue(key, out var known))
        {
            return known;
        }

        if (!_files.TryGetValue(file, out var document) || !TryNavigate(document.RootElement, pointer, out var element))
        {
            // A dangling reference: the generator reports it and keeps the value raw.
            return _nodes[key] = new SchemaNode { Raw = true };
        }

        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference) && reference.GetString() is { } target)
        {
            int hash = target.IndexOf('#');
            string targetFile = hash == 0 ? file : Combine(file, hash < 0 ? target : target[..hash]);
            string targetPointer = hash < 0 ? "" : target[(hash + 1)..];
            var resolved = Node(targetFile, targetPointer);
            _nodes[key] = resolved;
            return resolved;
        }

        var node = new SchemaNode();
        _nodes[key] = node; // before the children, so recursive definitions end
        Fill(node, element, file, pointer);
        return node;
    }

    private void Fill(SchemaNode node, JsonElement schema, string file, string pointer)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            node.Raw = true;
            return;
        }

        var types = new List<string>();
        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String)
            {
                Add(types, node, type.GetString());
            }
            else if (type.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in type.EnumerateArray())
                {
                    Add(types, node, item.GetString());
                }
            }
        }

        if (types.Count > 1 || schema.TryGetProperty("oneOf", out _) || schema.TryGetProperty("anyOf", out _) || schema.TryGetProperty("allOf", out _))
        {
            node.Raw = true;
            return;
        }

        string? single = types.Count == 1 ? types[0]
            : node.Nullable ? null
            : schema.TryGetProperty("properties", out _) ? "object"
            : schema.TryGetProperty("enum", out _) ? "string"
            : null;
        if (single is null)
        {
            node.NullOnly = node.Nullable && types.Count == 0 && type.ValueKind != JsonValueKind.Undefined;
            node.Raw = !node.NullOnly;
            return;
        }

        node.Type = single;
        switch (single)
        {
            case "string":
                node.DateTime = !schema.TryGetProperty("enum", out _) && schema.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String && format.GetString() == "date-time";
                break;
            case "array":
                node.Items = schema.TryGetProperty("items", out _) ? Node(file, pointer + "/items") : new SchemaNode { Raw = true };
                break;
            case "object":
                if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
                {
                    node.Properties = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);
                    foreach (var property in properties.EnumerateObject())
                    {
                        node.Properties[property.Name] = Node(file, pointer + "/properties/" + Escape(property.Name));
                    }
                }
                else if (schema.TryGetProperty("additionalProperties", out var values) && values.ValueKind == JsonValueKind.Object)
                {
                    node.MapValue = Node(file, pointer + "/additionalProperties");
                }
                else
                {
                    node.Raw = true; // an object with no declared members is kept verbatim
                }

                break;
        }
    }

    private static void Add(List<string> types, SchemaNode node, string? type)
    {
        if (type == "null")
        {
            node.Nullable = true;
        }
        else if (type is not null)
        {
            types.Add(type);
        }
    }

    private static bool TryNavigate(JsonElement root, string pointer, out JsonElement element)
    {
        element = root;
        if (pointer.Length == 0)
        {
            return true;
        }

        foreach (string raw in pointer.TrimStart('/').Split('/'))
        {
            string segment = raw.Replace("~1", "/").Replace("~0", "~");
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment, out element))
            {
                return false;
            }
        }

        return true;
    }

    private static string Escape(string name) => name.Replace("~", "~0").Replace("/", "~1");

    private static string Combine(string file, string relative)
    {
        var parts = new List<string>(file.Split('/'));
        parts.RemoveAt(parts.Count - 1);
        foreach (string part in relative.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part.Length > 0 && part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    internal static string ServiceOf(string eventSource)
    {
        int dot = eventSource.IndexOf('.');
        return dot > 0 ? eventSource[..dot] : eventSource;
    }
}
