using GlacierTrail.Bench.Corpus;

namespace GlacierTrail.Bench.Benchmarks;

/// <summary>The corpora as BenchmarkDotNet sees them: the full corpora, generated on demand.</summary>
internal static class CorpusSlice
{
    private static CorpusData? _glacier;
    private static CorpusData? _mixed;

    public static CorpusData Glacier => _glacier ??= CorpusData.Load(CorpusSpec.Glacier(RepoPaths.CorpusRoot, BenchScale), RepoPaths.GlacierFixtures);

    public static CorpusData Mixed => _mixed ??= CorpusData.Load(CorpusSpec.Mixed(RepoPaths.CorpusRoot, BenchScale), RepoPaths.GlacierFixtures);

    // BenchmarkDotNet runs each operation many times: a tenth of the corpus keeps a run short.
    private const double BenchScale = 0.1;
}
