using System;

namespace GlacierTrail.Parquet.Dataset;

/// <summary>One account, region and day of the dataset (the same in every table), ordered by its values.</summary>
internal readonly record struct Partition(string Account, string Region, string Date) : IComparable<Partition>
{
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
