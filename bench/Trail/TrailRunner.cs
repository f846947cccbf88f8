using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using GlacierTrail.Bench.Corpus;

namespace GlacierTrail.Bench.Trail;

/// <summary>
/// The peers: every contender finds the Glacier records of the same S3-style tree of
/// <c>.json.gz</c> files and writes them as NDJSON; each is warmed up (the library, compiled just
/// in time, three times), its output checked
/// against the others (same records, same eventIDs), then timed in rounds, keeping its best.
/// </summary>
internal static class TrailRunner
{
    private const int Rounds = 3;

    private const int SettleMilliseconds = 500;

    public static void Run(CorpusData mixed, double scale)
    {
        var tree = TrailTree.Build(mixed, scale);
        Console.WriteLine($"trail: {tree.Files} .json.gz files, {tree.InflatedBytes / 1e6:F0} MB inflated, under {tree.Logs}");
        var contenders = new List<ITrailContender>
        {
            new InflateFloor(),
            new LibraryScan(),
            ProcessContender.NativeCli(RepoPaths.Root),
            new DuckDbScan(),
            ProcessContender.Python(RepoPaths.Root),
            ProcessContender.Jq(),
        };

        var notes = new List<string>();
        var timed = new List<ITrailContender>();
        NdjsonCheck? agreed = null;
        string? agreedBy = null;
        foreach (var contender in contenders)
        {
            if (contender.Unavailable is { } why)
            {
                notes.Add($"{contender.Name}: skipped, {why}");
                continue;
            }

            Console.Error.WriteLine($"trail    warm-up {contender.Name}");
            for (int run = 0; run < contender.WarmUpRuns; run++)
            {
                contender.Run(tree);
            }

            if (contender.WritesRecords)
            {
                var check = NdjsonCheck.Of(tree.OutputPath(contender.Key));
                if (agreed is { } expected && check != expected)
                {
                    throw new InvalidOperationException($"{contender.Name} wrote {check.Records} records (eventID sum {check.EventIdSum:x16}); {agreedBy} wrote {expected.Records} ({expected.EventIdSum:x16})");
                }

                agreed = check;
                agreedBy = contender.Name;
            }

            timed.Add(contender);
        }

        var best = new double[timed.Count];
        Array.Fill(best, double.MaxValue);
        for (int round = 1; round <= Rounds; round++)
        {
            for (int i = 0; i < timed.Count; i++)
            {
                // The last contender's leftovers (garbage, and the compiler and collector threads
                // of this process finishing their work) are not the next one's to pay for.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                Thread.Sleep(SettleMilliseconds);
                var watch = Stopwatch.StartNew();
                timed[i].Run(tree);
                best[i] = Math.Min(best[i], watch.Elapsed.TotalSeconds);
            }

            Console.Error.WriteLine($"trail    round {round} done");
        }

        Print(tree, timed, best, agreed, notes);
    }

    private static void Print(TrailTree tree, List<ITrailContender> timed, double[] best, NdjsonCheck? agreed, List<string> notes)
    {
        var inv = CultureInfo.InvariantCulture;
        double Time(string key) => timed.FindIndex(c => c.Key == key) is int i and >= 0 ? best[i] : double.NaN;
        double floor = Time("floor"), duck = Time("duckdb"), jq = Time("jq");
        Console.WriteLine();
        Console.WriteLine($"Glacier records found by every contender: {agreed?.Records.ToString("N0", inv) ?? "-"} (the same eventIDs in each output)");
        Console.WriteLine();
        Console.WriteLine("| contender | best of 3, s | MB/s inflated | share of the floor's speed | vs DuckDB | vs jq |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (int i = 0; i < timed.Count; i++)
        {
            double s = best[i];
            Console.WriteLine(string.Create(inv, $"| {timed[i].Name} | {s:F2} | {tree.InflatedBytes / 1e6 / s:F0} | {floor / s:P0} | {Ratio(duck, s)} | {Ratio(jq, s)} |"));
        }

        foreach (string note in notes)
        {
            Console.WriteLine($"note: {note}");
        }

        Console.WriteLine();
        Console.WriteLine("| target | needed | library | CLI |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        double library = Time("library"), cli = Time("cli");
        Console.WriteLine(string.Create(inv, $"| scan vs the all-cores inflate floor (aim 65%) | >= 50% | {Met(floor / library, 0.5, "P0")} | {Met(floor / cli, 0.5, "P0")} |"));
        Console.WriteLine(string.Create(inv, $"| scan vs DuckDB | >= 3x | {Met(duck / library, 3, "F2")} | {Met(duck / cli, 3, "F2")} |"));
        Console.WriteLine(string.Create(inv, $"| scan vs jq | >= 15x | {Met(jq / library, 15, "F1")} | {Met(jq / cli, 15, "F1")} |"));
    }

    private static string Ratio(double other, double mine) =>
        double.IsNaN(other) ? "-" : (other / mine).ToString("F2", CultureInfo.InvariantCulture) + "x";

    private static string Met(double ratio, double needed, string format) =>
        double.IsNaN(ratio) ? "-" : ratio.ToString(format, CultureInfo.InvariantCulture) + (format == "P0" ? string.Empty : "x") + (ratio >= needed ? " yes" : " NO");
}
