using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace GlacierTrail.Serialization;

/// <summary>
/// Decoding of JSON strings that <see cref="Utf8JsonReader"/> refuses: an escape such as
/// <c>\ud800</c> is valid JSON syntax but not valid Unicode, and the reader throws
/// <see cref="InvalidOperationException"/> when asked for the text. Such a string still names a
/// member or holds a value, so it is decoded with U+FFFD in place of what is not Unicode.
/// </summary>
internal static class JsonStrings
{
    /// <summary>
    /// The current string or property name, decoded; <paramref name="lossy"/> says whether
    /// U+FFFD had to stand in for an escape that is not valid Unicode.
    /// </summary>
    /// <exception cref="CloudTrailReadException">The bytes are not UTF-8.</exception>
    public static string Decode(ref Utf8JsonReader reader, out bool lossy)
    {
        lossy = false;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            if (!Utf8.IsValid(reader.ValueSpan))
            {
                throw InvalidUtf8(reader.TokenStartIndex);
            }

            return Encoding.UTF8.GetString(reader.ValueSpan);
        }

        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            byte[] raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
            return Unescape(raw, reader.TokenStartIndex, out lossy);
        }
    }

    /// <summary>The current string or name, decoded, with U+FFFD for whatever is not Unicode; never throws for text.</summary>
    public static string DecodeLossy(ref Utf8JsonReader reader)
    {
        try
        {
            return Decode(ref reader, out _);
        }
        catch (CloudTrailReadException)
        {
            var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan.ToArray();
            return Encoding.UTF8.GetString(raw);
        }
    }

    /// <summary>Whether the current property name or string is <paramref name="utf8"/>; text that is not Unicode equals nothing.</summary>
    public static bool TextEquals(in Utf8JsonReader reader, ReadOnlySpan<byte> utf8)
    {
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            return reader.ValueSpan.SequenceEqual(utf8);
        }

        try
        {
            return reader.ValueTextEquals(utf8);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Unescapes the content of a JSON string (without its quotes).</summary>
    internal static string Unescape(ReadOnlySpan<byte> raw, long tokenOffset, out bool lossy)
    {
        lossy = false;
        var text = new StringBuilder(raw.Length);
        int i = 0;
        while (i < raw.Length)
        {
            int slash = raw[i..].IndexOf((byte)'\\');
            var run = slash < 0 ? raw[i..] : raw.Slice(i, slash);
            if (!Utf8.IsValid(run))
            {
                throw InvalidUtf8(tokenOffset);
            }

            text.Append(Encoding.UTF8.GetString(run));
            if (slash < 0)
            {
                break;
            }

            i += slash + 1;
            if (i >= raw.Length)
            {
                throw Malformed(tokenOffset);
            }

            byte e = raw[i++];
            switch (e)
            {
                case (byte)'"': text.Append('"'); break;
                case (byte)'\\': text.Append('\\'); break;
                case (byte)'/': text.Append('/'); break;
                case (byte)'b': text.Append('\b'); break;
                case (byte)'f': text.Append('\f'); break;
                case (byte)'n': text.Append('\n'); break;
                case (byte)'r': text.Append('\r'); break;
                case (byte)'t': text.Append('\t'); break;
                case (byte)'u':
                    char c = Hex4(raw, ref i, tokenOffset);
                    if (char.IsHighSurrogate(c) && i + 6 <= raw.Length && raw[i] == (byte)'\\' && raw[i + 1] == (byte)'u')
                    {
                        int at = i + 2;
                        char low = Hex4(raw, ref at, tokenOffset);
                        if (char.IsLowSurrogate(low))
                        {
                            text.Append(c).Append(low);
                            i = at;
                            break;
                        }
                    }

                    if (char.IsSurrogate(c))
                    {
                        text.Append('\uFFFD');
                        lossy = true;
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
                default:
                    throw Malformed(tokenOffset);
            }
        }

        return text.ToString();
    }

    private static char Hex4(ReadOnlySpan<byte> raw, ref int i, long tokenOffset)
    {
        if (i + 4 > raw.Length || !ushort.TryParse(Encoding.ASCII.GetString(raw.Slice(i, 4)), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort value))
        {
            throw Malformed(tokenOffset);
        }

        i += 4;
        return (char)value;
    }

    private static CloudTrailReadException InvalidUtf8(long offset) =>
        new("invalid UTF-8: a byte sequence that is not UTF-8", byteOffset: offset);

    private static CloudTrailReadException Malformed(long offset) =>
        new("a string holds an escape that is not valid JSON", byteOffset: offset);
}
