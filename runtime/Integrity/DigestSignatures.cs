using System;
using System.Collections.Generic;
using System.Text.Json;

namespace GlacierTrail.Integrity;

/// <summary>
/// Signatures of digests supplied from outside the files: a digest's own signature is S3 object
/// metadata (<c>x-amz-meta-signature</c>), which a sync does not keep, and the newest digest of
/// a chain has no successor that records it.
/// </summary>
public static class DigestSignatures
{
    /// <summary>
    /// Reads a JSON object mapping a digest's <c>digestS3Object</c> to its hex signature, e.g.
    /// <c>{"AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2025/03/14/....json.gz": "6a2f..."}</c>.
    /// </summary>
    /// <param name="utf8Json">The JSON text.</param>
    /// <param name="source">The file name, for error messages.</param>
    /// <exception cref="FormatException">The JSON is not such an object.</exception>
    public static IReadOnlyDictionary<string, string> Parse(ReadOnlySpan<byte> utf8Json, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = 4 });
        var signatures = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException($"{source}: expected a JSON object mapping digestS3Object to a hex signature");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string key = reader.GetString()!;
                long offset = reader.TokenStartIndex;
                reader.Read();
                if (reader.TokenType != JsonTokenType.String || reader.GetString() is not { Length: > 0 } hex || !IsHex(hex))
                {
                    throw new FormatException($"{source}: the value for \"{key}\" (byte {offset}) is not a hex string");
                }

                if (!signatures.TryAdd(key, hex.ToLowerInvariant()))
                {
                    throw new FormatException($"{source}: \"{key}\" appears twice (byte {offset})");
                }
            }
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{source}: not JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}", ex);
        }

        return signatures;
    }

    internal static bool IsHex(string text)
    {
        if (text.Length % 2 != 0)
        {
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
