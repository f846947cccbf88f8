using System;

namespace GlacierTrail.Framing;

internal static class JsonSyntax
{
    /// <summary>
    /// The UTF-8 byte order mark, EF BB BF. ("\xEF\xBB\xBF"u8 would be six bytes: those escapes
    /// name the UTF-16 chars U+00EF U+00BB U+00BF, each encoded as two bytes.)
    /// </summary>
    public static ReadOnlySpan<byte> Utf8Bom => "\uFEFF"u8;

    /// <summary>The first byte that is not JSON whitespace (after a byte order mark), or -1 when there is none.</summary>
    public static int FirstSignificantByte(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith(Utf8Bom))
        {
            utf8 = utf8[Utf8Bom.Length..];
        }

        foreach (byte b in utf8)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b;
            }
        }

        return -1;
    }

    /// <summary>Whether the first significant byte opens an object.</summary>
    public static bool IsObject(ReadOnlySpan<byte> utf8) => FirstSignificantByte(utf8) == '{';
}
