using System;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using GlacierTrail.Serialization;

namespace GlacierTrail.Serialization;

/// <summary>
/// Shares the instances of strings that repeat across records (regions, versions, account ids,
/// ARNs, vault names, user agents, error messages). A direct-mapped table, shared by all
/// readers: a value is admitted on its second sighting in its slot, so unique values (event
/// ids, request ids) cost a hash and never evict the common ones.
/// </summary>
/// <remarks>
/// Only ASCII values are kept, and a slot holds just the string: the UTF-8 bytes it is looked up
/// by compare with the string's characters directly, so admitting a value allocates nothing
/// beyond the string the caller needed anyway. Hashes and values are separate arrays written
/// without locks; a reader that sees a hash and a value from different writers fails the content
/// comparison and misses, which is the only cost of a race.
/// </remarks>
internal static class StringCache
{
    /// <summary>Longer values are decoded every time (user agents and error messages fit below).</summary>
    public const int MaxLength = 512;

    private const int Slots = 8192;
    private static readonly string?[] Values = new string?[Slots];
    private static readonly int[] Hashes = new int[Slots];
    private static readonly int[] LastMiss = new int[Slots];

    public static string EventVersion(ref CloudTrailJsonReader reader) => reader.GetString();

    public static string Envelope(ref CloudTrailJsonReader reader) => reader.GetString();

    /// <summary>The shared instance for <paramref name="utf8"/>, if it is cached.</summary>
    public static bool TryGet(ReadOnlySpan<byte> utf8, out int hash, out string? value)
    {
        hash = Hash(utf8);
        int slot = hash & (Slots - 1);
        value = Values[slot];
        if (value is not null && Hashes[slot] == hash && value.Length == utf8.Length && Ascii.Equals(utf8, value))
        {
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Offers a value just decoded after a miss; kept when its slot saw it last time too.</summary>
    public static void Offer(ReadOnlySpan<byte> utf8, int hash, string value)
    {
        int slot = hash & (Slots - 1);
        if (LastMiss[slot] == hash)
        {
            // UTF-8 and UTF-16 lengths agree only for ASCII; anything else is not kept.
            if (value.Length == utf8.Length && Ascii.IsValid(utf8))
            {
                Values[slot] = null; // never a new hash with the old value
                Hashes[slot] = hash;
                Values[slot] = value;
            }
        }
        else
        {
            LastMiss[slot] = hash;
        }
    }

    /// <summary>
    /// A hash of the length and at most five words of the value (both ends and three points
    /// between), so a long value costs no more than a short one. Values that differ only
    /// elsewhere share a slot and displace each other; they are never confused, since a hit
    /// compares every byte.
    /// </summary>
    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        ulong h = 0x9E3779B97F4A7C15UL ^ (ulong)utf8.Length;
        int length = utf8.Length;
        if (length >= 8)
        {
            h = Mix(h, BinaryPrimitives.ReadUInt64LittleEndian(utf8));
            if (length > 16)
            {
                h = Mix(h, BinaryPrimitives.ReadUInt64LittleEndian(utf8[(length / 4)..]));
                h = Mix(h, BinaryPrimitives.ReadUInt64LittleEndian(utf8[(length / 2)..]));
                h = Mix(h, BinaryPrimitives.ReadUInt64LittleEndian(utf8[(length * 3 / 4 - 8)..]));
            }
            else if (length > 8)
            {
                h = Mix(h, BinaryPrimitives.ReadUInt64LittleEndian(utf8[(length / 2 - 4)..]));
            }

            h = Mix(h, BinaryPrimitives.ReadUInt64LittleEndian(utf8[(length - 8)..]));
        }
        else
        {
            ulong tail = 0;
            for (int i = 0; i < length; i++)
            {
                tail |= (ulong)utf8[i] << (8 * i);
            }

            h = Mix(h, tail);
        }

        h *= 0xC4CEB9FE1A85EC53UL;
        return (int)(h ^ (h >> 32));
    }

    private static ulong Mix(ulong h, ulong word) => BitOperations.RotateLeft((h ^ word) * 0xFF51AFD7ED558CCDUL, 29);
}
