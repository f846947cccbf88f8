using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace GlacierTrail.Serialization;

/// <summary>
/// Turns the byte offsets of a record's problems into member paths (<c>requestParameters.uploadId</c>,
/// <c>resources[0].ARN</c>) with one walk over the record. Clean records never come here, so
/// the generated readers carry no path bookkeeping at all.
/// </summary>
internal static class ProblemPaths
{
    public static CloudTrailProblem[] Resolve(ReadOnlySpan<byte> record, List<PendingProblem> pending, int maxDepth)
    {
        var order = pending.ToArray();

        // Stable, so problems at one offset keep the order they were met in.
        var index = new int[order.Length];
        for (int i = 0; i < index.Length; i++)
        {
            index[i] = i;
        }

        Array.Sort(index, (a, b) => order[a].Offset != order[b].Offset ? order[a].Offset.CompareTo(order[b].Offset) : a.CompareTo(b));
        var paths = new string?[order.Length];
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(record, new JsonReaderOptions { MaxDepth = Math.Max(maxDepth, 1) + 1 });
        int next = 0;
        try
        {
            while (next < index.Length && reader.Read())
            {
                long at = reader.TokenStartIndex;
                string? path = null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1] = frames[^1] with { Name = JsonStrings.DecodeLossy(ref reader) };
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path = Join(frames, frames.Count - 1);
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        if (frames.Count > 0 && frames[^1].IsArray)
                        {
                            frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
                        }

                        break;
                }

                while (next < index.Length && order[index[next]].Offset <= at)
                {
                    paths[index[next]] = order[index[next]].Offset == at ? path ?? Join(frames, frames.Count) : string.Empty;
                    next++;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray, -1, null));
                }
            }
        }
        catch (JsonException)
        {
            // The record was read before, so this cannot happen; paths not found stay empty.
        }

        var problems = new CloudTrailProblem[order.Length];
        for (int i = 0; i < order.Length; i++)
        {
            var p = order[i];
            string path = paths[i] ?? string.Empty;
            if (p.Member is not null)
            {
                path = path.Length == 0 ? p.Member : path + "." + p.Member;
            }

            problems[i] = new CloudTrailProblem(path, p.Kind, p.Message, p.Raw, p.Offset);
        }

        return problems;
    }

    private static string Join(List<Frame> frames, int count)
    {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            var frame = frames[i];
            if (frame.IsArray)
            {
                text.Append('[').Append(frame.Index).Append(']');
            }
            else if (frame.Name is not null)
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(frame.Name);
            }
        }

        return text.ToString();
    }

    private readonly record struct Frame(bool IsArray, int Index, string? Name);
}
