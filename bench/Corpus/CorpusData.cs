using System;
using System.IO;

namespace GlacierTrail.Bench.Corpus;

/// <summary>A corpus loaded into memory: every contender reads these same bytes.</summary>
internal sealed class CorpusData
{
    private CorpusData(CorpusSpec spec, byte[][] files, string[] gzipPaths)
    {
        Spec = spec;
        Files = files;
        GzipPaths = gzipPaths;
        foreach (byte[] file in files)
        {
            TotalBytes += file.Length;
        }
    }

    public CorpusSpec Spec { get; }

    public byte[][] Files { get; }

    public string[] GzipPaths { get; }

    public long TotalBytes { get; }

    /// <summary>Generates the corpus when it is missing or stale, then loads its plain files.</summary>
    public static CorpusData Load(CorpusSpec spec, string fixtureDirectory)
    {
        if (!spec.IsCurrent)
        {
            CorpusGenerator.Generate(spec, fixtureDirectory);
        }

        string[] plain = Directory.GetFiles(spec.PlainDirectory, "*.json");
        string[] gzip = Directory.GetFiles(spec.GzipDirectory, "*.json.gz");
        Array.Sort(plain, StringComparer.Ordinal);
        Array.Sort(gzip, StringComparer.Ordinal);
        var files = new byte[plain.Length][];
        for (int i = 0; i < plain.Length; i++)
        {
            files[i] = File.ReadAllBytes(plain[i]);
        }

        return new CorpusData(spec, files, gzip);
    }
}
