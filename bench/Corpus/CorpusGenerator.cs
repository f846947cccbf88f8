using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Text.Json;
using System.Threading.Tasks;

namespace GlacierTrail.Bench.Corpus;

/// <summary>
/// Writes the two corpora from a fixed seed: the same bytes on every machine and every run.
/// Each corpus is a set of CloudTrail log files (<c>{"Records":[...]}</c>), plain and gzip.
/// </summary>
internal static class CorpusGenerator
{
    public const int Seed = 20250424;

    /// <summary>Bump when the generator changes, so stale corpora are rewritten.</summary>
    public const int Version = 1;

    public static void Generate(CorpusSpec spec, string fixtureDirectory)
    {
        var watch = Stopwatch.StartNew();
        var templates = GlacierTemplates.Load(fixtureDirectory);
        string plainDir = spec.PlainDirectory;
        string gzipDir = spec.GzipDirectory;
        if (Directory.Exists(spec.Root))
        {
            Directory.Delete(spec.Root, recursive: true);
        }

        Directory.CreateDirectory(plainDir);
        Directory.CreateDirectory(gzipDir);
        long[] sizes = new long[spec.Files];
        Parallel.For(0, spec.Files, file =>
        {
            // One generator per file, seeded from the corpus seed and the file's index: files are
            // independent, so they can be written in parallel and still come out the same.
            var writer = new RecordWriter(Seed * 31 + spec.Salt * 7919 + file, new DateTime(2025, 4, 24, 0, 0, 0, DateTimeKind.Utc).AddHours(file), templates);
            var mix = new Random(Seed ^ (spec.Salt * 104729) ^ file);
            string name = $"111122223333_CloudTrail_us-east-1_20250424T{file / 12:00}{file % 12 * 5:00}Z_{file:0000}";
            using var buffer = new MemoryStream(spec.BytesPerFile + 64 * 1024);
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
            {
                json.WriteStartObject();
                json.WriteStartArray("Records"u8);
                while (json.BytesCommitted + json.BytesPending < spec.BytesPerFile)
                {
                    if (mix.NextDouble() < spec.GlacierShare)
                    {
                        writer.WriteGlacier(json);
                    }
                    else
                    {
                        writer.WriteOther(json);
                    }
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            sizes[file] = buffer.Length;
            File.WriteAllBytes(Path.Combine(plainDir, name + ".json"), buffer.ToArray());
            using var gz = new FileStream(Path.Combine(gzipDir, name + ".json.gz"), FileMode.Create);
            using var zip = new GZipStream(gz, CompressionLevel.Optimal);
            buffer.Position = 0;
            buffer.CopyTo(zip);
        });

        File.WriteAllText(spec.StampPath, spec.Stamp);
        long total = 0;
        foreach (long size in sizes)
        {
            total += size;
        }

        Console.Error.WriteLine($"corpus {spec.Name}: {spec.Files} files, {total / 1e6:F1} MB, written in {watch.Elapsed.TotalSeconds:F1} s to {spec.Root}");
    }
}
