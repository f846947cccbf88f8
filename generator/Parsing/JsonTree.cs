using System.Collections.Generic;
using System.Text.Json;

namespace GlacierTrail.Gen.Parsing;

internal static class JsonTree
{
    /// <summary>Deep enough for any real schema, and for the hostile ones we test (200 levels).</summary>
    public const int MaxDepth = 512;

    /// <exception cref="JsonException">The bytes are not one valid JSON value.</exception>
    public static JsonNode Parse(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = MaxDepth,
        });
        if (!reader.Read())
        {
            throw new JsonException("The file is empty.");
        }

        var root = ReadValue(ref reader, utf8);
        if (reader.Read())
        {
            throw new JsonException($"Unexpected content after the schema at byte {reader.TokenStartIndex}.");
        }

        return root;
    }

    // An explicit stack rather than recursion: deeply nested input must not overflow the
    // compiler's thread stack.
    private static JsonNode ReadValue(ref Utf8JsonReader reader, byte[] utf8)
    {
        var stack = new Stack<(JsonNode Container, string? PendingName, int NameStart, int NameEnd)>();
        JsonNode? result = null;
        string? name = null;
        int nameStart = 0, nameEnd = 0;
        do
        {
            JsonNode? completed = null;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    stack.Push((new JsonObjectNode((int)reader.TokenStartIndex), name, nameStart, nameEnd));
                    name = null;
                    continue;
                case JsonTokenType.StartArray:
                    stack.Push((new JsonArrayNode((int)reader.TokenStartIndex), name, nameStart, nameEnd));
                    name = null;
                    continue;
                case JsonTokenType.PropertyName:
                    name = ReadString(ref reader, utf8);
                    nameStart = (int)reader.TokenStartIndex;
                    // The token as written, quotes included: BytesConsumed would also take the colon.
                    nameEnd = nameStart + reader.ValueSpan.Length + 2;
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    var frame = stack.Pop();
                    frame.Container.End = (int)reader.BytesConsumed;
                    completed = frame.Container;
                    name = frame.PendingName;
                    nameStart = frame.NameStart;
                    nameEnd = frame.NameEnd;
                    break;
                case JsonTokenType.String:
                    completed = new JsonScalarNode(JsonValueKind.String, ReadString(ref reader, utf8), (int)reader.TokenStartIndex, (int)reader.BytesConsumed);
                    break;
                case JsonTokenType.Number:
                    completed = new JsonScalarNode(JsonValueKind.Number, System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray()), (int)reader.TokenStartIndex, (int)reader.BytesConsumed);
                    break;
                case JsonTokenType.True:
                    completed = new JsonScalarNode(JsonValueKind.True, null, (int)reader.TokenStartIndex, (int)reader.BytesConsumed);
                    break;
                case JsonTokenType.False:
                    completed = new JsonScalarNode(JsonValueKind.False, null, (int)reader.TokenStartIndex, (int)reader.BytesConsumed);
                    break;
                case JsonTokenType.Null:
                    completed = new JsonScalarNode(JsonValueKind.Null, null, (int)reader.TokenStartIndex, (int)reader.BytesConsumed);
                    break;
                default:
                    continue;
            }

            if (stack.Count == 0)
            {
                result = completed;
                break;
            }

            switch (stack.Peek().Container)
            {
                case JsonObjectNode obj:
                    obj.Properties.Add(new JsonPropertyNode(name!, nameStart, nameEnd, completed));
                    name = null;
                    break;
                case JsonArrayNode array:
                    array.Items.Add(completed);
                    break;
            }
        }
        while (reader.Read());

        return result ?? throw new JsonException("The JSON ends early.");
    }

    // Utf8JsonReader accepts an escaped lone surrogate ("\ud800") as valid syntax but cannot
    // turn it into a string; that is bad input (GTG001 at the string), not a generator failure.
    private static string ReadString(ref Utf8JsonReader reader, byte[] utf8)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (System.InvalidOperationException ex)
        {
            int offset = (int)reader.TokenStartIndex;
            int line = 0, lineStart = 0;
            for (int i = 0; i < offset; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            throw new JsonException(ex.Message, null, line, offset - lineStart, ex);
        }
    }
}
