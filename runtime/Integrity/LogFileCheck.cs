using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace GlacierTrail.Integrity;

/// <summary>
/// The log files the digests reference: each key turned into a path that stays inside its root,
/// each file present, and the SHA-256 of its uncompressed content as recorded.
/// </summary>
internal sealed class LogFileCheck(FindingSink sink)
{
    /// <summary>Every path a readable digest references (in the window or not): such a file is not "unreferenced".</summary>
    public HashSet<string> Referenced { get; } = new(StringComparer.Ordinal);

    public int Checked { get; private set; }

    public int Valid { get; private set; }

    public long BytesHashed { get; private set; }

    public async Task RunAsync(IReadOnlyList<DigestFile> readable, Func<DigestFile, bool> inWindow, DigestValidationOptions options, CancellationToken cancellationToken)
    {
        // Path -> what each referencing digest expects; a file several digests name is hashed once.
        var expected = new SortedDictionary<string, List<(DigestFile Digest, DigestLogFile Entry)>>(StringComparer.Ordinal);
        foreach (var digest in readable)
        {
            bool reported = inWindow(digest);
            foreach (var entry in digest.Document!.LogFiles)
            {
                string? path = AwsLogsPath.Resolve(entry.S3Object, digest.Location.BaseDirectory, digest.Root, out string reason);
                if (path is null)
                {
                    if (reported)
                    {
                        sink.Add(new IntegrityFile(entry.S3Object, null), IntegrityFindingKind.LogFilePathRejected, $"{reason}; referenced by {digest.Document.DigestS3Object}");
                    }

                    continue;
                }

                Referenced.Add(path);
                if (!reported)
                {
                    continue;
                }

                if (!expected.TryGetValue(path, out var list))
                {
                    expected[path] = list = [];
                }

                list.Add((digest, entry));
            }
        }

        var present = new List<string>();
        foreach (var (path, references) in expected)
        {
            if (File.Exists(path))
            {
                present.Add(path);
            }
            else
            {
                sink.Add(new IntegrityFile(references[0].Entry.S3Object, path), IntegrityFindingKind.LogFileMissing, "not on disk; referenced by " + Names(references));
            }
        }

        Checked = expected.Count;
        var hashes = await LogFileHasher.HashAllAsync(present, options.MaxParallelFiles, options.Limits.MaxInflatedBytes, cancellationToken).ConfigureAwait(false);
        for (int i = 0; i < present.Count; i++)
        {
            var references = expected[present[i]];
            var file = new IntegrityFile(references[0].Entry.S3Object, present[i]);
            if (hashes[i].Sha256 is not { } sha)
            {
                sink.Add(file, IntegrityFindingKind.LogFileUnreadable, $"cannot be read or inflated: {hashes[i].Error}; referenced by {Names(references)}");
                continue;
            }

            BytesHashed += hashes[i].Bytes;
            string actual = Convert.ToHexStringLower(sha);
            bool valid = true;
            foreach (var (digest, entry) in references)
            {
                if (!actual.Equals(entry.HashValue, StringComparison.Ordinal))
                {
                    valid = false;
                    sink.Add(file, IntegrityFindingKind.LogFileHashMismatch, $"the SHA-256 of its uncompressed content is {actual}, but {digest.Document!.DigestS3Object} recorded {entry.HashValue}");
                }
            }

            Valid += valid ? 1 : 0;
        }
    }

    private static string Names(List<(DigestFile Digest, DigestLogFile Entry)> references)
    {
        var names = new List<string>(references.Count);
        foreach (var (digest, _) in references)
        {
            names.Add(digest.Document!.DigestS3Object);
        }

        return string.Join(", ", names);
    }
}
