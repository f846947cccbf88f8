using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace GlacierTrail.Framing;

/// <summary>
/// Classifies 64 bytes at once into bitmasks (bit i for byte i) of the bytes that matter for
/// delimiting JSON: quotes, backslashes, and opening and closing brackets. What is inside a
/// string and what is escaped is worked out from these masks by <see cref="RecordKeyScanner"/>.
/// </summary>
internal static class StructuralBlock
{
    public const int Size = 64;

    /// <summary>The masks of the 64 bytes at <paramref name="block"/>, in two 32-byte vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Classify256(ref byte block, out ulong quotes, out ulong backslashes, out ulong opens, out ulong closes)
    {
        var low = Vector256.LoadUnsafe(ref block);
        var high = Vector256.LoadUnsafe(ref block, 32);
        quotes = Join(Vector256.Equals(low, Vector256.Create((byte)'"')), Vector256.Equals(high, Vector256.Create((byte)'"')));
        backslashes = Join(Vector256.Equals(low, Vector256.Create((byte)'\\')), Vector256.Equals(high, Vector256.Create((byte)'\\')));

        // '[' and ']' differ from '{' and '}' only in bit 0x20, and no other byte maps onto them.
        var lowFolded = low | Vector256.Create((byte)0x20);
        var highFolded = high | Vector256.Create((byte)0x20);
        opens = Join(Vector256.Equals(lowFolded, Vector256.Create((byte)'{')), Vector256.Equals(highFolded, Vector256.Create((byte)'{')));
        closes = Join(Vector256.Equals(lowFolded, Vector256.Create((byte)'}')), Vector256.Equals(highFolded, Vector256.Create((byte)'}')));
    }

    /// <summary>The masks of the 64 bytes at <paramref name="block"/>, in four 16-byte vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Classify128(ref byte block, out ulong quotes, out ulong backslashes, out ulong opens, out ulong closes)
    {
        var v0 = Vector128.LoadUnsafe(ref block);
        var v1 = Vector128.LoadUnsafe(ref block, 16);
        var v2 = Vector128.LoadUnsafe(ref block, 32);
        var v3 = Vector128.LoadUnsafe(ref block, 48);
        quotes = Mask(v0, v1, v2, v3, Vector128.Create((byte)'"'));
        backslashes = Mask(v0, v1, v2, v3, Vector128.Create((byte)'\\'));

        var fold = Vector128.Create((byte)0x20);
        v0 |= fold;
        v1 |= fold;
        v2 |= fold;
        v3 |= fold;
        opens = Mask(v0, v1, v2, v3, Vector128.Create((byte)'{'));
        closes = Mask(v0, v1, v2, v3, Vector128.Create((byte)'}'));
    }

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
