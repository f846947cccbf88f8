using System;

namespace GlacierTrail.Parquet.Dataset;

/// <summary>One account, region and day of the dataset (the same in every table), ordered by its values.</summary>
internal readonly record struct Partition(string Account, string Region, string Date) : IComparable<Partition>
{
    /// <summary>
    /// The worker, of <paramref name="workers"/>, that writes this partition, always the same:
    /// from a hash of the values that does not change from run to run (string hash codes do),
    /// so a run's row groups and files do not depend on the process.
    /// </summary>
    public int Worker(int workers)
    {
        uint hash = 2166136261;
        foreach (string part in (ReadOnlySpan<string>)[Account, Region, Date])
        {
            foreach (char c in part)
            {
                hash = (hash ^ c) * 16777619;
            }

            hash = (hash ^ '/') * 16777619;
        }

        return (int)(hash % (uint)workers);
    }

    public int CompareTo(Partition other)
    {
        int c = string.CompareOrdinal(Account, other.Account);
        if (c == 0)
        {
            c = string.CompareOrdinal(Region, other.Region);
        }

        return c != 0 ? c : string.CompareOrdinal(Date, other.Date);
    }
}
