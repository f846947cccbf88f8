using System;
using System.Text.Json;

namespace GlacierTrail.Serialization;

internal static class JsonErrors
{
    /// <summary>
    /// Turns a reader's syntax error into our error type with an absolute byte offset: the reader
    /// reports a line and a byte position in that line, which we map back through the input.
    /// </summary>
    public static CloudTrailReadException ToReadException(JsonException ex, ReadOnlySpan<byte> input, long baseOffset = 0)
    {
        long offset = -1;
        if (ex.LineNumber is long line && ex.BytePositionInLine is long column)
        {
            long position = 0;
            for (long i = 0; i < line && position < input.Length; i++)
            {
                int newline = input[(int)position..].IndexOf((byte)'\n');
                if (newline < 0)
                {
                    position = input.Length;
                    break;
                }

                position += newline + 1;
            }

            offset = baseOffset + position + column;
        }

        return new CloudTrailReadException($"invalid JSON: {Describe(ex)}", byteOffset: offset, innerException: ex);
    }

    /// <summary>The offset of the first byte that does not start a valid UTF-8 sequence, or -1.</summary>
    public static int FirstInvalidUtf8(ReadOnlySpan<byte> input)
    {
        for (int i = 0; i < input.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf8(input[i..], out _, out int length) != System.Buffers.OperationStatus.Done)
            {
                return i;
            }

            i += length;
        }

        return -1;
    }

    // The reader's message ends with its own "LineNumber: ... | BytePositionInLine: ..." suffix;
    // our message says where in its own terms.
    private static string Describe(JsonException ex)
    {
        string message = ex.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd();
    }
}
