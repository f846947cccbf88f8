using System;
using System.IO;
using System.Text.Json;

namespace GlacierTrail.Bench.Trail;

/// <summary>
/// What a contender wrote: its lines, and a checksum of their eventIDs that ignores order (DuckDB
/// does not keep it), so every contender can be held to the same records.
/// </summary>
internal readonly record struct NdjsonCheck(long Records, ulong EventIdSum)
{
    public static NdjsonCheck Of(string path)
    {
        long records = 0;
        ulong sum = 0;
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var record = JsonDocument.Parse(line);
            if (record.RootElement.GetProperty("eventSource").GetString() != TrailTree.GlacierSource)
            {
                throw new InvalidDataException($"{path}: line {records + 1} is not a Glacier record");
            }

            sum += Fnv1a(record.RootElement.GetProperty("eventID").GetString()!);
            records++;
        }

        return new NdjsonCheck(records, sum);
    }

    private static ulong Fnv1a(string text)
    {
        ulong hash = 14695981039346656037;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 1099511628211;
        }

        return hash;
    }
}
