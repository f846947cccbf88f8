using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using GlacierTrail.Testing;
using Xunit;

namespace GlacierTrail.Cli.Tests;

/// <summary>
/// <c>events</c> with records that do not fit: warnings on stderr and exit 0 for problems,
/// <c>--strict</c> to make them errors, <c>--problems</c> and <c>--rejects</c> for pipelines
/// that read no stderr.
/// </summary>
public sealed class ProblemOptionsTests : IDisposable
{
    private const string Good = """{"eventVersion":"1.08","eventTime":"2025-01-06T22:36:13Z","eventSource":"glacier.amazonaws.com","eventName":"DeleteVault","awsRegion":"us-east-1","eventID":"e-good","requestParameters":{"accountId":"-","vaultName":"v1"}}""";
    private const string NoTime = """{"eventVersion":"1.08","eventSource":"glacier.amazonaws.com","eventName":"DeleteVault","awsRegion":"us-east-1","eventID":"e-notime","requestParameters":{"accountId":"-","vaultName":"v2"}}""";
    private const string NoUploadId = """{"eventVersion":"1.08","eventTime":"2025-01-06T22:40:00Z","eventSource":"glacier.amazonaws.com","eventName":"AbortMultipartUpload","eventID":"e-noupload","requestParameters":{"accountId":"-","vaultName":"v3"}}""";
    private const string Damaged = """{"eventVersion":"1.08","eventTime" "2025-01-06T22:41:00Z","eventSource":"glacier.amazonaws.com"}""";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "glaciertrail-problems-" + Guid.NewGuid().ToString("N"));
    private readonly string _log;

    public ProblemOptionsTests()
    {
        Directory.CreateDirectory(_folder);
        _log = Path.Combine(_folder, "log.json");
        File.WriteAllBytes(_log, RecordBuilder.Log(Good, NoTime, NoUploadId, Damaged, Good));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Records_with_problems_are_written_with_a_warning_each_and_exit_0_without_damage()
    {
        File.WriteAllBytes(_log, RecordBuilder.Log(Good, NoTime, NoUploadId));

        var result = await CliRunner.RunAsync("events", _log);

        Assert.Equal(0, result.Code);
        Assert.Equal(["e-good", "e-notime", "e-noupload"], result.Lines.Select(EventId));
        Assert.Equal(
            [
                $"glaciertrail: warning: {_log}: record 1: eventTime: the required member 'eventTime' is missing",
                $"glaciertrail: warning: {_log}: record 2: requestParameters.uploadId: requestParameters: the required member 'uploadId' is missing",
            ],
            result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Replace("record: the", "the", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Strict_makes_each_problem_an_error_and_exits_1()
    {
        var result = await CliRunner.RunAsync("events", "--strict", _log);

        Assert.Equal(1, result.Code);
        Assert.Equal(["e-good", "e-good"], result.Lines.Select(EventId));
        var errors = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, errors.Length);
        Assert.All(errors, e => Assert.StartsWith($"glaciertrail: error: {_log}: record ", e, StringComparison.Ordinal));
        Assert.Contains("'eventTime'", errors[0], StringComparison.Ordinal);
        Assert.Contains("uploadId", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Problems_go_to_an_ndjson_file_with_source_index_event_path_kind_and_raw()
    {
        string problems = Path.Combine(_folder, "problems.ndjson");
        File.WriteAllBytes(_log, RecordBuilder.Log(Good, Good.Replace("\"awsRegion\":\"us-east-1\"", "\"awsRegion\":5", StringComparison.Ordinal), NoUploadId));

        var result = await CliRunner.RunAsync("events", "--problems", problems, _log);

        Assert.Equal(0, result.Code);
        var lines = File.ReadAllLines(problems).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal((_log, 1, "e-good", "awsRegion", "WrongType", "5"), Describe(lines[0]));
        Assert.Equal((_log, 2, "e-noupload", "requestParameters.uploadId", "MissingMember", "null"), Describe(lines[1]));
    }

    [Fact]
    public async Task Rejects_keeps_each_unreadable_record_with_its_bytes()
    {
        string rejects = Path.Combine(_folder, "rejects.ndjson");

        var result = await CliRunner.RunAsync("events", "--rejects", rejects, _log);

        Assert.Equal(1, result.Code);
        Assert.Equal(4, result.Lines.Length);
        var reject = JsonDocument.Parse(Assert.Single(File.ReadAllLines(rejects))).RootElement;
        Assert.Equal(_log, reject.GetProperty("source").GetString());
        Assert.Equal(3, reject.GetProperty("recordIndex").GetInt32());
        Assert.Equal(Encoding.UTF8.GetByteCount($"{{\"Records\":[{Good},{NoTime},{NoUploadId},") + Damaged.IndexOf(" \"2025", StringComparison.Ordinal) + 1, reject.GetProperty("byteOffset").GetInt64());
        Assert.Contains("':'", reject.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(Damaged, reject.GetProperty("raw").GetString());
        Assert.Equal("utf8", reject.GetProperty("rawEncoding").GetString());
        Assert.False(reject.GetProperty("truncated").GetBoolean());
    }

    [Fact]
    public async Task A_rejected_record_that_is_not_UTF_8_is_kept_as_base64()
    {
        string rejects = Path.Combine(_folder, "rejects.ndjson");
        byte[] bad = Encoding.UTF8.GetBytes(Good.Replace("v1", "v\u00e9", StringComparison.Ordinal));
        int at = Array.IndexOf(bad, (byte)0xA9);
        bad[at] = 0x28; // 0xC3 0x28: not UTF-8
        File.WriteAllBytes(_log, RecordBuilder.Log(bad));

        var result = await CliRunner.RunAsync("events", "--rejects", rejects, _log);

        Assert.Equal(1, result.Code);
        var reject = JsonDocument.Parse(Assert.Single(File.ReadAllLines(rejects))).RootElement;
        Assert.Equal("base64", reject.GetProperty("rawEncoding").GetString());
        Assert.Equal(bad, Convert.FromBase64String(reject.GetProperty("raw").GetString()!));
    }

    private static string EventId(string line) => JsonDocument.Parse(line).RootElement.GetProperty("eventID").GetString()!;

    private static (string?, int, string?, string?, string?, string) Describe(JsonElement line) =>
        (line.GetProperty("source").GetString(), line.GetProperty("recordIndex").GetInt32(), line.GetProperty("eventId").GetString(),
         line.GetProperty("path").GetString(), line.GetProperty("kind").GetString(), line.GetProperty("raw").GetRawText());
}
