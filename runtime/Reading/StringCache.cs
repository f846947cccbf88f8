using System;
using System.Buffers.Binary;
using System.Numerics;

namespace GlacierTrail;

/// <summary>
/// Shares the instances of short strings that repeat across records (regions, versions, account
/// ids, ARNs, vault names, user agents' common values). A direct-mapped table, shared by all
/// readers: a value is admitted on its second sighting in its slot, so unique values (event
/// ids, request ids) cost a hash and never evict the common ones or allocate an entry. Races
/// between threads only cost a miss: entries are immutable and replaced whole.
/// </summary>
internal static class StringCache
{
    /// <summary>Longer values are rarely repeated and are always decoded.</summary>
    public const int MaxLength = 96;

    private const int Slots = 8192;
    private static readonly Entry?[] Entries = new Entry?[Slots];
    private static readonly int[] LastMiss = new int[Slots];

    public static string EventVersion(ref CloudTrailJsonReader reader) => reader.GetString();

    public static string Envelope(ref CloudTrailJsonReader reader) => reader.GetString();

    /// <summary>The shared instance for <paramref name="utf8"/>, if it is cached.</summary>
    public static bool TryGet(ReadOnlySpan<byte> utf8, out int hash, out string? value)
    {
        hash = Hash(utf8);
        var entry = Entries[hash & (Slots - 1)];
        if (entry is not null && entry.Hash == hash && utf8.SequenceEqual(entry.Utf8))
        {
            value = entry.Value;
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
            Entries[slot] = new Entry(hash, utf8.ToArray(), value);
        }
        else
        {
            LastMiss[slot] = hash;
        }
    }

    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        ulong h = 0x9E3779B97F4A7C15UL ^ (ulong)utf8.Length;
        while (utf8.Length >= 8)
        {
            h = BitOperations.RotateLeft((h ^ BinaryPrimitives.ReadUInt64LittleEndian(utf8)) * 0xFF51AFD7ED558CCDUL, 29);
            utf8 = utf8[8..];
        }

        ulong tail = 0;
        for (int i = 0; i < utf8.Length; i++)
        {
            tail |= (ulong)utf8[i] << (8 * i);
        }

        h = (h ^ tail) * 0xC4CEB9FE1A85EC53UL;
        return (int)(h ^ (h >> 32));
    }

    private sealed class Entry(int hash, byte[] utf8, string value)
    {
        public int Hash { get; } = hash;

        public byte[] Utf8 { get; } = utf8;

        public string Value { get; } = value;
    }
}
