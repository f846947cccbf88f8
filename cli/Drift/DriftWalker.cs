using System.Text.Json;

namespace GlacierTrail.Cli.Schemas;

/// <summary>
/// Compares a record (as JSON) with the schemas: members no schema names, values of a type the
/// schema does not allow. Follows the generator's reading of a schema: raw values (no type,
/// several types, objects without declared members) accept anything; nulls are kept verbatim by
/// the runtime and are drift only where the schema does not allow null.
/// </summary>
internal sealed class DriftWalker
{
    private static readonly string[] Payloads = { "requestParameters", "responseElements", "additionalEventData" };
    private readonly SchemaCatalog _catalog;
    private readonly DriftReport _report;

    public DriftWalker(SchemaCatalog catalog, DriftReport report)
    {
        _catalog = catalog;
        _report = report;
    }

    /// <summary>Checks one record; its payloads only when its event has a schema.</summary>
    public void Check(JsonElement record, string eventSource, string eventName, bool known, string example)
    {
        var envelope = _catalog.Record.Properties!;
        foreach (var member in record.EnumerateObject())
        {
            int payload = System.Array.IndexOf(Payloads, member.Name);
            if (payload >= 0)
            {
                // A payload the event's schema does not describe is kept raw on purpose.
                if (known && _catalog.Payload(eventSource, eventName, member.Name) is { } node)
                {
                    Walk(member.Value, node, member.Name, eventName + " ", example);
                }
            }
            else if (envelope.TryGetValue(member.Name, out var node))
            {
                Walk(member.Value, node, member.Name, string.Empty, example);
            }
            else
            {
                Unknown(member.Name, string.Empty, example);
            }
        }
    }

    private void Walk(JsonElement value, SchemaNode node, string path, string group, string example)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!node.Raw && !node.Nullable && node.Type is not null)
            {
                Mismatch(path, group, node, "null", example);
            }

            return;
        }

        if (node.NullOnly)
        {
            // The schema says this is always null: whatever is here, no schema names.
            if (value.ValueKind == JsonValueKind.Object)
            {
                foreach (var member in value.EnumerateObject())
                {
                    Unknown(path + "." + member.Name, group, example);
                }
            }
            else
            {
                Mismatch(path, group, node, Describe(value), example);
            }

            return;
        }

        if (node.Raw)
        {
            return;
        }

        if (!Matches(value, node))
        {
            Mismatch(path, group, node, Describe(value), example);
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object when node.Properties is { } properties:
                foreach (var member in value.EnumerateObject())
                {
                    if (properties.TryGetValue(member.Name, out var child))
                    {
                        Walk(member.Value, child, path + "." + member.Name, group, example);
                    }
                    else
                    {
                        Unknown(path + "." + member.Name, group, example);
                    }
                }

                break;
            case JsonValueKind.Object when node.MapValue is { } mapValue:
                foreach (var member in value.EnumerateObject())
                {
                    Walk(member.Value, mapValue, path + ".*", group, example);
                }

                break;
            case JsonValueKind.Array when node.Items is { } items:
                foreach (var item in value.EnumerateArray())
                {
                    Walk(item, items, path + "[]", group, example);
                }

                break;
        }
    }

    private static bool Matches(JsonElement value, SchemaNode node) => node.Type switch
    {
        "string" => value.ValueKind == JsonValueKind.String && (!node.DateTime || value.TryGetDateTimeOffset(out _)),
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        _ => true,
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "an integer" : "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private void Unknown(string path, string group, string example) =>
        DriftReport.Add(_report.UnknownFields, group + path, example);

    private void Mismatch(string path, string group, SchemaNode node, string found, string example) =>
        DriftReport.Add(_report.TypeMismatches, $"{group}{path}: expected {node.Describe()}, found {found}", example);
}
