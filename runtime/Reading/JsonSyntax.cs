namespace GlacierTrail;

internal static class JsonSyntax
{
    /// <summary>Whether the first non-whitespace byte opens an object.</summary>
    public static bool IsObject(System.ReadOnlySpan<byte> utf8)
    {
        foreach (byte b in utf8)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            return b == (byte)'{';
        }

        return false;
    }
}
