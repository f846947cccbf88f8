using System;
using BenchmarkDotNet.Attributes;
using GlacierTrail.Bench.Contenders;
using GlacierTrail.Bench.Corpus;

namespace GlacierTrail.Bench.Benchmarks;

/// <summary>
/// The contenders under BenchmarkDotNet, on a tenth of each corpus (generated on demand into
/// bench/corpus/glacier-0.1 and mixed-0.1): `dotnet run -c Release --project bench -- --filter '*'`.
/// </summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    private CorpusData _glacier = null!;
    private CorpusData _mixed = null!;

    [GlobalSetup]
    public void Setup()
    {
        _glacier = CorpusSlice.Glacier;
        _mixed = CorpusSlice.Mixed;
    }

    [Benchmark(Baseline = true, Description = "1 floor: token walk")]
    public long Floor() => new TokenWalkFloor().Run(_glacier).Checksum;

    [Benchmark(Description = "2 JsonDocument")]
    public long Document() => new JsonDocumentContender().Run(_glacier).Checksum;

    [Benchmark(Description = "3 STJ source gen")]
    public long Stj() => new StjSourceGenContender().Run(_glacier).Checksum;

    [Benchmark(Description = "4 Newtonsoft JObject")]
    public long Newtonsoft() => new NewtonsoftContender().Run(_glacier).Checksum;

    [Benchmark(Description = "5 GlacierTrail typed")]
    public long Typed() => new GlacierTrailTyped().Run(_glacier).Checksum;

    [Benchmark(Description = "6 GlacierTrail filtered (mixed)")]
    public long Filtered() => new GlacierTrailFiltered().Run(_mixed).Checksum;

    [Benchmark(Description = "7 GlacierTrail .json.gz, 1 file at a time")]
    public long GzipOneCore() => new GlacierTrailGzipFiles(1).Run(_glacier).Checksum;

    [Benchmark(Description = "8 GlacierTrail .json.gz, all cores")]
    public long GzipAllCores() => new GlacierTrailGzipFiles(Environment.ProcessorCount).Run(_glacier).Checksum;
}
