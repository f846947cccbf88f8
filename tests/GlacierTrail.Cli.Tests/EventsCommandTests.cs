using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using GlacierTrail.Testing;
using Xunit;

namespace GlacierTrail.Cli.Tests;

public class EventsCommandTests
{
    public static IEnumerable<object[]> FixtureFiles() =>
        Directory.GetFiles(CliRunner.Fixtures, "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Fact]
    public void All_sixty_six_fixtures_are_there() => Assert.Equal(66, FixtureFiles().Count());

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public async Task Ndjson_of_each_fixture_is_json_equal_to_it(string name)
    {
        string path = Path.Combine(CliRunner.Fixtures, name);
        var result = await CliRunner.RunAsync("events", "--format", "ndjson", path);

        Assert.Equal(0, result.Code);
        Assert.Equal(string.Empty, result.Err);
        var line = Assert.Single(result.Lines);
        using var expected = JsonDocument.Parse(File.ReadAllBytes(path));
        using var actual = JsonDocument.Parse(line);
        Assert.Null(JsonAssert.FindDifference(expected.RootElement, actual.RootElement, "$"));
    }

    [Theory]
    [InlineData("drift/drift.json")]
    [InlineData("hostile/hostile.json")]
    [InlineData("logs/AWSLogs/123456789012/CloudTrail/eu-central-1/2025/04/24/123456789012_CloudTrail_eu-central-1_20250424T1830Z_a1B2c3D4e5F6g7H8.json.gz")]
    [InlineData("logs/AWSLogs/123456789012/CloudTrail/eu-central-1/2025/04/24/123456789012_CloudTrail_eu-central-1_20250424T1835Z_Z9y8X7w6V5u4T3s2.json.gz")]
    public async Task Ndjson_of_hand_made_logs_with_unknown_services_and_fields_is_json_equal_to_each_record(string relative)
    {
        string path = CliRunner.Data(relative);
        var result = await CliRunner.RunAsync("events", "--all", "--format", "ndjson", path);

        Assert.Equal(0, result.Code);
        using var log = JsonDocument.Parse(ReadMaybeGzip(path));
        var records = log.RootElement.GetProperty("Records").EnumerateArray().ToList();
        Assert.Equal(records.Count, result.Lines.Length);
        for (int i = 0; i < records.Count; i++)
        {
            using var actual = JsonDocument.Parse(result.Lines[i]);
            Assert.Null(JsonAssert.FindDifference(records[i], actual.RootElement, "$"));
        }
    }

    /// <summary>
    /// NDJSON to a UTF-8 stream writer (stdout and <c>--output</c>) is written as bytes, past the
    /// writer; it must be exactly the text any other writer gets, after what the writer held.
    /// </summary>
    [Theory]
    [InlineData("hostile/hostile.json")]
    [InlineData("drift/drift.json")]
    [InlineData("logs")]
    public async Task Ndjson_written_as_bytes_to_a_stream_is_the_text_written_to_any_other_writer(string relative)
    {
        string[] args = ["events", "--all", "--format", "ndjson", CliRunner.Data(relative)];
        var text = await CliRunner.RunAsync(args);
        using var bytes = new MemoryStream();
        var writer = new StreamWriter(bytes, new UTF8Encoding(false), 1024, leaveOpen: true);
        await writer.WriteAsync("held:");

        int code = await Cli.RunAsync(args, writer, new StringWriter(), stdoutIsTerminal: false, stderrIsTerminal: false);
        await writer.FlushAsync();

        Assert.Equal(text.Code, code);
        Assert.NotEmpty(text.Lines);
        Assert.Equal("held:" + text.Out, Encoding.UTF8.GetString(bytes.ToArray()));
    }

    [Fact]
    public async Task Default_format_is_ndjson_on_a_pipe_and_a_table_on_a_terminal()
    {
        var piped = await CliRunner.RunAsync(stdoutIsTerminal: false, stderrIsTerminal: false, "events", CliRunner.Logs);
        var terminal = await CliRunner.RunAsync(stdoutIsTerminal: true, stderrIsTerminal: true, "events", CliRunner.Logs);

        Assert.All(piped.Lines, line => Assert.StartsWith("{\"eventVersion\"", line, StringComparison.Ordinal));
        Assert.StartsWith("TIME", terminal.Lines[0], StringComparison.Ordinal);
        Assert.Contains("CreateVault", terminal.Out, StringComparison.Ordinal);
        Assert.Equal(piped.Lines.Length + 1, terminal.Lines.Length);
    }

    [Fact]
    public async Task By_default_only_sources_with_a_schema_and_all_gives_every_record()
    {
        var glacier = await Names("events", CliRunner.Logs);
        var all = await Names("events", "--all", CliRunner.Logs);
        var s3 = await Names("events", "--source", "s3.amazonaws.com", CliRunner.Logs);

        Assert.Equal(8, glacier.Count);
        Assert.DoesNotContain("GetObject", glacier);
        Assert.Equal(10, all.Count);
        Assert.Contains("GetObject", all);
        Assert.Contains("DescribeInstances", all);
        Assert.Equal(new[] { "GetObject" }, s3);
    }

    [Fact]
    public async Task Event_filter_is_repeatable_and_case_insensitive()
    {
        var names = await Names("events", "--event", "createvault", "-e", "DELETEVAULT", CliRunner.Logs);
        Assert.Equal(new[] { "CreateVault", "DeleteVault" }, names);
    }

    [Fact]
    public async Task Vault_filter_keeps_only_that_vault_case_sensitively()
    {
        var records = await Records("events", "--vault", "finance-archive-2019", CliRunner.Logs);
        Assert.NotEmpty(records);
        Assert.All(records, r => Assert.Equal("finance-archive-2019", r.GetProperty("requestParameters").GetProperty("vaultName").GetString()));
        Assert.Empty(await Records("events", "--vault", "FINANCE-ARCHIVE-2019", CliRunner.Logs));
    }

    [Theory]
    [InlineData("arn:aws:sts::123456789012:assumed-role/GlacierRestoreOperator/jdoe@example.com", 3)]
    [InlineData("jdoe@example.com", 3)]
    [InlineData("GlacierRestoreOperator", 2)] // the EC2 record has no session context
    [InlineData("archive-admin", 2)]
    [InlineData("nobody", 0)]
    public async Task Principal_filter_takes_an_arn_or_a_name(string principal, int expected)
    {
        var records = await Records("events", "--all", "--principal", principal, CliRunner.Logs);
        Assert.Equal(expected, records.Count);
    }

    [Fact]
    public async Task Since_is_inclusive_and_until_exclusive()
    {
        var all = await Records("events", CliRunner.Logs);
        var times = all.Select(r => DateTimeOffset.Parse(r.GetProperty("eventTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).OrderBy(t => t).ToList();
        var middle = times[times.Count / 2];
        string stamp = middle.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        var since = await Records("events", "--since", stamp, CliRunner.Logs);
        var until = await Records("events", "--until", stamp, CliRunner.Logs);
        var day = await Records("events", "--since", "2025-01-06", "--until", "2025-01-07", CliRunner.Logs);

        Assert.Equal(times.Count(t => t >= middle), since.Count);
        Assert.Equal(times.Count(t => t < middle), until.Count);
        Assert.Equal(all.Count, since.Count + until.Count);
        Assert.Equal("CreateVault", Assert.Single(day).GetProperty("eventName").GetString());
    }

    [Fact]
    public async Task Errors_filter_keeps_only_denied_or_failed_calls()
    {
        var records = await Records("events", "--errors", CliRunner.Logs);
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal("AccessDenied", r.GetProperty("errorCode").GetString()));
    }

    [Fact]
    public async Task Csv_has_fixed_columns_then_typed_request_fields_with_dotted_names()
    {
        var result = await CliRunner.RunAsync("events", "--format", "csv", "--event", "InitiateJob", CliRunner.Logs);

        Assert.Equal(0, result.Code);
        var lines = result.Out.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(new[] { "eventTime", "eventSource", "eventName", "awsRegion", "recipientAccountId", "userIdentity.type", "principal", "sourceIPAddress", "vault", "errorCode", "errorMessage", "eventID" }, header[..12]);
        Assert.Contains("requestParameters.jobParameters.tier", header);
        Assert.Contains("requestParameters.jobParameters.outputLocation.s3.bucketName", header);
        Assert.DoesNotContain("requestParameters.policy.policy", header); // another event's field
        var row = Assert.Single(lines[1..]).Split(',');
        Assert.Equal("2025-04-24T18:31:38Z", row[0]);
        Assert.Equal("legal-hold-2021", row[8]);
        Assert.Equal("Bulk", row[Array.IndexOf(header, "requestParameters.jobParameters.tier")]);
        Assert.Equal("0-1073741823", row[Array.IndexOf(header, "requestParameters.jobParameters.retrievalByteRange")]);
        Assert.Equal("-", row[Array.IndexOf(header, "requestParameters.accountId")]); // Glacier's "this account", not a formula
    }

    [Fact]
    public async Task Csv_neutralises_formula_starts()
    {
        var result = await CliRunner.RunAsync("events", "--format", "csv", "--event", "CreateVault", CliRunner.Data("hostile"));

        string row = result.Out.Split("\r\n")[1];
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x.example/\"\",\"\"open\"\")\",", row, StringComparison.Ordinal);
        Assert.Contains(",'+1-203.0.113.5,", row, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(1+1)\tx,", row, StringComparison.Ordinal);
        Assert.DoesNotContain(",=", row, StringComparison.Ordinal);
        Assert.DoesNotContain(",+", row, StringComparison.Ordinal);
        Assert.DoesNotContain(",@", row, StringComparison.Ordinal);
        Assert.DoesNotMatch(",-[^,\r]", row); // a lone "-" is no formula
    }

    [Theory]
    [InlineData("table")]
    [InlineData("csv")]
    [InlineData("ndjson")]
    public async Task No_control_character_from_the_data_reaches_a_terminal(string format)
    {
        var result = await CliRunner.RunAsync(stdoutIsTerminal: true, stderrIsTerminal: true, "events", "--format", format, CliRunner.Data("hostile"));

        Assert.Equal(0, result.Code);
        Assert.DoesNotContain(result.Out, c => (c < 0x20 && c != '\n' && c != '\r') || c == 0x7F || (c >= 0x80 && c <= 0x9F));
        Assert.Contains("\\u001b", result.Out, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\\u009b", result.Out, StringComparison.OrdinalIgnoreCase);
        if (format == "ndjson")
        {
            using var parsed = JsonDocument.Parse(result.Lines[0]); // still valid JSON
            Assert.Contains("\u001b[31m", parsed.RootElement.GetProperty("userIdentity").GetProperty("arn").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Table_shows_the_escaped_text()
    {
        var result = await CliRunner.RunAsync(stdoutIsTerminal: true, stderrIsTerminal: true, "events", "--wide", CliRunner.Data("hostile"));
        Assert.Contains("user/\\u001b[31mred\\u009b2J", result.Out, StringComparison.Ordinal);
        Assert.Contains("@SUM(1+1)\\u0009x", result.Out, StringComparison.Ordinal);
    }

    private static async Task<List<string>> Names(params string[] args) =>
        (await Records(args)).Select(r => r.GetProperty("eventName").GetString()!).ToList();

    private static async Task<List<JsonElement>> Records(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);
        Assert.Equal(0, result.Code);
        return result.Lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
    }

    private static byte[] ReadMaybeGzip(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 2 || bytes[0] != 0x1F || bytes[1] != 0x8B)
        {
            return bytes;
        }

        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
