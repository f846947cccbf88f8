using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace GlacierTrail.Cli.Tests;

public class ExitCodeAndSafetyTests
{
    [Theory]
    [InlineData]
    [InlineData("frobnicate")]
    [InlineData("events")]
    [InlineData("events", "--format", "xml", "x")]
    [InlineData("events", "--since", "yesterday-ish", "x")]
    [InlineData("events", "--until", "2025-13-45", "x")]
    [InlineData("events", "--no-such-option", "x")]
    [InlineData("summary", "--format", "csv", "x")]
    [InlineData("check", "--event", "CreateVault", "x")]
    public async Task Bad_usage_exits_with_two(params string[] args)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.Code);
        Assert.StartsWith("glaciertrail: ", result.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Theory]
    [InlineData("events")]
    [InlineData("summary")]
    [InlineData("check")]
    public async Task A_missing_path_is_a_usage_error(string command)
    {
        var result = await CliRunner.RunAsync(command, CliRunner.Data("no-such-folder"));

        Assert.Equal(2, result.Code);
        Assert.Contains("no file or directory at", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_exits_with_zero()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Equal(0, result.Code);
        Assert.Contains("events", result.Out, StringComparison.Ordinal);
        Assert.Contains("summary", result.Out, StringComparison.Ordinal);
        Assert.Contains("check", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreadable_record_is_reported_with_file_record_and_offset_and_the_run_goes_on()
    {
        string file = CliRunner.Data("broken/broken.json");
        var result = await CliRunner.RunAsync("events", file);

        // Record 1 has a number for eventTime: delivered, with a warning. Record 3 is not an object.
        Assert.Equal(1, result.Code);
        Assert.Equal(3, result.Lines.Length);
        var messages = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, messages.Length);
        Assert.Equal($"glaciertrail: warning: {file}: record 1: eventTime: property 'eventTime': expected an ISO 8601 timestamp string, found a number", messages[0]);
        Assert.Matches($"^glaciertrail: error: {System.Text.RegularExpressions.Regex.Escape(file)}: record 3 at byte [0-9]+: ", messages[1]);
    }

    [Fact]
    public async Task Control_characters_never_reach_stderr_raw()
    {
        string directory = Path.Combine(Path.GetTempPath(), "glaciertrail-ctl-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string file = Path.Combine(directory, "evil\u001b]0;title\u0007.json");
            File.WriteAllText(file, "{\"Records\":[42]}");
            var result = await CliRunner.RunAsync(stdoutIsTerminal: true, stderrIsTerminal: true, "events", directory);

            Assert.Equal(1, result.Code);
            Assert.Contains("evil\\u001b]0;title\\u0007.json", result.Err, StringComparison.Ordinal);
            Assert.DoesNotContain(result.Err, c => c < 0x20 && c != '\n');
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task No_progress_on_a_pipe_nor_on_short_runs()
    {
        var piped = await CliRunner.RunAsync(stdoutIsTerminal: false, stderrIsTerminal: false, "events", CliRunner.Fixtures);
        var shortRun = await CliRunner.RunAsync(stdoutIsTerminal: false, stderrIsTerminal: true, "events", CliRunner.Fixtures);

        Assert.Equal(string.Empty, piped.Err);
        Assert.Equal(string.Empty, shortRun.Err);
    }

    [Fact]
    public async Task Digests_and_stray_files_in_a_folder_are_notes_not_errors()
    {
        var result = await CliRunner.RunAsync("events", CliRunner.Logs);

        Assert.Equal(0, result.Code);
        var notes = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, notes.Length);
        Assert.All(notes, n => Assert.StartsWith("glaciertrail: note: ", n, StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("a CloudTrail digest file; skipped", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("README.txt: not a JSON log file; skipped", StringComparison.Ordinal));
    }
}
