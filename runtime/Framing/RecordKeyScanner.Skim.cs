using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using GlacierTrail.Envelope;

namespace GlacierTrail.Framing;

// The skim: the fast path of TryFind.
// Finds the end of a record and its top-level <c>eventSource</c> and <c>eventName</c> without
// validating anything, so that a record the filter rejects costs much less than a token walk.
// Bytes are classified 64 at a time into bitmasks (the first stage of simdjson): what is
// escaped, what is inside a string, and only the brackets outside strings (and, at the top
// level, the strings that may name a dispatch key) are visited one by one. A record the filter
// accepts is parsed, and so validated, afterwards; one it rejects never is, so anything the
// skim cannot be sure of makes it answer Fallback.
internal static partial class RecordKeyScanner
{
    // Bracket kinds are kept one bit a level in a ulong; deeper records go to the reader.
    private const int TrackedDepth = 64;

    private const ulong EvenBits = 0x5555_5555_5555_5555;

    // "eventS" and "eventN": what both dispatch keys' names start with.
    private const int DispatchNamePrefixLength = 6;

    private enum Step
    {
        Next,
        NeedMore,
        Fallback,
    }

    /// <summary>
    /// Skims the object that starts <paramref name="data"/> (its first byte is '{').
    /// <see cref="SkimResult.Complete"/>: <paramref name="length"/> is the object's length
    /// through its closing '}', and <paramref name="keys"/> hold the top-level
    /// <c>eventSource</c> and <c>eventName</c> where they are strings.
    /// <see cref="SkimResult.NeedMore"/>: call again with more data from the same start.
    /// <see cref="SkimResult.Fallback"/>: use the validating <see cref="TryScan"/>:
    /// nesting deeper than <paramref name="maxDepth"/> (or 64), an escaped member name at the
    /// top level that may decode to a dispatch key, an escaped dispatch value, a dispatch key
    /// given twice, a bracket closed by the other kind, or data that does not start with '{'.
    /// </summary>
    public static SkimResult Skim(ReadOnlySpan<byte> data, int maxDepth, out int length, out RecordKeys keys) =>
        Vector256.IsHardwareAccelerated ? SkimBlocks(data, maxDepth, wide: true, out length, out keys)
        : Vector128.IsHardwareAccelerated ? SkimBlocks(data, maxDepth, wide: false, out length, out keys)
        : SkimScalar(data, maxDepth, out length, out keys);

    /// <summary>
    /// The block-at-a-time skim; <paramref name="wide"/> picks 32-byte vectors over 16-byte ones
    /// (both work without hardware support, only slowly, so tests can run either).
    /// </summary>
    internal static SkimResult SkimBlocks(ReadOnlySpan<byte> data, int maxDepth, bool wide, out int length, out RecordKeys keys)
    {
        length = 0;
        keys = default;
        if (!CanStart(data, maxDepth, out int limit, out var early))
        {
            return early;
        }

        // The last blocks are classified from a copy padded with spaces, which match nothing:
        // a block looks up to Lookahead bytes past its end for the names it must visit.
        Span<byte> tail = stackalloc byte[StructuralBlock.Size + StructuralBlock.Lookahead];
        ref byte start = ref MemoryMarshal.GetReference(data);
        int depth = 0;
        int seen = 0;
        ulong kinds = 0;
        ulong escapedCarry = 0; // 1 when the next block's first byte is escaped
        ulong inStringCarry = 0; // all ones when the next block starts inside a string
        int pendingOpen = -1; // a top-level string still open at the end of the previous block
        bool pendingEscapes = false;
        int skipQuote = -1; // the opening quote of a dispatch value, already read

        for (int at = 0; (uint)at < (uint)data.Length; at += StructuralBlock.Size) // unsigned: at may wrap past int.MaxValue
        {
            scoped ref byte block = ref Unsafe.Add(ref start, at);
            if (data.Length - at < StructuralBlock.Size + StructuralBlock.Lookahead)
            {
                tail.Fill((byte)' ');
                data[at..].CopyTo(tail);
                block = ref MemoryMarshal.GetReference(tail);
            }

            ulong quotes, backslashes, brackets;
            if (wide)
            {
                StructuralBlock.Classify256(ref block, out quotes, out backslashes, out brackets);
            }
            else
            {
                StructuralBlock.Classify128(ref block, out quotes, out backslashes, out brackets);
            }

            // Escaped bytes: those after an odd run of backslashes. Adding each run that starts
            // on an odd bit to the runs carries it away, which tells odd-started runs from even.
            ulong escaped = 0;
            if ((backslashes | escapedCarry) != 0)
            {
                ulong escapes = backslashes & ~escapedCarry;
                ulong followsEscape = (escapes << 1) | escapedCarry;
                ulong oddStarts = escapes & ~EvenBits & ~followsEscape;
                ulong evenRuns = oddStarts + escapes;
                escapedCarry = evenRuns < escapes ? 1UL : 0UL;
                escaped = (EvenBits ^ (evenRuns << 1)) & followsEscape;
            }

            ulong realQuotes = quotes & ~escaped;

            // Inside a string: from an opening quote (included) to its closing quote (excluded).
            ulong inString = PrefixXor(realQuotes) ^ inStringCarry;
            inStringCarry = (ulong)((long)inString >> 63);
            brackets &= ~inString;
            ulong stringStarts = realQuotes & inString;
            ulong stringEnds = realQuotes & ~inString;

            if (pendingOpen >= 0)
            {
                if (stringEnds == 0)
                {
                    pendingEscapes |= backslashes != 0;
                    continue;
                }

                int close = BitOperations.TrailingZeroCount(stringEnds);
                pendingEscapes |= (backslashes & ((1UL << close) - 1)) != 0;
                var step = AtTopLevel(data, pendingOpen, at + close, pendingEscapes, ref keys, ref seen, out int valueOpen, out _);
                if (step != Step.Next)
                {
                    return Result(step);
                }

                skipQuote = valueOpen >= 0 ? valueOpen : skipQuote;
                pendingOpen = -1;
            }

            // The top-level strings that must be visited, worked out the first time the depth is 1 in this block.
            bool topKnown = false;
            while (true)
            {
                ulong candidates = brackets;
                if (depth == 1)
                {
                    if (!topKnown)
                    {
                        stringStarts &= MayNameDispatchKey(ref block, backslashes, wide);
                        topKnown = true;
                    }

                    candidates |= stringStarts;
                }

                if (candidates == 0)
                {
                    break;
                }

                int bit = BitOperations.TrailingZeroCount(candidates);
                ulong here = 1UL << bit;
                ulong through = (here << 1) - 1; // bits 0..bit (all of them when bit is 63)
                stringStarts &= ~through;
                if ((brackets & here) != 0)
                {
                    brackets &= ~here;
                    byte bracket = Unsafe.Add(ref block, bit);
                    ulong kind = Kind(bracket);
                    if (StructuralBlock.Opens(bracket))
                    {
                        if (++depth > limit)
                        {
                            return SkimResult.Fallback;
                        }

                        kinds = (kinds << 1) | kind;
                    }
                    else
                    {
                        if ((kinds & 1) != kind)
                        {
                            return SkimResult.Fallback;
                        }

                        kinds >>= 1;
                        if (--depth == 0)
                        {
                            length = at + bit + 1;
                            return SkimResult.Complete;
                        }
                    }

                    continue;
                }

                int open = at + bit;
                if (open == skipQuote)
                {
                    continue;
                }

                ulong laterEnds = stringEnds & ~through;
                if (laterEnds == 0)
                {
                    // The string runs past this block: nothing else in it is structural.
                    pendingOpen = open;
                    pendingEscapes = (backslashes & ~through) != 0;
                    break;
                }

                int end = BitOperations.TrailingZeroCount(laterEnds);
                bool hasEscapes = (backslashes & ~through & ((1UL << end) - 1)) != 0;
                var found = AtTopLevel(data, open, at + end, hasEscapes, ref keys, ref seen, out int quote, out _);
                if (found != Step.Next)
                {
                    return Result(found);
                }

                skipQuote = quote >= 0 ? quote : skipQuote;
            }
        }

        return SkimResult.NeedMore;
    }

    /// <summary>
    /// Of the 64 quotes at <paramref name="block"/>, those that may open a member name the skim
    /// must read (see <see cref="MayBeDispatchName"/>): followed by <c>eventS</c> or
    /// <c>eventN</c>. Where a backslash is in the block or the few bytes after it, every quote,
    /// and <see cref="AtTopLevel"/> decides. Most top-level strings of a record are thus passed
    /// over with its other bytes instead of being visited one by one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MayNameDispatchKey(ref byte block, ulong backslashes, bool wide)
    {
        if (backslashes != 0 || StructuralBlock.HasBackslash(ref block, StructuralBlock.Size))
        {
            return ulong.MaxValue;
        }

        return wide ? StructuralBlock.DispatchNamePrefixes256(ref block) : StructuralBlock.DispatchNamePrefixes128(ref block);
    }

    /// <summary>The byte-at-a-time skim, for machines without vector hardware.</summary>
    internal static SkimResult SkimScalar(ReadOnlySpan<byte> data, int maxDepth, out int length, out RecordKeys keys)
    {
        length = 0;
        keys = default;
        if (!CanStart(data, maxDepth, out int limit, out var early))
        {
            return early;
        }

        int depth = 0;
        int seen = 0;
        ulong kinds = 0;
        for (int i = 0; i < data.Length; i++)
        {
            byte b = data[i];
            switch (b)
            {
                case (byte)'"':
                    int close = StringEnd(data, i, out bool hasEscapes);
                    if (close < 0)
                    {
                        return SkimResult.NeedMore;
                    }

                    if (depth == 1)
                    {
                        var step = AtTopLevel(data, i, close, hasEscapes, ref keys, ref seen, out _, out int valueClose);
                        if (step != Step.Next)
                        {
                            return Result(step);
                        }

                        close = Math.Max(close, valueClose);
                    }

                    i = close;
                    break;
                case (byte)'{':
                case (byte)'[':
                    if (++depth > limit)
                    {
                        return SkimResult.Fallback;
                    }

                    kinds = (kinds << 1) | Kind(b);
                    break;
                case (byte)'}':
                case (byte)']':
                    if ((kinds & 1) != Kind(b))
                    {
                        return SkimResult.Fallback;
                    }

                    kinds >>= 1;
                    if (--depth == 0)
                    {
                        length = i + 1;
                        return SkimResult.Complete;
                    }

                    break;
            }
        }

        return SkimResult.NeedMore;
    }

    /// <summary>
    /// A string directly inside the record, from quote <paramref name="open"/> to quote
    /// <paramref name="close"/>: when a ':' follows it is a member name, and a dispatch key's
    /// string value is located (<paramref name="valueOpen"/> and <paramref name="valueClose"/>
    /// are its quotes, or -1).
    /// </summary>
    private static Step AtTopLevel(
        ReadOnlySpan<byte> data, int open, int close, bool hasEscapes, ref RecordKeys keys, ref int seen, out int valueOpen, out int valueClose)
    {
        valueOpen = -1;
        valueClose = -1;
        int colon = SkipWhitespace(data, close + 1);
        if (colon == data.Length)
        {
            return Step.NeedMore;
        }

        if (data[colon] != (byte)':')
        {
            return Step.Next; // a value
        }

        var name = data[(open + 1)..close];
        if (hasEscapes)
        {
            // "event\u0053ource" is eventSource: an escaped name that may be a dispatch key is the reader's.
            return MayBeDispatchName(name) ? Step.Fallback : Step.Next;
        }

        int which = name.SequenceEqual(EnvelopeFieldNames.EventSourceUtf8) ? 1 : name.SequenceEqual(EnvelopeFieldNames.EventNameUtf8) ? 2 : 0;
        if (which == 0)
        {
            return Step.Next;
        }

        if ((seen & which) != 0)
        {
            return Step.Fallback; // a duplicate: the reader decides which one counts
        }

        seen |= which;
        int value = SkipWhitespace(data, colon + 1);
        if (value == data.Length)
        {
            return Step.NeedMore;
        }

        if (data[value] != (byte)'"')
        {
            return Step.Next; // not a string: absent
        }

        int end = data[(value + 1)..].IndexOfAny((byte)'"', (byte)'\\');
        if (end < 0)
        {
            return Step.NeedMore;
        }

        end += value + 1;
        if (data[end] != (byte)'"')
        {
            return Step.Fallback; // an escaped value is decoded by the reader
        }

        var key = new RecordKeys.KeyValue(value + 1, end - value - 1, null);
        if (which == 1)
        {
            keys.Source = key;
        }
        else
        {
            keys.Name = key;
        }

        valueOpen = value;
        valueClose = end;
        return Step.Next;
    }

    /// <summary>The closing quote of the string that opens at <paramref name="open"/>, or -1 when the data ends first.</summary>
    private static int StringEnd(ReadOnlySpan<byte> data, int open, out bool hasEscapes)
    {
        hasEscapes = false;
        int i = open + 1;
        while (i < data.Length)
        {
            int next = data[i..].IndexOfAny((byte)'"', (byte)'\\');
            if (next < 0)
            {
                return -1;
            }

            i += next;
            if (data[i] == (byte)'"')
            {
                return i;
            }

            hasEscapes = true;
            i += 2;
        }

        return -1;
    }

    /// <summary>
    /// Whether a member name, as written, may decode to <c>eventSource</c> or <c>eventName</c>:
    /// its first six bytes are <c>eventS</c> or <c>eventN</c>, or hold a backslash (without
    /// escapes in them they are the first six characters of the name, and both keys start so).
    /// </summary>
    private static bool MayBeDispatchName(ReadOnlySpan<byte> name)
    {
        var head = name[..Math.Min(name.Length, DispatchNamePrefixLength)];
        return head.Contains((byte)'\\')
            || head.SequenceEqual(EnvelopeFieldNames.EventSourceUtf8[..DispatchNamePrefixLength])
            || head.SequenceEqual(EnvelopeFieldNames.EventNameUtf8[..DispatchNamePrefixLength]);
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> data, int pos)
    {
        while (pos < data.Length && data[pos] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            pos++;
        }

        return pos;
    }

    // As JsonReaderOptions.MaxDepth: 0 means 64. A negative limit is the reader's to reject.
    /// <summary>What both skims check first: there is data, it opens an object, and the depth limit allows one.</summary>
    private static bool CanStart(ReadOnlySpan<byte> data, int maxDepth, out int limit, out SkimResult early)
    {
        limit = DepthLimit(maxDepth);
        early = data.IsEmpty ? SkimResult.NeedMore : SkimResult.Fallback;
        return !data.IsEmpty && data[0] == (byte)'{' && limit >= 1;
    }

    private static int DepthLimit(int maxDepth) => maxDepth < 0 ? 0 : Math.Min(maxDepth == 0 ? 64 : maxDepth, TrackedDepth);

    // 1 for '{' and '}', 0 for '[' and ']': they differ in bit 0x20.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Kind(byte bracket) => (uint)(bracket >> 5) & 1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong PrefixXor(ulong bits)
    {
        if (Pclmulqdq.IsSupported)
        {
            // A carry-less multiplication by all ones is the prefix XOR in one instruction.
            return Pclmulqdq.CarrylessMultiply(Vector128.CreateScalar(bits), Vector128<ulong>.AllBitsSet, 0).ToScalar();
        }

        bits ^= bits << 1;
        bits ^= bits << 2;
        bits ^= bits << 4;
        bits ^= bits << 8;
        bits ^= bits << 16;
        bits ^= bits << 32;
        return bits;
    }

    private static SkimResult Result(Step step) => step == Step.NeedMore ? SkimResult.NeedMore : SkimResult.Fallback;
}
