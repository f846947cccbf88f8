using System.Globalization;

namespace GlacierTrail.Bench.Quick;

/// <summary>What the child process reported after reading one large log file.</summary>
internal sealed record PeakMemory(long FileBytes, long Records, double Seconds, long PeakWorkingSet, string? Gen0Budget = null)
{
    public double PeakMegabytes => PeakWorkingSet / 1048576.0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"memory: one {(FileBytes >= 1_000_000 ? $"{FileBytes / 1e9:F2} GB" : $"{FileBytes:N0}-byte")} log file, {Records:N0} events in {Seconds:F1} s ({FileBytes / 1e6 / Seconds:F0} MB/s) in a fresh process{(Gen0Budget is null ? " (default GC settings)" : $" (DOTNET_GCgen0size=0x{Gen0Budget})")}; peak working set {PeakMegabytes:F1} MiB");
}
