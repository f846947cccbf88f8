using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace GlacierTrail.Cli.Tests;

/// <summary><c>events</c>: time order, filters, CSV columns and the table's layout.</summary>
public class EventsLayoutTests
{
    [Fact]
    public async Task Sort_time_orders_events_across_files()
    {
        var unsorted = await Times("events", "--format", "ndjson", CliRunner.Logs);
        var sorted = await Times("events", "--format", "ndjson", "--sort", "time", CliRunner.Logs);

        Assert.NotEqual(unsorted, unsorted.OrderBy(t => t).ToList()); // the two files overlap in time
        Assert.Equal(unsorted.OrderBy(t => t).ToList(), sorted);
    }

    [Fact]
    public async Task Sort_time_keeps_input_order_for_events_at_the_same_time()
    {
        string folder = InputTests.TempFolder();
        try
        {
            var records = (await CliRunner.RunAsync("events", "--format", "ndjson", CliRunner.Logs)).Lines;
            string Retimed(string line, string name, string time) =>
                line.Replace(JsonDocument.Parse(line).RootElement.GetProperty("eventTime").GetString()!, time, StringComparison.Ordinal)
                    .Replace(JsonDocument.Parse(line).RootElement.GetProperty("eventID").GetString()!, name, StringComparison.Ordinal);
            File.WriteAllLines(Path.Combine(folder, "a.json"), [Retimed(records[0], "a0", "2025-01-02T00:00:00Z"), Retimed(records[1], "a1", "2025-01-01T00:00:00Z")]);
            File.WriteAllLines(Path.Combine(folder, "b.json"), [Retimed(records[2], "b0", "2025-01-01T00:00:00Z"), Retimed(records[3], "b1", "2024-12-31T00:00:00Z")]);

            var result = await CliRunner.RunAsync("events", "--format", "csv", "--columns", "eventID", "--sort", "time", folder);

            Assert.Equal(["eventID", "b1", "a1", "b0", "a0"], result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("table")]
    [InlineData("csv")]
    public async Task Sort_time_works_for_every_format(string format)
    {
        var result = await CliRunner.RunAsync("events", "--format", format, "--sort", "time", CliRunner.Logs);

        Assert.Equal(0, result.Code);
        var times = result.Lines.Skip(1).Select(line => line[..20]).ToList();
        Assert.Equal(times.OrderBy(t => t, StringComparer.Ordinal).ToList(), times);
    }

    [Fact]
    public async Task Csv_has_the_audit_columns_and_no_typed_columns_without_event()
    {
        var result = await CliRunner.RunAsync("events", "--format", "csv", CliRunner.Logs);

        var lines = result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("eventTime,eventSource,eventName,awsRegion,recipientAccountId,userIdentity.type,principal,sourceIPAddress,vault,errorCode,errorMessage,eventID", lines[0]);
        var denied = lines.Single(l => l.Contains(",DeleteArchive,", StringComparison.Ordinal)).Split(',');
        Assert.Equal("glacier.amazonaws.com", denied[1]);
        Assert.Equal("AssumedRole", denied[5]);
        Assert.Equal("AccessDenied", denied[9]);
        Assert.Matches("^[0-9a-f-]{36}$", denied[11]);
        Assert.All(lines[1..], l => Assert.Matches("^[0-9]{4}-", l));
    }

    [Fact]
    public async Task Csv_columns_all_adds_the_request_fields_of_every_type()
    {
        var all = await CliRunner.RunAsync("events", "--format", "csv", "--columns", "all", CliRunner.Logs);

        var header = all.Out.Split("\r\n")[0].Split(',');
        Assert.Equal("eventID", header[11]);
        Assert.Contains("requestParameters.jobParameters.tier", header);
        Assert.Contains("requestParameters.policy.policy", header);
    }

    [Fact]
    public async Task Csv_columns_list_gives_exactly_those_columns()
    {
        var result = await CliRunner.RunAsync("events", "--format", "csv", "--columns", "eventName,requestParameters.jobParameters.tier,vault", "--event", "InitiateJob", CliRunner.Logs);

        Assert.Equal(["eventName,requestParameters.jobParameters.tier,vault", "InitiateJob,Bulk,legal-hold-2021"], result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("events", "--format", "csv", "--columns", "eventName,nope")]
    [InlineData("events", "--format", "table", "--columns", "eventName")]
    public async Task A_bad_columns_value_is_a_usage_error(params string[] args)
    {
        var result = await CliRunner.RunAsync([.. args, CliRunner.Logs]);

        Assert.Equal(2, result.Code);
        Assert.Contains("--columns", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-", "-")]
    [InlineData("-5", "-5")]
    [InlineData("+1.5e3", "+1.5e3")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("-cmd", "'-cmd")]
    [InlineData("=1", "'=1")]
    [InlineData("--", "'--")]
    [InlineData("-.", "'-.")]
    public void The_formula_guard_leaves_a_lone_dash_and_plain_numbers_alone(string value, string cell) =>
        Assert.Equal(cell, Output.CsvText.Cell(value, escapeControls: false));

    [Fact]
    public async Task Filters_are_repeatable_and_any_value_matches()
    {
        var byTwoVaults = await Names("--vault", "legal-hold-2021", "--vault", "backup-logs");
        var byTwoPrincipals = await Names("--principal", "archive-admin", "--principal", "maria.garcia");

        Assert.Equal(["InitiateJob", "DeleteVault"], byTwoVaults);
        Assert.Equal(["DeleteArchive", "SetVaultAccessPolicy", "DeleteVault"], byTwoPrincipals);
    }

    [Fact]
    public async Task Account_and_region_filter_on_recipient_account_and_region()
    {
        var all = (await CliRunner.RunAsync("events", "--format", "ndjson", CliRunner.Logs)).Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        string account = all[0].GetProperty("recipientAccountId").GetString()!;
        string region = all[0].GetProperty("awsRegion").GetString()!;

        var byAccount = await Names("--account", account);
        var byRegion = await Names("--region", region);
        var none = await Names("--account", "000000000000");

        Assert.Equal(all.Where(r => r.GetProperty("recipientAccountId").GetString() == account).Select(r => r.GetProperty("eventName").GetString()), byAccount);
        Assert.Equal(all.Where(r => r.GetProperty("awsRegion").GetString() == region).Select(r => r.GetProperty("eventName").GetString()), byRegion);
        Assert.NotEmpty(byAccount);
        Assert.Empty(none);
    }

    [Theory]
    [InlineData("2025-05-01", "2025-04-01")]
    [InlineData("2025-05-01", "2025-05-01")]
    public async Task An_empty_time_range_is_a_usage_error(string since, string until)
    {
        var result = await CliRunner.RunAsync("events", "--since", since, "--until", until, CliRunner.Logs);

        Assert.Equal(2, result.Code);
        Assert.Contains("the time range is empty", result.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(140)]
    [InlineData(200)]
    public async Task The_table_fits_the_terminal_and_keeps_the_principals_tail(int width)
    {
        var result = await Table(width);

        Assert.All(result, line => Assert.True(line.Length < width, line));
        Assert.DoesNotContain(result, line => line.Contains("arn:aws", StringComparison.Ordinal));
        Assert.Contains(result, line => line.Contains(width >= 140 ? "Operator/jdoe@example.com  " : "example.com  ", StringComparison.Ordinal));
        if (width >= 200)
        {
            Assert.Contains(result, line => line.Contains("  assumed-role/GlacierRestoreOperator/jdoe@example.com  ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_wide_table_cuts_nothing()
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        await Cli.RunAsync(["events", "--wide", CliRunner.Logs], new MemoryStream(), stdout, stderr, true, false, 100, default);

        Assert.Contains("arn:aws:sts::123456789012:assumed-role/GlacierRestoreOperator/jdoe@example.com", stdout.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("…", stdout.ToString(), StringComparison.Ordinal);
    }

    private static async Task<List<string>> Table(int width)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = await Cli.RunAsync(["events", CliRunner.Logs], new MemoryStream(), stdout, stderr, true, false, width, default);
        Assert.Equal(0, code);
        return stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private static async Task<List<string>> Times(params string[] args) =>
        (await CliRunner.RunAsync(args)).Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("eventTime").GetString()!).ToList();

    private static async Task<List<string>> Names(params string[] filters)
    {
        var result = await CliRunner.RunAsync(["events", "--format", "ndjson", .. filters, CliRunner.Logs]);
        Assert.Equal(0, result.Code);
        return result.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("eventName").GetString()!).ToList();
    }
}
