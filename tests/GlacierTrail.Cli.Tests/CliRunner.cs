using System;
using System.IO;
using System.Threading.Tasks;

namespace GlacierTrail.Cli.Tests;

/// <summary>Runs the tool in process and captures what it writes.</summary>
internal static class CliRunner
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(stdoutIsTerminal: false, stderrIsTerminal: false, args);

    public static async Task<CliResult> RunAsync(bool stdoutIsTerminal, bool stderrIsTerminal, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int code = await Cli.RunAsync(args, stdout, stderr, stdoutIsTerminal, stderrIsTerminal);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    public static string Data(string relative) => Path.Combine(AppContext.BaseDirectory, "TestData", relative);

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "fixtures", "glacier");

    public static string Logs => Data("logs");
}

internal sealed record CliResult(int Code, string Out, string Err)
{
    public string[] Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
