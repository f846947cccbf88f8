using System;
using System.Globalization;
using System.IO;
using GlacierTrail.Bench.Corpus;

namespace GlacierTrail.Bench.Trail;

/// <summary>
/// An organization trail as S3 delivers it: <c>AWSLogs/{account}/CloudTrail/{region}/{yyyy}/{MM}/{dd}/*.json.gz</c>.
/// Its files are the mixed corpus's (5% Glacier) taken in turn, one day's folder per pass over
/// them, until the tree holds <see cref="FullFiles"/> times the scale: about 1 GB inflated at scale 1.
/// </summary>
internal sealed class TrailTree
{
    /// <summary>Files at scale 1: seven passes over the mixed corpus's 120 files of 1.25 MB.</summary>
    public const int FullFiles = 840;

    public const string GlacierSource = "glacier.amazonaws.com";

    private TrailTree(string root, string logs, int files, long inflatedBytes)
    {
        Root = root;
        Logs = logs;
        Files = files;
        InflatedBytes = inflatedBytes;
    }

    /// <summary>The folder of the tree and of the contenders' output.</summary>
    public string Root { get; }

    /// <summary>The <c>AWSLogs</c> folder every contender reads.</summary>
    public string Logs { get; }

    public int Files { get; }

    public long InflatedBytes { get; }

    /// <summary>Where a contender writes the Glacier records it found, as NDJSON.</summary>
    public string OutputPath(string contender) => Path.Combine(Root, "out", contender + ".ndjson");

    public static TrailTree Build(CorpusData mixed, double scale)
    {
        int files = Math.Max(2, (int)Math.Round(FullFiles * scale));
        string root = Path.Combine(RepoPaths.CorpusRoot, "trail-" + files.ToString(CultureInfo.InvariantCulture));
        string logs = Path.Combine(root, "AWSLogs");
        long inflated = 0;
        for (int i = 0; i < files; i++)
        {
            inflated += mixed.Files[i % mixed.Files.Length].Length;
        }

        string stamp = Path.Combine(root, "stamp.txt");
        string expected = $"{mixed.Spec.Stamp}; {files} files";
        if (!File.Exists(stamp) || File.ReadAllText(stamp) != expected)
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }

            for (int i = 0; i < files; i++)
            {
                int pass = i / mixed.GzipPaths.Length;
                string day = Path.Combine(logs, "111122223333", "CloudTrail", "us-east-1", "2026", "01", (pass + 1).ToString("D2", CultureInfo.InvariantCulture));
                Directory.CreateDirectory(day);
                string name = $"111122223333_CloudTrail_us-east-1_202601{pass + 1:D2}T{i % 24:D2}{i % 60:D2}Z_{i:D6}.json.gz";
                File.Copy(mixed.GzipPaths[i % mixed.GzipPaths.Length], Path.Combine(day, name));
            }

            File.WriteAllText(stamp, expected);
        }

        Directory.CreateDirectory(Path.Combine(root, "out"));
        return new TrailTree(root, logs, files, inflated);
    }
}
