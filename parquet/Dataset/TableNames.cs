using System;
using System.Collections.Generic;
using GlacierTrail.Export;

namespace GlacierTrail.Parquet.Dataset;

/// <summary>
/// The folder of each typed table: the event name in lowercase, as the table names it. Two event
/// types of one name (from two sources), or one named like the <c>cloudtrail</c> table, are told
/// apart by the first label of their source: <c>glacier_createvault</c>.
/// </summary>
internal static class TableNames
{
    public static List<(ExportTable Table, string Name)> Assign(IReadOnlyList<ExportTable> tables)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { [CloudTrailColumns.TableName] = 1 };
        foreach (var table in tables)
        {
            counts[table.Name] = counts.GetValueOrDefault(table.Name) + 1;
        }

        var assigned = new List<(ExportTable, string)>(tables.Count);
        var used = new HashSet<string>(StringComparer.Ordinal) { CloudTrailColumns.TableName };
        var keys = new HashSet<CloudTrailEventKey>();
        foreach (var table in tables)
        {
            if (!keys.Add(table.Key))
            {
                throw new ArgumentException($"Two export tables for {table.Key}.", nameof(tables));
            }

            string name = table.Name;
            if (counts[name] > 1)
            {
                string source = table.Key.EventSource;
                int dot = source.IndexOf('.', StringComparison.Ordinal);
                name = (dot > 0 ? source[..dot] : source).ToLowerInvariant() + "_" + name;
            }

            if (!used.Add(name))
            {
                throw new ArgumentException($"Two export tables would be written to the folder '{name}'.", nameof(tables));
            }

            assigned.Add((table, name));
        }

        return assigned;
    }
}
