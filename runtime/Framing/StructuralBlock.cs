using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GlacierTrail.Framing;

/// <summary>
/// Classifies 64 bytes at once into bitmasks (bit i for byte i) of the bytes that matter for
/// delimiting JSON: quotes, backslashes, and brackets (whether one opens is read from its byte
/// when it is visited, which saves a mask). What is inside a
/// string and what is escaped is worked out from these masks by <see cref="RecordKeyScanner"/>.
/// </summary>
internal static class StructuralBlock
{
    public const int Size = 64;

    /// <summary>How many bytes past its end a block's classification may read.</summary>
    public const int Lookahead = 16;

    // The six bytes after the opening quote of a name that may be a dispatch key: "eventS" or "eventN"
    // (the prefixes RecordKeyScanner.MayBeDispatchName takes from the envelope's names; the
    // vectors below test their first and last byte).
    private const int KeyKindOffset = 6;

    /// <summary>The masks of the 64 bytes at <paramref name="block"/>, in two 32-byte vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Classify256(ref byte block, out ulong quotes, out ulong backslashes, out ulong brackets)
    {
        var low = Vector256.LoadUnsafe(ref block);
        var high = Vector256.LoadUnsafe(ref block, 32);
        quotes = Join(Vector256.Equals(low, Vector256.Create((byte)'"')), Vector256.Equals(high, Vector256.Create((byte)'"')));
        backslashes = Join(Vector256.Equals(low, Vector256.Create((byte)'\\')), Vector256.Equals(high, Vector256.Create((byte)'\\')));

        // '[' and ']' differ from '{' and '}' only in bit 0x20, and no other byte maps onto them.
        var open = Vector256.Create((byte)'{');
        var close = Vector256.Create((byte)'}');
        var lowFolded = low | Vector256.Create((byte)0x20);
        var highFolded = high | Vector256.Create((byte)0x20);
        brackets = Join(
            Vector256.Equals(lowFolded, open) | Vector256.Equals(lowFolded, close),
            Vector256.Equals(highFolded, open) | Vector256.Equals(highFolded, close));
    }

    /// <summary>The masks of the 64 bytes at <paramref name="block"/>, in four 16-byte vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Classify128(ref byte block, out ulong quotes, out ulong backslashes, out ulong brackets)
    {
        var v0 = Vector128.LoadUnsafe(ref block);
        var v1 = Vector128.LoadUnsafe(ref block, 16);
        var v2 = Vector128.LoadUnsafe(ref block, 32);
        var v3 = Vector128.LoadUnsafe(ref block, 48);
        quotes = Mask(v0, v1, v2, v3, Vector128.Create((byte)'"'));
        backslashes = Mask(v0, v1, v2, v3, Vector128.Create((byte)'\\'));

        var fold = Vector128.Create((byte)0x20);
        brackets = BracketMask(v0 | fold) | ((ulong)BracketMask(v1 | fold) << 16) | ((ulong)BracketMask(v2 | fold) << 32) | ((ulong)BracketMask(v3 | fold) << 48);
    }

    /// <summary>Whether a bracket opens (<c>[</c> or <c>{</c>, bit 0x02) rather than closes (<c>]</c> or <c>}</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Opens(byte bracket) => (bracket & 0x02) != 0;

    /// <summary>
    /// The bytes of the block at <paramref name="block"/> followed by <c>e</c> and, five bytes
    /// later, <c>S</c> or <c>N</c>: where a quote there opens a name, it may be <c>eventSource</c>
    /// or <c>eventName</c> (reads <see cref="KeyKindOffset"/> bytes past the block).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong DispatchNamePrefixes256(ref byte block)
    {
        var e = Vector256.Create((byte)'e');
        var s = Vector256.Create((byte)'S');
        var n = Vector256.Create((byte)'N');
        var kindLow = Vector256.LoadUnsafe(ref block, KeyKindOffset);
        var kindHigh = Vector256.LoadUnsafe(ref block, 32 + KeyKindOffset);
        var low = Vector256.Equals(Vector256.LoadUnsafe(ref block, 1), e) & (Vector256.Equals(kindLow, s) | Vector256.Equals(kindLow, n));
        var high = Vector256.Equals(Vector256.LoadUnsafe(ref block, 33), e) & (Vector256.Equals(kindHigh, s) | Vector256.Equals(kindHigh, n));
        return Join(low, high);
    }

    /// <summary>As <see cref="DispatchNamePrefixes256"/>, in 16-byte vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong DispatchNamePrefixes128(ref byte block) =>
        DispatchNamePrefixes128(ref block, 0)
        | ((ulong)DispatchNamePrefixes128(ref block, 16) << 16)
        | ((ulong)DispatchNamePrefixes128(ref block, 32) << 32)
        | ((ulong)DispatchNamePrefixes128(ref block, 48) << 48);

    /// <summary>Whether one of the 8 bytes at <paramref name="block"/> + <paramref name="offset"/> is a backslash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HasBackslash(ref byte block, int offset)
    {
        // A zero byte of x ^ 0x5C5C... is a backslash: the classic "has a zero byte" test.
        ulong x = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref block, offset)) ^ 0x5C5C_5C5C_5C5C_5C5CUL;
        return ((x - 0x0101_0101_0101_0101UL) & ~x & 0x8080_8080_8080_8080UL) != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint DispatchNamePrefixes128(ref byte block, int offset)
    {
        var kind = Vector128.LoadUnsafe(ref block, (nuint)(offset + KeyKindOffset));
        var e = Vector128.Equals(Vector128.LoadUnsafe(ref block, (nuint)(offset + 1)), Vector128.Create((byte)'e'));
        return (e & (Vector128.Equals(kind, Vector128.Create((byte)'S')) | Vector128.Equals(kind, Vector128.Create((byte)'N')))).ExtractMostSignificantBits();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint BracketMask(Vector128<byte> folded) =>
        (Vector128.Equals(folded, Vector128.Create((byte)'{')) | Vector128.Equals(folded, Vector128.Create((byte)'}'))).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Join(Vector256<byte> low, Vector256<byte> high) =>
        low.ExtractMostSignificantBits() | ((ulong)high.ExtractMostSignificantBits() << 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mask(Vector128<byte> v0, Vector128<byte> v1, Vector128<byte> v2, Vector128<byte> v3, Vector128<byte> value) =>
        Vector128.Equals(v0, value).ExtractMostSignificantBits()
        | ((ulong)Vector128.Equals(v1, value).ExtractMostSignificantBits() << 16)
        | ((ulong)Vector128.Equals(v2, value).ExtractMostSignificantBits() << 32)
        | ((ulong)Vector128.Equals(v3, value).ExtractMostSignificantBits() << 48);
}
