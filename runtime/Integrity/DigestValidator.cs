using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace GlacierTrail.Integrity;

/// <summary>
/// Validates CloudTrail log file integrity offline, on folders synced from S3: every digest chain
/// found under the roots (per account, region and trail; organization trails and backfill
/// digests included), each digest's signature, place and link to the previous digest, and each
/// log file it references; plus log files no digest vouches for.
/// </summary>
/// <example>
/// <code>
/// var keys = DigestPublicKey.ParseList(File.ReadAllBytes("public-keys.json"), "public-keys.json");
/// var result = await DigestValidator.ValidateAsync(["logs"], new DigestValidationOptions { PublicKeys = keys });
/// foreach (var finding in result.Findings) Console.WriteLine($"{finding.Severity} {finding.Kind} {finding.File.LocalPath}: {finding.Detail}");
/// </code>
/// </example>
public static class DigestValidator
{
    /// <summary>Validates every chain under <paramref name="roots"/> (folders that hold <c>AWSLogs/</c>, or lie inside it).</summary>
    /// <exception cref="DirectoryNotFoundException">A root is not a folder.</exception>
    public static async Task<DigestValidationResult> ValidateAsync(IReadOnlyList<string> roots, DigestValidationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(roots);
        ArgumentNullException.ThrowIfNull(options);
        var scan = TreeScan.Scan(roots);
        var digests = await ReadDigestsAsync(scan.Digests, options, cancellationToken).ConfigureAwait(false);
        var sink = new FindingSink(options.Strict);
        using var keys = new KeyRing(options.PublicKeys);
        var walk = new ChainWalk(options, sink, keys);
        walk.Run(digests);

        var readable = new List<DigestFile>();
        foreach (var digest in digests)
        {
            if (digest.Document is not null)
            {
                readable.Add(digest);
            }
        }

        var logs = new LogFileCheck(sink);
        await logs.RunAsync(readable, d => walk.InWindow(d.Document!), options, cancellationToken).ConfigureAwait(false);
        LogCoverage.Run(scan.Logs, readable, logs.Referenced, options, sink);

        int valid = 0;
        DateTimeOffset? start = null, end = null;
        foreach (var digest in walk.Validated)
        {
            valid += digest.SignatureVerified && !digest.HasFinding ? 1 : 0;
            var document = digest.Document!;
            start = start is null || document.DigestStartTime < start ? document.DigestStartTime : start;
            end = end is null || document.DigestEndTime > end ? document.DigestEndTime : end;
        }

        var summary = new IntegritySummary
        {
            Digests = walk.Validated.Count + walk.Unreadable,
            DigestsValid = valid,
            LogFilesReferenced = logs.Checked,
            LogFilesValid = logs.Valid,
            LogBytesHashed = logs.BytesHashed,
            OtherFiles = scan.Others,
            Errors = sink.Errors,
            Warnings = sink.Warnings,
            Start = start,
            End = end,
        };
        return new DigestValidationResult(sink.Findings, walk.Chains, keys.Uses(), summary);
    }

    private static async Task<DigestFile[]> ReadDigestsAsync(List<ScannedFile> found, DigestValidationOptions options, CancellationToken cancellationToken)
    {
        var digests = new DigestFile[found.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxParallelFiles), CancellationToken = cancellationToken };
        int maxBytes = options.Limits.MaxRecordBytes;
        int maxDepth = options.Limits.MaxDepth;
        await Task.Run(() => Parallel.For(0, found.Count, parallel, i => digests[i] = DigestFile.Read(found[i].Path, found[i].Root, found[i].Location, maxBytes, maxDepth)), cancellationToken).ConfigureAwait(false);
        return digests;
    }
}
