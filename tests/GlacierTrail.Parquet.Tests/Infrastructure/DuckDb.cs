using System;
using System.Collections.Generic;
using DuckDB.NET.Data;

namespace GlacierTrail.Parquet.Tests.Infrastructure;

/// <summary>An in-memory DuckDB that reads exported tables with Hive partitioning.</summary>
internal sealed class DuckDb : IDisposable
{
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public DuckDb() => _connection.Open();

    /// <summary>
    /// A table of the dataset as DuckDB reads it. Partition values stay text: DuckDB would
    /// otherwise read account IDs as numbers (losing leading zeros) and dates as DATE (failing on
    /// <c>unknown</c>).
    /// </summary>
    public static string Table(string root, string table) =>
        $"read_parquet('{root.Replace("'", "''", StringComparison.Ordinal)}/{table}/**/*.parquet', hive_partitioning = true, hive_types_autocast = false)";

    public List<Dictionary<string, object?>> Query(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<Dictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (int i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public void Dispose() => _connection.Dispose();
}
