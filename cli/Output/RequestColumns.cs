using System;
using System.Collections.Generic;
using System.Text.Json;
using GlacierTrail.Cli.Input;
using GlacierTrail.Cli.Schemas;

namespace GlacierTrail.Cli.Output;

/// <summary>
/// The typed request fields as CSV columns with dotted names. The columns come from the schemas
/// (so the header is known before the first row and the same for every run); the values come
/// from the event's typed <c>RequestParameters</c> as the runtime writes them back, walked as JSON.
/// Objects with declared members are flattened; arrays, maps and raw values are one cell of JSON.
/// </summary>
internal static class RequestColumns
{
    private const int MaxDepth = 8;

    /// <summary>The request columns of the event types the filter reads, only those named in <paramref name="eventNames"/> when given.</summary>
    public static List<string> For(SchemaCatalog catalog, EventFilter filter, HashSet<string>? eventNames)
    {
        var columns = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var key in GlacierTrail.Events.GlacierTrailEvents.KnownEvents)
        {
            if (!filter.AllSources && !filter.Sources.Contains(key.EventSource))
            {
                continue;
            }

            if (eventNames is not null && !eventNames.Contains(key.EventName))
            {
                continue;
            }

            if (catalog.Payload(key.EventSource, key.EventName, "requestParameters") is { } node)
            {
                Collect(node, "requestParameters", columns, 0);
            }
        }

        return new List<string>(columns);
    }

    public static void Flatten(JsonElement value, SchemaNode? node, string path, Dictionary<string, string> cells)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (node?.Properties is { } properties && value.ValueKind == JsonValueKind.Object && path.Split('.').Length < MaxDepth)
        {
            foreach (var member in value.EnumerateObject())
            {
                // Members no schema names are not typed fields: they stay in the NDJSON output only.
                if (properties.TryGetValue(member.Name, out var child))
                {
                    Flatten(member.Value, child, path + "." + member.Name, cells);
                }
            }

            return;
        }

        cells[path] = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            _ => value.GetRawText(),
        };
    }

    private static void Collect(SchemaNode node, string path, SortedSet<string> columns, int depth)
    {
        if (node.Properties is { } properties && depth < MaxDepth - 1)
        {
            foreach (var (name, child) in properties)
            {
                Collect(child, path + "." + name, columns, depth + 1);
            }

            return;
        }

        if (depth > 0)
        {
            columns.Add(path);
        }
    }
}
