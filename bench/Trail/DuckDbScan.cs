using System;
using System.IO;
using DuckDB.NET.Data;

namespace GlacierTrail.Bench.Trail;

/// <summary>
/// DuckDB in this process (DuckDB.NET): <c>read_json</c> over the tree's files, <c>unnest(Records)</c>,
/// the Glacier records kept and written one a line. Records are typed as JSON, as their members
/// differ from one service to the next; DuckDB uses every core.
/// </summary>
internal sealed class DuckDbScan : ITrailContender
{
    public string Name => "DuckDB read_json + unnest(Records)";

    public string Key => "duckdb";

    public string? Unavailable => null;

    public bool WritesRecords => true;

    public void Run(TrailTree tree)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        string glob = Path.Combine(tree.Logs, "**", "*.json.gz").Replace("'", "''", StringComparison.Ordinal);
        command.CommandText = $"""
            SELECT r::VARCHAR FROM (
                SELECT unnest(Records) AS r
                FROM read_json('{glob}', format = 'unstructured', columns = {"{'Records': 'JSON[]'}"}, compression = 'gzip', maximum_object_size = 67108864))
            WHERE r->>'eventSource' = 'glacier.amazonaws.com'
            """;
        using var output = new StreamWriter(tree.OutputPath(Key), append: false, new System.Text.UTF8Encoding(false), 64 * 1024);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            output.Write(reader.GetString(0));
            output.Write('\n');
        }
    }
}
