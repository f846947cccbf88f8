using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace GlacierTrail.Cli.Tests;

/// <summary>How the command line is read, and where the output goes.</summary>
public class OptionsAndOutputTests
{
    [Theory]
    [InlineData("events", "--evnt", "DeleteVault")]
    [InlineData("summary", "--principle", "jdoe")]
    [InlineData("check", "-x")]
    public async Task An_unknown_option_is_a_usage_error_that_names_it(string command, string option, params string[] more)
    {
        var result = await CliRunner.RunAsync([command, option, .. more, CliRunner.Logs]);

        Assert.Equal(2, result.Code);
        Assert.Contains($"glaciertrail: unknown option '{option}'\n", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("no file or directory", result.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task Parser_messages_print_as_written_and_once()
    {
        var badFormat = await CliRunner.RunAsync("events", "--format", "xml", CliRunner.Logs);
        var noCommand = await CliRunner.RunAsync();

        Assert.Equal(2, badFormat.Code);
        Assert.Contains("Must be one of:\n\t'ndjson'\n\t'csv'\n\t'table'", badFormat.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u000a", badFormat.Err, StringComparison.Ordinal);
        Assert.Equal(2, noCommand.Code);
        Assert.Equal(1, noCommand.Err.Split('\n').Count(line => line.Contains("Required command was not provided.", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_usage_line_names_the_tool()
    {
        var root = await CliRunner.RunAsync("--help");
        var events = await CliRunner.RunAsync("events", "--help");
        var process = await ToolProcess.BashAsync("gt summary --help");

        Assert.Contains("Usage:\n  glaciertrail [command] [options]", root.Out, StringComparison.Ordinal);
        Assert.Contains("Usage:\n  glaciertrail events <PATH>... [options]", events.Out, StringComparison.Ordinal);
        Assert.Contains("glaciertrail summary <PATH>... [options]", process.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("GlacierTrail.Cli", process.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_version()
    {
        var result = await CliRunner.RunAsync("--version");

        Assert.Equal(0, result.Code);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Out);
    }

    [Theory]
    [InlineData("events")]
    [InlineData("summary")]
    [InlineData("check")]
    public async Task Output_writes_the_file_whole_and_leaves_no_temporary_file(string command)
    {
        string folder = InputTests.TempFolder();
        try
        {
            string target = Path.Combine(folder, "out.txt");
            File.WriteAllText(target, "old");
            var toStdout = await CliRunner.RunAsync(command, CliRunner.Logs);

            var result = await CliRunner.RunAsync(command, "--output", target, CliRunner.Logs);

            Assert.Equal(toStdout.Code, result.Code);
            Assert.Equal(string.Empty, result.Out);
            Assert.Equal(toStdout.Out, File.ReadAllText(target).Replace(Environment.NewLine, "\n", StringComparison.Ordinal));
            Assert.Equal([target], Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_failed_run_leaves_the_output_file_as_it_was()
    {
        string folder = InputTests.TempFolder();
        try
        {
            string target = Path.Combine(folder, "out.ndjson");
            File.WriteAllText(target, "old");

            var result = await CliRunner.RunAsync("events", "--output", target, CliRunner.Logs, Path.Combine(folder, "missing"));

            Assert.Equal(2, result.Code);
            Assert.Equal("old", File.ReadAllText(target));
            Assert.Equal([target], Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Output_into_a_folder_that_does_not_exist_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("summary", "--output", Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "x.txt"), CliRunner.Logs);

        Assert.Equal(2, result.Code);
        Assert.Contains("--output", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_hides_notes_but_not_errors()
    {
        var notes = await CliRunner.RunAsync("events", CliRunner.Logs);
        var quiet = await CliRunner.RunAsync("events", "--quiet", CliRunner.Logs);
        var quietErrors = await CliRunner.RunAsync("events", "-q", CliRunner.Data("broken"));

        Assert.Contains("glaciertrail: note: ", notes.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, quiet.Err);
        Assert.Equal(notes.Out, quiet.Out);
        Assert.Contains("glaciertrail: error: ", quietErrors.Err, StringComparison.Ordinal);
    }
}
