using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace GlacierTrail.Cli.Tests;

/// <summary>
/// Runs the built tool as its own process through bash, for what only a real process has:
/// pipes as standard input, <c>/dev/stdin</c>, process substitution, exit codes of the host.
/// </summary>
internal static class ToolProcess
{
    /// <summary>The command that starts the tool, quoted for bash.</summary>
    public static string Command
    {
        get
        {
            string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
            return Quote(host) + " " + Quote(Path.Combine(AppContext.BaseDirectory, "GlacierTrail.Cli.dll"));
        }
    }

    /// <summary>Runs a bash script in which the function <c>gt</c> is the tool; gives up after <paramref name="timeout"/>.</summary>
    public static async Task<CliResult> BashAsync(string script, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo("bash", new[] { "-c", "gt() { " + Command + " \"$@\"; }\n" + script })
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the tool did not finish: " + script);
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    public static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
