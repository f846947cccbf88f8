namespace GlacierTrail.Bench.Quick;

/// <summary>One contender's figures on one corpus. Rates are per record of the corpus; <see cref="Delivered"/> is what it handed on.</summary>
internal sealed record Measurement(string Contender, string Corpus, long Bytes, long Records, long Delivered, double Seconds, long AllocatedBytes, int Iterations)
{
    public double MegabytesPerSecond => Bytes / 1e6 / Seconds;

    public double RecordsPerSecond => Records / Seconds;

    public double AllocatedPerRecord => Records == 0 ? 0 : (double)AllocatedBytes / Records;
}
