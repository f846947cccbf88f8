using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using GlacierTrail.Testing;
using Xunit;

namespace GlacierTrail.Cli.Tests;

public class SummaryCommandTests
{
    [Fact]
    public async Task Text_counts_files_records_and_each_dimension()
    {
        var result = await CliRunner.RunAsync("summary", "--all", CliRunner.Logs);

        Assert.Equal(0, result.Code);
        Assert.Contains("files read:      2\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("records read:    10\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("records skipped: 0\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("time range:      2025-01-06T22:36:13Z .. 2025-07-06T05:56:15Z\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("eventName (10)", result.Out, StringComparison.Ordinal);
        Assert.Contains("       2  AccessDenied\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("       4  203.0.113.9\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("CloudTrail-Digest", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_has_the_same_facts()
    {
        var result = await CliRunner.RunAsync("summary", "--format", "json", CliRunner.Logs);

        Assert.Equal(0, result.Code);
        using var summary = JsonDocument.Parse(result.Out);
        var root = summary.RootElement;
        Assert.Equal(2, root.GetProperty("files").GetInt32());
        Assert.Equal(10, root.GetProperty("records").GetInt32());
        Assert.Equal(8, root.GetProperty("matched").GetInt32());
        Assert.Equal(0, root.GetProperty("skipped").GetProperty("records").GetInt32());
        Assert.Equal(2, root.GetProperty("skipped").GetProperty("notices").GetArrayLength());
        Assert.Equal("2025-01-06T22:36:13Z", root.GetProperty("timeRange").GetProperty("first").GetString());
        Assert.Equal(1, root.GetProperty("eventName").GetProperty("CreateVault").GetInt32());
        Assert.Equal(2, root.GetProperty("errorCode").GetProperty("AccessDenied").GetInt32());
        Assert.Equal(6, root.GetProperty("errorCode").GetProperty("(none)").GetInt32());
        Assert.Equal(2, root.GetProperty("vault").GetProperty("finance-archive-2019").GetInt32());
        Assert.True(root.GetProperty("principal").TryGetProperty("arn:aws:iam::123456789012:root", out _));
        Assert.Equal(8, root.GetProperty("sourceIPAddress").EnumerateObject().Sum(p => p.Value.GetInt32()));
    }

    [Fact]
    public async Task Filters_apply()
    {
        var result = await CliRunner.RunAsync("summary", "--format", "json", "--errors", CliRunner.Logs);
        using var summary = JsonDocument.Parse(result.Out);
        Assert.Equal(2, summary.RootElement.GetProperty("matched").GetInt32());
    }

    [Fact]
    public async Task Skipped_records_are_counted_with_their_reason()
    {
        var result = await CliRunner.RunAsync("summary", "--format", "json", CliRunner.Data("broken"));

        Assert.Equal(1, result.Code);
        using var summary = JsonDocument.Parse(result.Out);
        var skipped = summary.RootElement.GetProperty("skipped");
        Assert.Equal(1, skipped.GetProperty("records").GetInt32());
        var reasons = skipped.GetProperty("reasons").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(reasons, r => r.Contains("a JSON object", StringComparison.Ordinal));
        Assert.Equal(3, summary.RootElement.GetProperty("records").GetInt32());

        // The record with a number for eventTime is delivered, and counted as a record with problems.
        var problems = summary.RootElement.GetProperty("problems");
        Assert.Equal(1, problems.GetProperty("records").GetInt32());
        Assert.Equal(1, problems.GetProperty("kinds").GetProperty("WrongType").GetInt32());
    }
}

public class SummaryVaultTests
{
    // The vault comes from one forward pass over each record's JSON: it must find vaultName after
    // other members and nested objects, ignore a vaultName nested deeper, and count records
    // without a string vaultName under "(none)".
    [Fact]
    public async Task Vault_counts_match_each_records_requestParameters_vaultName()
    {
        const string Envelope = "\"eventVersion\":\"1.08\",\"eventTime\":\"2025-01-06T22:36:13Z\",\"eventSource\":\"glacier.amazonaws.com\",\"awsRegion\":\"us-east-1\"";
        string[] records =
        [
            $"{{{Envelope},\"eventName\":\"CreateVault\",\"requestParameters\":{{\"accountId\":\"-\",\"vaultName\":\"alpha\"}}}}",
            $"{{{Envelope},\"eventName\":\"InitiateJob\",\"requestParameters\":{{\"accountId\":\"-\",\"jobParameters\":{{\"type\":\"inventory-retrieval\",\"vaultName\":\"nested-not-counted\"}},\"vaultName\":\"beta\"}}}}",
            $"{{{Envelope},\"eventName\":\"ListVaults\",\"requestParameters\":{{\"accountId\":\"-\"}}}}",
            $"{{{Envelope},\"eventName\":\"ListVaults\",\"requestParameters\":null}}",
            $"{{{Envelope},\"eventName\":\"DeleteVault\",\"requestParameters\":{{\"vaultName\":\"alpha\",\"accountId\":\"-\"}},\"responseElements\":{{\"vaultName\":\"response-not-counted\"}}}}",
        ];
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"glaciertrail-vaults-{Guid.NewGuid():N}.json");
        await System.IO.File.WriteAllBytesAsync(path, RecordBuilder.Log(records));
        try
        {
            var result = await CliRunner.RunAsync("summary", "--format", "json", path);

            Assert.Equal(0, result.Code);
            using var summary = JsonDocument.Parse(result.Out);
            var vaults = summary.RootElement.GetProperty("vault").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
            Assert.Equal(2, vaults["alpha"]);
            Assert.Equal(1, vaults["beta"]);
            Assert.Equal(2, vaults["(none)"]);
            Assert.Equal(3, vaults.Count);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}
