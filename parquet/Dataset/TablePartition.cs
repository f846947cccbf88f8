namespace GlacierTrail.Parquet.Dataset;

/// <summary>One table in one partition: where a run of files is written.</summary>
internal readonly record struct TablePartition(string Table, Partition Partition);
