using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GlacierTrail.Events;
using GlacierTrail.Parquet.Tests.Infrastructure;
using Xunit;

namespace GlacierTrail.Parquet.Tests;

/// <summary>The NativeAOT tool (Parquet.Net inside it, trimmed) exports the sample logs, and DuckDB reads the result.</summary>
public sealed class NativeExportTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "glaciertrail-native-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [NativeBinaryFact]
    public async Task TheNativeBinaryExportsTheSampleLogs()
    {
        string logs = Path.Combine(NativeBinaryFactAttribute.RepositoryRoot(), "samples", "logs");
        var (code, output) = await RunAsync("export", logs, "--output", _root);
        Assert.True(code == 0, output);

        // The tool exports what has a schema in it: the Glacier events.
        var expected = await GlacierTrailEvents.ReadFileAsync(logs).Where(e => e.EventSource == "glacier.amazonaws.com").ToListAsync();
        Assert.NotEmpty(expected);
        using var db = new DuckDb();
        Assert.Equal((long)expected.Count, db.Scalar($"SELECT count(*) FROM {DuckDb.Table(_root, "cloudtrail")}"));
        foreach (var type in expected.GroupBy(e => e.EventName.ToLowerInvariant()))
        {
            Assert.Equal((long)type.Count(), db.Scalar($"SELECT count(*) FROM {DuckDb.Table(_root, type.Key)}"));
        }

        var job = expected.First(e => e.EventName == "InitiateJob");
        var row = db.Query($"SELECT requestparameters.vaultname AS vault, epoch_ms(eventtime) AS ms FROM {DuckDb.Table(_root, "initiatejob")} WHERE eventid = '{job.EventId}'").Single();
        Assert.Equal(((InitiateJobEvent)job).RequestParameters!.VaultName, row["vault"]);
        Assert.Equal(job.EventTime!.Value.ToUnixTimeMilliseconds(), row["ms"]);
    }

    [NativeBinaryFact]
    public async Task TheNativeBinaryPrintsAthenaDdl()
    {
        var (code, output) = await RunAsync("export", "--ddl", "athena", "--location", "s3://bucket/prefix/");
        Assert.True(code == 0, output);
        Assert.Contains("CREATE EXTERNAL TABLE IF NOT EXISTS `cloudtrail`", output, StringComparison.Ordinal);
        Assert.Contains("LOCATION 's3://bucket/prefix/createvault/'", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(NativeBinaryFactAttribute.BinaryPath()) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
