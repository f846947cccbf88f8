using System;
using System.Collections.Generic;
using System.Text.Json;
using GlacierTrail.Cli.Input;
using GlacierTrail.Metadata;

namespace GlacierTrail.Cli.Output;

/// <summary>
/// The typed request fields as CSV columns with dotted names. The columns come from the member
/// metadata the generator emitted (so the header is known before the first row and the same for
/// every run); the values come from the event's typed <c>RequestParameters</c> as the runtime
/// writes them back, walked as JSON. Objects with declared members are flattened; arrays, maps
/// and raw values are one cell of JSON.
/// </summary>
internal static class RequestColumns
{
    private const string Payload = "requestParameters";
    private const int MaxDepth = 8;

    /// <summary>The request columns of the event types the filter reads, only those named in <paramref name="eventNames"/> when given.</summary>
    public static List<string> For(IReadOnlyList<CloudTrailEventMetadata> events, EventFilter filter, HashSet<string>? eventNames)
    {
        var columns = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var metadata in events)
        {
            if (!filter.AllSources && !filter.Sources.Contains(metadata.EventSource))
            {
                continue;
            }

            if (eventNames is not null && !eventNames.Contains(metadata.EventName))
            {
                continue;
            }

            if (metadata.FindPayload(Payload) is { } payload)
            {
                Collect(payload.Type, Payload, columns, 0);
            }
        }

        return new List<string>(columns);
    }

    /// <summary>The request payload's type for an event, or null when none is declared.</summary>
    public static CloudTrailTypeMetadata? TypeOf(CloudTrailEventMetadata? metadata) => metadata?.FindPayload(Payload)?.Type;

    public static void Flatten(JsonElement value, CloudTrailTypeMetadata? type, string path, Dictionary<string, string> cells)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (type?.Kind == CloudTrailMemberType.Object && value.ValueKind == JsonValueKind.Object && path.Split('.').Length < MaxDepth)
        {
            foreach (var member in value.EnumerateObject())
            {
                // Members no schema names are not typed fields: they stay in the NDJSON output only.
                if (type.FindMember(member.Name) is { } child)
                {
                    Flatten(member.Value, child.Type, path + "." + member.Name, cells);
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

    private static void Collect(CloudTrailTypeMetadata type, string path, SortedSet<string> columns, int depth)
    {
        if (type.Kind == CloudTrailMemberType.Object && depth < MaxDepth - 1)
        {
            foreach (var member in type.Members)
            {
                Collect(member.Type, path + "." + member.JsonName, columns, depth + 1);
            }

            return;
        }

        if (depth > 0)
        {
            columns.Add(path);
        }
    }
}
