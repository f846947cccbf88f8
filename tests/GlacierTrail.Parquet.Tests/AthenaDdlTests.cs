using System;
using GlacierTrail.Events;
using Xunit;

namespace GlacierTrail.Parquet.Tests;

public sealed class AthenaDdlTests
{
    [Fact]
    public void Every_table_gets_a_statement_with_partition_projection()
    {
        string ddl = AthenaDdl.Create(GlacierTrailEvents.ExportTables, "s3://bucket/trail-export");
        Assert.Contains("CREATE EXTERNAL TABLE IF NOT EXISTS `cloudtrail` (", ddl, StringComparison.Ordinal);
        Assert.Contains("LOCATION 's3://bucket/trail-export/cloudtrail/'", ddl, StringComparison.Ordinal);
        Assert.Contains("'storage.location.template'='s3://bucket/trail-export/initiatejob/account=${account}/region=${region}/date=${date}'", ddl, StringComparison.Ordinal);
        Assert.Contains("  `eventtime` timestamp,", ddl, StringComparison.Ordinal);
        Assert.Contains("  `readonly` boolean,", ddl, StringComparison.Ordinal);
        Assert.Contains("  `requestparameters` struct<accountid:string,vaultname:string,jobparameters:struct<type:string,", ddl, StringComparison.Ordinal);
        Assert.Contains("  `resources` array<struct<arn:string,arnprefix:string,accountid:string,type:string>>,", ddl, StringComparison.Ordinal);
        Assert.Contains("PARTITIONED BY (`account` string, `region` string, `date` string)", ddl, StringComparison.Ordinal);
        Assert.Equal(GlacierTrailEvents.ExportTables.Count + 1, ddl.Split("CREATE EXTERNAL TABLE").Length - 1);
        Assert.Equal(GlacierTrailEvents.ExportTables.Count + 1, ddl.Split("'projection.enabled'='true'").Length - 1);
    }

    [Fact]
    public void A_location_must_be_an_S3_URI() =>
        Assert.Throws<ArgumentException>(() => AthenaDdl.Create(GlacierTrailEvents.ExportTables, "/local/dir"));
}
