using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using GlacierTrail.Events;

namespace GlacierTrail.Bench.Quick;

/// <summary>
/// The 1 GB log file's records again, in partition order (by account, region and day, each
/// partition's records in their order): the shape of logs as CloudTrail delivers them, where a
/// log file holds one account and region, written once and kept beside the 1 GB file.
/// </summary>
internal static class PartitionOrderedLog
{
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Ensure(string logFile)
    {
        string path = Path.Combine(Path.GetDirectoryName(logFile)!, Path.GetFileNameWithoutExtension(logFile) + "-by-partition.json");
        if (File.Exists(path) && File.GetLastWriteTimeUtc(path) >= File.GetLastWriteTimeUtc(logFile))
        {
            return path;
        }

        // Each partition's records go to a file of their own, joined in partition order at the end.
        string parts = path + ".parts";
        Directory.CreateDirectory(parts);
        var writers = new SortedDictionary<string, (FileStream File, Utf8JsonWriter Json)>(StringComparer.Ordinal);
        try
        {
            foreach (var evt in GlacierTrailEvents.ReadFileAsync(logFile).ToBlockingEnumerable())
            {
                string key = $"{evt.RecipientAccountId}|{evt.AwsRegion}|{evt.EventTime?.UtcDateTime:yyyy-MM-dd}";
                if (!writers.TryGetValue(key, out var part))
                {
                    var file = new FileStream(Path.Combine(parts, writers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16);
                    part = (file, new Utf8JsonWriter(file, Json));
                    writers.Add(key, part);
                }
                else
                {
                    part.File.WriteByte((byte)',');
                }

                evt.WriteTo(part.Json);
                part.Json.Flush();
                part.Json.Reset();
            }

            string partial = path + ".part";
            using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                output.Write("{\"Records\":["u8);
                bool first = true;
                foreach (var (_, part) in writers)
                {
                    if (!first)
                    {
                        output.WriteByte((byte)',');
                    }

                    part.File.Position = 0;
                    part.File.CopyTo(output);
                    first = false;
                }

                output.Write("]}"u8);
            }

            File.Move(partial, path, overwrite: true);
            return path;
        }
        finally
        {
            foreach (var (_, part) in writers)
            {
                part.Json.Dispose();
                part.File.Dispose();
            }

            Directory.Delete(parts, recursive: true);
        }
    }
}
