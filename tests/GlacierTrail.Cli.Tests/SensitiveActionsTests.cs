using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using GlacierTrail.Cli.Audit;
using Xunit;

namespace GlacierTrail.Cli.Tests;

/// <summary>The summary's "sensitive actions" section, from the one list in <see cref="SensitiveActions"/>.</summary>
public class SensitiveActionsTests
{
    [Fact]
    public async Task Text_lists_each_category_with_count_and_most_recent_entries()
    {
        var result = await CliRunner.RunAsync("summary", CliRunner.Logs);

        Assert.Equal(0, result.Code);
        string text = result.Out;
        Assert.Contains("sensitive actions (each with its 10 most recent)\n", text, StringComparison.Ordinal);
        Assert.Contains("  deletions (DeleteVault, DeleteArchive): 1\n", text, StringComparison.Ordinal);
        Assert.Contains(
            "    2025-01-15T20:58:31Z  DeleteVault  by arn:aws:iam::111122223333:user/archive-admin  from 203.0.113.77  vault backup-logs  eventID ",
            text,
            StringComparison.Ordinal);
        Assert.Contains("  access policy changes (SetVaultAccessPolicy, DeleteVaultAccessPolicy): 1\n", text, StringComparison.Ordinal);
        Assert.Contains("  retrievals (InitiateJob): 1\n", text, StringComparison.Ordinal);
        Assert.Contains("           1  archive-retrieval Bulk\n", text, StringComparison.Ordinal);
        Assert.Contains("  denied calls (access denied, any event): 2\n", text, StringComparison.Ordinal);
        Assert.Contains("    2025-05-25T16:49:07Z  GetJobOutput (AccessDenied)  by ", text, StringComparison.Ordinal);

        // A denied DeleteArchive deleted nothing: it is a denied call, not a deletion.
        Assert.DoesNotContain("DeleteArchive  by", text, StringComparison.Ordinal);
        foreach (var category in SensitiveActions.All)
        {
            Assert.Contains("  " + category.Title + " (", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Top_limits_every_list_newest_first()
    {
        var one = await CliRunner.RunAsync("summary", "--top", "1", "--format", "json", CliRunner.Logs);
        var none = await CliRunner.RunAsync("summary", "--top", "0", "--format", "json", CliRunner.Logs);

        using var top1 = JsonDocument.Parse(one.Out);
        var denied = top1.RootElement.GetProperty("sensitiveActions").GetProperty("denied");
        Assert.Equal(2, denied.GetProperty("count").GetInt32());
        var entry = Assert.Single(denied.GetProperty("recent").EnumerateArray());
        Assert.Equal("2025-05-25T16:49:07Z", entry.GetProperty("eventTime").GetString());
        Assert.Equal("GetJobOutput", entry.GetProperty("eventName").GetString());
        Assert.Equal("AccessDenied", entry.GetProperty("errorCode").GetString());
        Assert.Equal("audit-evidence-2024", entry.GetProperty("vault").GetString());
        Assert.Equal("192.0.2.145", entry.GetProperty("sourceIPAddress").GetString());
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("eventID").GetString()));

        using var top0 = JsonDocument.Parse(none.Out);
        Assert.All(top0.RootElement.GetProperty("sensitiveActions").EnumerateObject(), c => Assert.Equal(0, c.Value.GetProperty("recent").GetArrayLength()));
        Assert.Equal(2, top0.RootElement.GetProperty("sensitiveActions").GetProperty("denied").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Json_has_every_category_by_its_id()
    {
        var result = await CliRunner.RunAsync("summary", "--format", "json", CliRunner.Logs);

        using var summary = JsonDocument.Parse(result.Out);
        var section = summary.RootElement.GetProperty("sensitiveActions");
        Assert.Equal(SensitiveActions.All.Select(c => c.Id), section.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, section.GetProperty("retrievals").GetProperty("byTypeAndTier").GetProperty("archive-retrieval Bulk").GetInt32());
        Assert.Equal("archive-retrieval Bulk", section.GetProperty("retrievals").GetProperty("recent")[0].GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_newest_of_many_are_kept_whatever_the_order_they_are_read()
    {
        string folder = InputTests.TempFolder();
        try
        {
            string denied = (await CliRunner.RunAsync("events", "--format", "ndjson", "--event", "GetJobOutput", CliRunner.Logs)).Lines.Single();
            string eventTime = JsonDocument.Parse(denied).RootElement.GetProperty("eventTime").GetString()!;
            var days = Enumerable.Range(1, 28).OrderBy(d => (d * 7) % 29).ToList(); // read out of time order
            File.WriteAllLines(Path.Combine(folder, "many.json"), days.Select(d => denied.Replace(eventTime, $"2025-02-{d:00}T00:00:00Z", StringComparison.Ordinal)));

            var result = await CliRunner.RunAsync("summary", "--top", "3", "--format", "json", folder);

            using var summary = JsonDocument.Parse(result.Out);
            var section = summary.RootElement.GetProperty("sensitiveActions").GetProperty("denied");
            Assert.Equal(28, section.GetProperty("count").GetInt32());
            Assert.Equal(["2025-02-28T00:00:00Z", "2025-02-27T00:00:00Z", "2025-02-26T00:00:00Z"], section.GetProperty("recent").EnumerateArray().Select(e => e.GetProperty("eventTime").GetString()));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Every_skipped_input_is_reported_once()
    {
        var result = await CliRunner.RunAsync(stdoutIsTerminal: true, stderrIsTerminal: true, "summary", CliRunner.Logs);

        Assert.Equal(string.Empty, result.Err);
        Assert.Equal(1, CountOf(result.Out, "CloudTrail-Digest_eu-central-1"));
        Assert.Equal(1, CountOf(result.Out, "README.txt"));
    }

    [Fact]
    public void Only_calls_that_were_done_count_as_actions()
    {
        Assert.True(SensitiveActions.IsAccessDenied("AccessDenied"));
        Assert.True(SensitiveActions.IsAccessDenied("AccessDeniedException"));
        Assert.False(SensitiveActions.IsAccessDenied("ResourceNotFoundException"));
        Assert.False(SensitiveActions.IsAccessDenied(null));
        Assert.Equal(
            ["DeleteVault", "DeleteArchive", "SetVaultAccessPolicy", "DeleteVaultAccessPolicy", "InitiateVaultLock", "CompleteVaultLock", "AbortVaultLock", "SetVaultNotifications", "DeleteVaultNotifications", "SetDataRetrievalPolicy", "InitiateJob"],
            SensitiveActions.All.SelectMany(c => c.EventNames));
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;
}
