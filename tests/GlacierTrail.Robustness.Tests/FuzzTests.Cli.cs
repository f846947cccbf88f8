using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace GlacierTrail.Robustness.Tests;

/// <summary>
/// The escape fuzzer through the command-line process: a crash that kills the process (an
/// unhandled exception, exit code 134) is caught here even where the library's own exception
/// handling would hide it. Uses the tool as <c>dotnet build cli</c> leaves it; skipped when it is
/// not built. GLACIERTRAIL_FUZZ_CASES scales the number of files (default 2,000 gives 300).
/// </summary>
public partial class FuzzTests
{
    private const int CliSeed = 12;

    private static readonly TimeSpan CliTimeout = TimeSpan.FromMinutes(2);

    /// <summary>The tool as <c>dotnet build cli</c> leaves it, under the folder holding GlacierTrail.Gen.sln.</summary>
    internal static string CliDll { get; } = Path.Combine(RepositoryRoot() ?? ".", "cli", "bin", "Debug", "net10.0", "GlacierTrail.Cli.dll");

    [CliFact]
    public async Task Cli_survives_escape_mutations()
    {
        string dll = CliDll;

        string folder = Path.Combine(Path.GetTempPath(), $"glaciertrail-cli-fuzz-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var random = new Random(CliSeed);
            var files = new List<(string Path, string Describe)>();
            foreach (string fixedCase in (string[])[LoneSurrogateName, .. LoneSurrogateFinds])
            {
                string path = Path.Combine(folder, $"fixed-{files.Count}.json");
                File.WriteAllText(path, fixedCase);
                files.Add((path, fixedCase));
            }

            for (int i = files.Count; i < Math.Max(20, Cases * 3 / 20); i++)
            {
                var c = EscapeFuzzCase.Random(random);
                string path = Path.Combine(folder, $"{i:D4}.json");
                File.WriteAllBytes(path, c.Build().Input);
                files.Add((path, c.Describe));
            }

            // Strict mode too: problems become errors, which must not crash the tool either.
            string[][] runs = [[], ["--strict"]];
            foreach (string[] flags in runs)
            {
                // All files in one run (fast); when it fails, one run per file names the culprits.
                var all = await RunCliAsync(dll, flags, files.Select(f => f.Path));
                if (Survived(all))
                {
                    output.WriteLine($"{files.Count} files {string.Join(' ', flags)}: exit {all.ExitCode}");
                    continue;
                }

                var crashes = new List<string>();
                foreach (var (path, describe) in files)
                {
                    var one = await RunCliAsync(dll, flags, [path]);
                    if (!Survived(one))
                    {
                        crashes.Add($"{Path.GetFileName(path)} ({describe}): exit {one.ExitCode}\n{Show(File.ReadAllBytes(path))}\n{one.Stderr}");
                        File.Copy(path, Path.Combine(Path.GetTempPath(), $"glaciertrail-cli-crash-{Path.GetFileName(path)}"), overwrite: true);
                    }
                }

                Assert.Fail($"glaciertrail events {string.Join(' ', flags)} died over {files.Count} files (exit {all.ExitCode}); per file:\n{string.Join("\n\n", crashes)}\nwhole run's stderr tail:\n{Tail(all.Stderr)}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool Survived((int ExitCode, string Stdout, string Stderr) run) =>
        run.ExitCode is 0 or 1 && !run.Stderr.Contains("Unhandled exception", StringComparison.Ordinal);

    private static string Tail(string text) => text.Length > 4000 ? "..." + text[^4000..] : text;

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunCliAsync(string dll, IEnumerable<string> flags, IEnumerable<string> paths)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments = [dll, "events", "--format", "ndjson", "--all", .. flags, .. paths];
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        // Only --help's output is kept; the events are read and dropped.
        var stdout = flags.Contains("--help") ? process.StandardOutput.ReadToEndAsync() : process.StandardOutput.BaseStream.CopyToAsync(Stream.Null).ContinueWith(_ => string.Empty, TaskScheduler.Default);
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(CliTimeout)) != exited)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"glaciertrail events did not finish within {CliTimeout} (a hang?)");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>A fact that is skipped, saying why, when the command-line tool is not built.</summary>
    private sealed class CliFactAttribute : FactAttribute
    {
        public CliFactAttribute()
        {
            if (!File.Exists(CliDll))
            {
                Skip = $"the command-line tool is not built ({CliDll} is missing); run 'dotnet build cli' first";
            }
        }
    }

    /// <summary>The folder holding GlacierTrail.Gen.sln, above the test's output folder.</summary>
    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GlacierTrail.Gen.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
