using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using GlacierTrail.Bench.Corpus;
using GlacierTrail.Events;
using GlacierTrail.Testing;

namespace GlacierTrail.Bench.Quick;

/// <summary>
/// Reads one log file of about 1 GB in a fresh process and reports its peak working set: the
/// measure of "memory is bounded by the largest record, not by the file".
/// </summary>
internal static class PeakMemoryProbe
{
    private const long TargetBytes = 1_000_000_000;

    /// <summary>Builds the big file (once) from the Glacier corpus, then runs the child and parses its report.</summary>
    /// <param name="glacier">The corpus the file is built from.</param>
    /// <param name="gen0Budget">A GC gen0 budget for the child (DOTNET_GCgen0size, hex bytes), or null for the default.</param>
    public static PeakMemory Run(CorpusData glacier, string? gen0Budget = null) => RunOn(EnsureBigFile(glacier), gen0Budget);

    /// <summary>
    /// The same child reading a single record: what the runtime, the loaded code and the reader's
    /// fixed buffers cost before any volume of data, to set the 1 GB figures against.
    /// </summary>
    public static PeakMemory Baseline() =>
        RunOn(Directory.GetFiles(RepoPaths.GlacierFixtures, "*.json").Order(StringComparer.Ordinal).First());

    private static PeakMemory RunOn(string path, string? gen0Budget = null)
    {
        string dll = Assembly.GetExecutingAssembly().Location;
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileName(Environment.ProcessPath)!.StartsWith("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(dll); // running under the dotnet host, not the app host
        }

        if (gen0Budget is not null)
        {
            start.Environment["DOTNET_GCgen0size"] = gen0Budget;
        }

        start.ArgumentList.Add("--peak-ws");
        start.ArgumentList.Add(path);
        using var child = Process.Start(start)!;
        string output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        string[] parts = output.Trim().Split(' ');
        if (child.ExitCode != 0 || parts.Length != 4)
        {
            throw new InvalidOperationException($"the memory probe failed (exit {child.ExitCode}): {output}");
        }

        return new PeakMemory(
            long.Parse(parts[0], CultureInfo.InvariantCulture),
            long.Parse(parts[1], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture),
            long.Parse(parts[3], CultureInfo.InvariantCulture),
            gen0Budget);
    }

    /// <summary>The child: reads the file as a user would and prints "bytes records seconds peak".</summary>
    public static int Child(string path)
    {
        var watch = Stopwatch.StartNew();
        long records = 0;
        var events = GlacierTrailEvents.ReadFileAsync(path).GetAsyncEnumerator();
        while (events.MoveNextAsync().AsTask().GetAwaiter().GetResult())
        {
            records++;
        }

        double seconds = watch.Elapsed.TotalSeconds;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{new FileInfo(path).Length} {records} {seconds:F3} {self.PeakWorkingSet64}"));
        return 0;
    }

    /// <summary>The 1 GB log file, built from the Glacier corpus on first use.</summary>
    internal static string EnsureBigFile(CorpusData glacier)
    {
        string dir = Path.Combine(RepoPaths.CorpusRoot, "big");
        string path = Path.Combine(dir, "one-gigabyte.json");
        if (File.Exists(path) && new FileInfo(path).Length >= TargetBytes)
        {
            return path;
        }

        Directory.CreateDirectory(dir);
        string partial = path + ".part";
        using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
        {
            output.Write(RecordBuilder.LogOpen);
            bool first = true;
            while (output.Length < TargetBytes)
            {
                foreach (byte[] file in glacier.Files)
                {
                    // Each corpus file is {"Records":[...]}: keep what is between the brackets.
                    var records = file.AsSpan(RecordBuilder.LogOpen.Length, file.Length - RecordBuilder.LogOpen.Length - RecordBuilder.LogClose.Length);
                    if (!first)
                    {
                        output.WriteByte((byte)',');
                    }

                    output.Write(records);
                    first = false;
                    if (output.Length >= TargetBytes)
                    {
                        break;
                    }
                }
            }

            output.Write(RecordBuilder.LogClose);
        }

        File.Move(partial, path, overwrite: true);
        return path;
    }
}
