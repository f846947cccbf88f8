using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace GlacierTrail.Cli.Tests;

/// <summary>Standard input, unseekable paths, what a folder holds besides files, and sources that never end.</summary>
public class InputTests
{
    private static string LogFile => Directory.GetFiles(CliRunner.Logs, "*_20250424T1830Z_*.json.gz", SearchOption.AllDirectories).Single();

    private static byte[] PlainLog()
    {
        using var gzip = new GZipStream(File.OpenRead(LogFile), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return plain.ToArray();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Dash_reads_standard_input_plain_or_gzip(bool gzip)
    {
        byte[] log = gzip ? File.ReadAllBytes(LogFile) : PlainLog();
        var expected = await CliRunner.RunAsync("events", "--format", "ndjson", LogFile);

        var result = await RunWithStdinAsync(log, "events", "--format", "ndjson", "-");

        Assert.Equal(0, result.Code);
        Assert.Equal(string.Empty, result.Err);
        Assert.Equal(expected.Out, result.Out);
        Assert.NotEmpty(result.Lines);
    }

    [Fact]
    public async Task Dash_reads_ndjson_from_standard_input_for_every_command()
    {
        var ndjson = await CliRunner.RunAsync("events", "--format", "ndjson", LogFile);
        byte[] input = Encoding.UTF8.GetBytes(ndjson.Out);

        var summary = await RunWithStdinAsync(input, "summary", "-");
        var check = await RunWithStdinAsync(input, "check", "-");

        Assert.Equal(0, summary.Code);
        Assert.Contains($"records read:    {ndjson.Lines.Length}\n", summary.Out, StringComparison.Ordinal);
        Assert.Equal(0, check.Code);
        Assert.Contains("no drift found", check.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_in_standard_input_name_it()
    {
        var result = await RunWithStdinAsync(Encoding.UTF8.GetBytes("{\"Records\":[42]}"), "events", "-");

        Assert.Equal(1, result.Code);
        Assert.StartsWith("glaciertrail: error: stdin: record 0", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pipe_into_dash_works()
    {
        var expected = await CliRunner.RunAsync("events", "--format", "ndjson", LogFile);

        var plain = await ToolProcess.BashAsync($"zcat {ToolProcess.Quote(LogFile)} | gt events --format ndjson -");
        var gzip = await ToolProcess.BashAsync($"cat {ToolProcess.Quote(LogFile)} | gt events --format ndjson -");

        Assert.Equal((0, expected.Out), (plain.Code, plain.Out));
        Assert.Equal((0, expected.Out), (gzip.Code, gzip.Out));
    }

    [Fact]
    public async Task Unseekable_paths_work_where_a_path_does()
    {
        var expected = await CliRunner.RunAsync("summary", LogFile);

        var devStdin = await ToolProcess.BashAsync($"cat {ToolProcess.Quote(LogFile)} | gt summary /dev/stdin");
        var substitution = await ToolProcess.BashAsync($"gt summary <(zcat {ToolProcess.Quote(LogFile)})");

        Assert.Equal(0, devStdin.Code);
        Assert.Equal(string.Empty, devStdin.Err);
        Assert.Equal(0, substitution.Code);
        Assert.Equal(string.Empty, substitution.Err);
        string Counts(string text) => text[text.IndexOf("records matched", StringComparison.Ordinal)..];
        Assert.Equal(Counts(expected.Out), Counts(devStdin.Out));
        Assert.Equal(Counts(expected.Out), Counts(substitution.Out));
    }

    [Fact]
    public async Task A_folder_with_a_named_pipe_is_read_without_opening_the_pipe()
    {
        string folder = TempFolder();
        try
        {
            File.Copy(LogFile, Path.Combine(folder, "log.json.gz"));
            string pipe = Path.Combine(folder, "pipe.json");
            using (var mkfifo = Process.Start("mkfifo", ToolProcess.Quote(pipe).Trim('\'')))
            {
                await mkfifo.WaitForExitAsync();
                Assert.Equal(0, mkfifo.ExitCode);
            }

            // No writer ever opens the pipe: opening it would block for ever.
            var result = await CliRunner.RunAsync("summary", folder).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(0, result.Code);
            Assert.Contains($"{pipe}: empty, or not a regular file (a named pipe, device or socket); not opened; skipped", result.Out, StringComparison.Ordinal);
            Assert.Contains("records read:    5\n", result.Out, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public async Task An_endless_source_ends_within_seconds_with_one_clear_error(string device)
    {
        var clock = Stopwatch.StartNew();
        var result = await ToolProcess.BashAsync($"gt events {device}", TimeSpan.FromSeconds(60));

        Assert.Equal(1, result.Code);
        Assert.Equal(string.Empty, result.Out);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        var errors = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(errors, e => Assert.StartsWith($"glaciertrail: error: {device}: ", e, StringComparison.Ordinal));
        Assert.True(errors.Length <= 1001, $"{errors.Length} errors");
    }

    [Fact]
    public async Task Zeros_on_standard_input_stop_at_the_damage_limit()
    {
        var result = await ToolProcess.BashAsync("head -c 300000000 /dev/zero | gt summary -", TimeSpan.FromSeconds(60));

        Assert.Equal(1, result.Code);

        // head, left writing to a closed pipe, may say so too.
        var errors = result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(e => e.StartsWith("glaciertrail:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, errors.Length);
        Assert.Contains("stdin: at byte 0: expected a JSON object or array", errors[0], StringComparison.Ordinal);
        Assert.Contains("more than MaxConsecutiveDamageBytes (134217728) bytes since the damage at byte 0", errors[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_that_cannot_be_read_is_an_error_not_a_crash()
    {
        // Opening /proc/self/mem works; reading its first page fails (EIO): a device error mid-read.
        var result = await CliRunner.RunAsync("events", "/proc/self/mem");

        Assert.Equal(1, result.Code);
        Assert.StartsWith("glaciertrail: error: /proc/self/mem: cannot read it: ", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_an_unreadable_path_the_other_paths_are_still_read()
    {
        var result = await CliRunner.RunAsync("summary", "/proc/self/mem", LogFile);

        Assert.Equal(1, result.Code);
        Assert.Contains("records read:    5\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("cannot read it", result.Err, StringComparison.Ordinal);
    }

    private static async Task<CliResult> RunWithStdinAsync(byte[] input, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = await Cli.RunAsync(args, new MemoryStream(input), stdout, stderr, false, false, 0, CancellationToken.None);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    internal static string TempFolder()
    {
        string path = Path.Combine(Path.GetTempPath(), "glaciertrail-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
