using System;
using System.Diagnostics;
using System.IO;

namespace GlacierTrail.Bench.Trail;

/// <summary>
/// A tool run as its own process through <c>bash -c</c>, its standard output redirected to the
/// output file by the shell (so no pipe through this process adds to its time). The command
/// gets the tree's <c>AWSLogs</c> folder as <c>$1</c> and the output file as <c>$2</c>.
/// </summary>
internal sealed class ProcessContender(string name, string key, string script, string? unavailable) : ITrailContender
{
    public string Name => name;

    public string Key => key;

    public string? Unavailable => unavailable;

    public bool WritesRecords => true;

    /// <summary>The NativeAOT CLI, when <c>bash cli/publish-aot.sh artifacts/glaciertrail-aot</c> has built it.</summary>
    public static ProcessContender NativeCli(string repositoryRoot)
    {
        string binary = Environment.GetEnvironmentVariable("GLACIERTRAIL_AOT") is { Length: > 0 } set
            ? set
            : Path.Combine(repositoryRoot, "artifacts", "glaciertrail-aot", "glaciertrail");
        return new ProcessContender(
            "glaciertrail events (NativeAOT CLI, end to end)",
            "cli",
            $"exec '{binary}' events --format ndjson --quiet \"$1\" > \"$2\"",
            File.Exists(binary) ? null : $"no NativeAOT binary at {binary} (build it with: bash cli/publish-aot.sh artifacts/glaciertrail-aot)");
    }

    /// <summary><c>zcat | jq</c> over the files in path order.</summary>
    public static ProcessContender Jq() => new(
        "zcat \\| jq",
        "jq",
        "find \"$1\" -name '*.json.gz' | sort | xargs zcat | jq -c '.Records[] | select(.eventSource == \"glacier.amazonaws.com\")' > \"$2\"",
        Missing("jq") ?? Missing("zcat"));

    /// <summary>A Python loop over the files with <c>gzip</c> and <c>json</c> (bench/Trail/scan.py).</summary>
    public static ProcessContender Python(string repositoryRoot) => new(
        "Python gzip + json loop",
        "python",
        $"exec python3 '{Path.Combine(repositoryRoot, "bench", "Trail", "scan.py")}' \"$1\" > \"$2\"",
        Missing("python3"));

    public void Run(TrailTree tree)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("set -o pipefail; " + script);
        start.ArgumentList.Add(key);
        start.ArgumentList.Add(tree.Logs);
        start.ArgumentList.Add(tree.OutputPath(key));
        using var process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} exited with {process.ExitCode}: {errors}");
        }
    }

    private static string? Missing(string tool)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':'))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, tool)))
            {
                return null;
            }
        }

        return $"{tool} is not installed";
    }
}
