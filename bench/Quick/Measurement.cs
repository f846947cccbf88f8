namespace GlacierTrail.Bench.Quick;

/// <summary>One contender's figures on one corpus. Rates are per record of the corpus; <see cref="Delivered"/> is what it handed on.</summary>
internal sealed record Measurement(string Contender, string Corpus, long Bytes, long Records, long Delivered, double Seconds, double CpuSeconds, long AllocatedBytes, int Iterations)
{
    public double MegabytesPerSecond => Bytes / 1e6 / Seconds;

    /// <summary>Throughput per second of processor time (all threads): what load from other processes distorts least.</summary>
    public double MegabytesPerCpuSecond => Bytes / 1e6 / CpuSeconds;

    public double RecordsPerSecond => Records / Seconds;

    public double AllocatedPerRecord => Records == 0 ? 0 : (double)AllocatedBytes / Records;
}
