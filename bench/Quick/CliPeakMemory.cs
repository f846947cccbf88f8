using System.Globalization;
using System.IO;

namespace GlacierTrail.Bench.Quick;

/// <summary>
/// The NativeAOT CLI's peak resident set for <c>glaciertrail summary</c> over the 1 GB log file,
/// with its own default settings.
/// </summary>
internal static class CliPeakMemory
{
    public const double TargetMegabytes = 64;

    /// <summary>The report line, and the peak in MiB (NaN when it could not run here).</summary>
    public static (string Line, double PeakMegabytes) Measure(string bigFile)
    {
        if (CliRun.Unavailable is { } why)
        {
            return ($"memory: NativeAOT CLI skipped: {why}", double.NaN);
        }

        var run = CliRun.Measure(new[] { "summary", bigFile });
        long bytes = new FileInfo(bigFile).Length;
        return (string.Create(CultureInfo.InvariantCulture, $"memory: NativeAOT `glaciertrail summary` over the {bytes / 1e9:F2} GB log file in {run.Seconds:F1} s, default settings; peak resident set {run.PeakMegabytes:F1} MiB"), run.PeakMegabytes);
    }
}
