using System;
using System.IO;

namespace GlacierTrail.Bench.Corpus;

/// <summary>One corpus: its place under bench/corpus, its size and its share of Glacier records.</summary>
internal sealed record CorpusSpec(string Name, string Root, int Files, int BytesPerFile, double GlacierShare, int Salt)
{
    public const int DefaultFiles = 120;
    public const int DefaultBytesPerFile = 1_250_000;

    public string PlainDirectory => Path.Combine(Root, "json");

    public string GzipDirectory => Path.Combine(Root, "gz");

    public string StampPath => Path.Combine(Root, "stamp.txt");

    public string Stamp => $"v{CorpusGenerator.Version} seed {CorpusGenerator.Seed} files {Files} bytes {BytesPerFile} glacier {GlacierShare}";

    public bool IsCurrent => File.Exists(StampPath) && File.ReadAllText(StampPath) == Stamp;

    public static CorpusSpec Glacier(string corpusRoot, double scale) =>
        new("glacier", Path.Combine(corpusRoot, Folder("glacier", scale)), FileCount(scale), DefaultBytesPerFile, 1.0, 1);

    public static CorpusSpec Mixed(string corpusRoot, double scale) =>
        new("mixed", Path.Combine(corpusRoot, Folder("mixed", scale)), FileCount(scale), DefaultBytesPerFile, 0.05, 2);

    private static int FileCount(double scale) => Math.Max(2, (int)Math.Round(DefaultFiles * scale));

    // A scaled corpus lives beside the full one, so switching scales never rewrites either.
    private static string Folder(string name, double scale) =>
        scale == 1.0 ? name : name + "-" + scale.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
