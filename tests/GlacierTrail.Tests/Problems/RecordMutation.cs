using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GlacierTrail.Tests.Problems;

/// <summary>What a mutation does to one member of a record.</summary>
public enum MutationKind
{
    /// <summary>The member is left out.</summary>
    Remove,

    /// <summary>The member's scalar value becomes a value of another JSON type.</summary>
    Replace,

    /// <summary>The member is written twice.</summary>
    Repeat,
}

/// <summary>One member of a record, by its path from the record's top.</summary>
/// <param name="Segments">Member names and array indices, outermost first.</param>
public sealed record MemberSite(IReadOnlyList<object> Segments)
{
    /// <summary>The path as the reader writes it: names joined by dots, array items by index.</summary>
    public string Path
    {
        get
        {
            var text = new StringBuilder();
            foreach (object segment in Segments)
            {
                if (segment is int index)
                {
                    text.Append('[').Append(index).Append(']');
                }
                else
                {
                    text.Append(text.Length > 0 ? "." : string.Empty).Append((string)segment);
                }
            }

            return text.ToString();
        }
    }

    public string Name => (string)Segments[^1];

    public override string ToString() => Path;
}

/// <summary>Finds every member of a record and writes the record with one member mutated.</summary>
public static class RecordMutation
{
    /// <summary>Every member of every object in the record, at any depth (inside arrays too).</summary>
    public static List<MemberSite> Sites(JsonNode record)
    {
        var sites = new List<MemberSite>();
        Walk(record, [], sites);
        return sites;
    }

    private static void Walk(JsonNode? node, List<object> path, List<MemberSite> sites)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    var child = new List<object>(path) { name };
                    sites.Add(new MemberSite(child));
                    Walk(value, child, sites);
                }

                break;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++)
                {
                    Walk(array[i], [.. path, i], sites);
                }

                break;
        }
    }

    /// <summary>The value at a site.</summary>
    public static JsonNode? ValueAt(JsonNode record, MemberSite site)
    {
        JsonNode? node = record;
        foreach (object segment in site.Segments)
        {
            node = segment is int i ? node![i] : node![(string)segment];
        }

        return node;
    }

    /// <summary>A value of another JSON type than a scalar's, or null when the value is not a scalar.</summary>
    public static string? OtherType(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => "5",
        JsonValueKind.Number => "\"5\"",
        JsonValueKind.True or JsonValueKind.False => "\"yes\"",
        _ => null,
    };

    /// <summary>The record as JSON text with the member at <paramref name="site"/> mutated.</summary>
    public static byte[] Write(JsonNode record, MemberSite site, MutationKind kind)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            WriteNode(writer, record, [], site, kind);
        }

        return buffer.ToArray();
    }

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node, List<object> path, MemberSite site, MutationKind kind)
    {
        switch (node)
        {
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (name, value) in obj)
                {
                    var child = new List<object>(path) { name };
                    bool target = child.SequenceEqual(site.Segments);
                    if (target && kind == MutationKind.Remove)
                    {
                        continue;
                    }

                    int times = target && kind == MutationKind.Repeat ? 2 : 1;
                    for (int t = 0; t < times; t++)
                    {
                        writer.WritePropertyName(name);
                        if (target && kind == MutationKind.Replace)
                        {
                            writer.WriteRawValue(OtherType(value)!);
                        }
                        else
                        {
                            WriteNode(writer, value, child, site, kind);
                        }
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                for (int i = 0; i < array.Count; i++)
                {
                    WriteNode(writer, array[i], [.. path, i], site, kind);
                }

                writer.WriteEndArray();
                break;
            case null:
                writer.WriteNullValue();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
