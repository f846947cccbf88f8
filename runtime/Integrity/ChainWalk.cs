using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;

namespace GlacierTrail.Integrity;

/// <summary>
/// Groups the digests into chains (account, region, trail, backfill or not), links each to its
/// previous digest, and checks placement, the hash chain and every signature it can find: the
/// next digest's <c>previousDigestSignature</c>, or a supplied one.
/// </summary>
internal sealed class ChainWalk
{
    private static readonly TimeSpan DigestPeriod = TimeSpan.FromHours(1);

    private readonly DigestValidationOptions _options;
    private readonly FindingSink _sink;
    private readonly KeyRing _keys;
    private readonly Dictionary<string, DigestFile> _byPath = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DigestFile> _byClaimedKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _signatures = new(StringComparer.Ordinal);

    public ChainWalk(DigestValidationOptions options, FindingSink sink, KeyRing keys)
    {
        _options = options;
        _sink = sink;
        _keys = keys;
        foreach (var (key, signature) in options.Signatures)
        {
            // Matched on the key from AWSLogs/ on too, so a listing of full keys fits a folder synced below the trail's prefix.
            _signatures.TryAdd(key, signature);
            if (AwsLogsPath.FromS3Key(key) is { } location)
            {
                _signatures.TryAdd(location.Key, signature);
            }
        }
    }

    public List<DigestChain> Chains { get; } = [];

    /// <summary>The readable digests in the time window, in chain order.</summary>
    public List<DigestFile> Validated { get; } = [];

    public int Unreadable { get; private set; }

    public void Run(IReadOnlyList<DigestFile> digests)
    {
        var chains = new SortedDictionary<string, List<DigestFile>>(StringComparer.Ordinal);
        foreach (var digest in digests)
        {
            _byPath[digest.Path] = digest;
            if (digest.Document is null)
            {
                Unreadable++;
                digest.HasFinding = true;
                _sink.Add(digest.File, IntegrityFindingKind.DigestUnreadable, digest.Error!);
                continue;
            }

            _byClaimedKey.TryAdd(Key(digest.Claimed!.BaseDirectory, digest.Claimed.Key), digest);
            AwsLogsPath.TryParseDigestName(digest.Claimed.FileName, out string trail, out string home, out bool backfill);
            string id = string.Join('|', digest.Claimed.BaseDirectory, digest.Claimed.OrganizationId, digest.Claimed.AccountId, digest.Claimed.Region, trail, home, backfill ? "backfill" : "");
            if (!chains.TryGetValue(id, out var chain))
            {
                chains[id] = chain = [];
            }

            chain.Add(digest);
        }

        foreach (var chain in chains.Values)
        {
            chain.Sort(static (a, b) => a.Document!.DigestEndTime != b.Document!.DigestEndTime
                ? a.Document.DigestEndTime.CompareTo(b.Document.DigestEndTime)
                : string.CompareOrdinal(a.Path, b.Path));
            Link(chain);
        }

        foreach (var chain in chains.Values)
        {
            CheckChain(chain);
        }
    }

    public bool InWindow(DigestDocument digest) =>
        (_options.Since is not { } since || digest.DigestEndTime > since) && (_options.Until is not { } until || digest.DigestStartTime < until);

    private static string Key(string baseDirectory, string key) => baseDirectory + "|" + key;

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private void Link(List<DigestFile> chain)
    {
        for (int i = 0; i < chain.Count; i++)
        {
            var digest = chain[i];
            var document = digest.Document!;
            bool reported = InWindow(document);
            if (digest.Location.Key != digest.Claimed!.Key && reported)
            {
                Report(digest, IntegrityFindingKind.DigestMoved, $"written to {document.DigestS3Object} but found at {digest.Location.Key}");
            }

            if (document.PreviousDigestS3Object is not { } previousKey)
            {
                if (i > 0 && reported)
                {
                    var last = chain[i - 1].Document!;
                    Report(digest, IntegrityFindingKind.ChainRestart,
                        $"starts a new chain (its previousDigest* members are null) although {i} earlier digest(s) exist, the latest ending {Time(last.DigestEndTime)}: logging or log file validation was off from then to {Time(document.DigestStartTime)}");
                }

                continue;
            }

            var previous = FindPrevious(digest, previousKey, out string? expectedPath);
            if (previous is null)
            {
                if (reported && (_options.Since is not { } since || document.DigestStartTime > since))
                {
                    ReportMissing(chain, i, previousKey, expectedPath);
                }

                continue;
            }

            previous.Successors.Add(digest);
            if (previous.Sha256 is { } hash && !Convert.ToHexStringLower(hash).Equals(document.PreviousDigestHashValue, StringComparison.Ordinal)
                && (previous.Document is null || InWindow(previous.Document)))
            {
                Report(previous, IntegrityFindingKind.DigestHashMismatch,
                    $"its uncompressed SHA-256 is {Convert.ToHexStringLower(hash)}, but the next digest ({document.DigestS3Object}) recorded previousDigestHashValue {document.PreviousDigestHashValue}");
            }
        }
    }

    private DigestFile? FindPrevious(DigestFile digest, string previousKey, out string? expectedPath)
    {
        expectedPath = null;
        if (AwsLogsPath.FromS3Key(previousKey) is not { } location)
        {
            return null;
        }

        string path = Path.Join(digest.Location.BaseDirectory, location.Key.Replace('/', Path.DirectorySeparatorChar));
        expectedPath = AwsLogsPath.Resolve(previousKey, digest.Location.BaseDirectory, digest.Root, out _) is not null ? path : null;
        if (expectedPath is not null && _byPath.TryGetValue(path, out var atPlace))
        {
            return atPlace;
        }

        // A moved digest still carries the chain (and is reported as moved).
        return _byClaimedKey.GetValueOrDefault(Key(digest.Location.BaseDirectory, location.Key));
    }

    private void ReportMissing(List<DigestFile> chain, int index, string previousKey, string? expectedPath)
    {
        var document = chain[index].Document!;
        string detail = $"not on disk; the digest ending {Time(document.DigestEndTime)} ({document.DigestS3Object}) names it as its previous digest";
        DigestFile? before = index > 0 ? chain[index - 1] : null;
        int gapHours = before is null ? 0 : (int)Math.Round((document.DigestStartTime - before.Document!.DigestEndTime) / DigestPeriod);
        if (before is not null && before.Successors.Count == 0 && gapHours <= 1)
        {
            detail += $", and it is the one after {before.Document!.DigestS3Object}, whose signature it held";
        }

        _sink.Add(new IntegrityFile(previousKey, expectedPath), IntegrityFindingKind.DigestMissing, detail);
        if (before is not null && before.Successors.Count == 0 && gapHours > 1)
        {
            Report(before, IntegrityFindingKind.DigestMissing,
                $"no digest on disk names this one as its previous: about {gapHours - 1} more digest(s) between it and {previousKey} are missing too ({Time(before.Document!.DigestEndTime)} to {Time(document.DigestStartTime)})");
        }
    }

    private void CheckChain(List<DigestFile> chain)
    {
        int count = 0;
        DateTimeOffset start = default, end = default;
        for (int i = 0; i < chain.Count; i++)
        {
            var digest = chain[i];
            var document = digest.Document!;
            if (!InWindow(document))
            {
                continue;
            }

            Validated.Add(digest);
            start = count == 0 ? document.DigestStartTime : start;
            end = document.DigestEndTime;
            count++;
            bool checkedOnce = false;
            foreach (var successor in digest.Successors)
            {
                Verify(digest, successor.Document!.PreviousDigestSignature!, $"previousDigestSignature in {successor.Document.DigestS3Object}");
                checkedOnce = true;
            }

            if ((_signatures.GetValueOrDefault(document.DigestS3Object) ?? _signatures.GetValueOrDefault(digest.Claimed!.Key)) is { } supplied)
            {
                Verify(digest, supplied, "the supplied signature");
                checkedOnce = true;
            }

            if (checkedOnce)
            {
                continue;
            }

            if (i == chain.Count - 1)
            {
                Report(digest, IntegrityFindingKind.DigestNotSignatureChecked, "the newest digest of its chain: no later digest holds its signature, and none was supplied (x-amz-meta-signature of the S3 object)");
            }
            else if (chain[i + 1].Document!.PreviousDigestS3Object is null)
            {
                Report(digest, IntegrityFindingKind.DigestNotSignatureChecked, $"the newest digest before the chain restarts at {Time(chain[i + 1].Document!.DigestStartTime)}: no later digest holds its signature, and none was supplied");
            }
            else
            {
                // The digest after it is missing: that finding names it; its signature is unproven.
                digest.HasFinding = true;
            }
        }

        if (count > 0)
        {
            var claimed = chain[0].Claimed!;
            AwsLogsPath.TryParseDigestName(claimed.FileName, out string trail, out string home, out bool backfill);
            string prefix = claimed.Key[..claimed.Key.IndexOf(AwsLogsPath.DigestFolder + "/" + claimed.Region + "/", StringComparison.Ordinal)] + AwsLogsPath.DigestFolder + "/" + claimed.Region;
            Chains.Add(new DigestChain(prefix, claimed.OrganizationId, claimed.AccountId, claimed.Region, trail, home, backfill, count, start, end));
        }
    }

    private void Verify(DigestFile digest, string signatureHex, string source)
    {
        var document = digest.Document!;
        string fingerprint = document.DigestPublicKeyFingerprint.ToLowerInvariant();
        if (!_keys.Has(fingerprint))
        {
            Report(digest, IntegrityFindingKind.PublicKeyNotFound, $"no public key was supplied for fingerprint {fingerprint}");
            return;
        }

        if (_keys.Find(fingerprint, document.DigestEndTime) is not { } key)
        {
            Report(digest, IntegrityFindingKind.PublicKeyNotValid, $"the key {fingerprint} was not valid at the digest's end time {document.DigestEndTimeText} ({_keys.Periods(fingerprint)})");
            return;
        }

        byte[] text = DigestSignedText.Build(document.DigestEndTimeText, document.DigestS3Bucket, document.DigestS3Object, digest.Sha256!, document.PreviousDigestSignature);
        if (!_keys.Verify(key, text, Convert.FromHexString(signatureHex)))
        {
            Report(digest, IntegrityFindingKind.DigestSignatureInvalid, $"{source} does not verify over its signed text with key {fingerprint}: the digest or the signature was altered");
            return;
        }

        if (!digest.SignatureVerified)
        {
            _keys.CountUse(key);
            digest.SignatureVerified = true;
        }
    }

    private void Report(DigestFile digest, IntegrityFindingKind kind, string detail)
    {
        digest.HasFinding = true;
        _sink.Add(digest.File, kind, detail);
    }
}
