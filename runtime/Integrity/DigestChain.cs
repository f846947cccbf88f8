using System;

namespace GlacierTrail.Integrity;

/// <summary>One chain of digests: one trail, account and region (backfill digests chain on their own).</summary>
/// <param name="Prefix">The digests' key prefix from <c>AWSLogs/</c> to the region, e.g. <c>AWSLogs/111122223333/CloudTrail-Digest/us-east-1</c>.</param>
/// <param name="OrganizationId">The organization ID for an organization trail, else null.</param>
/// <param name="AccountId">The account whose activity the digests cover.</param>
/// <param name="Region">The region the digests cover.</param>
/// <param name="TrailName">The trail's name, from the digest file names.</param>
/// <param name="HomeRegion">The trail's home region, from the digest file names.</param>
/// <param name="IsBackfill">Whether these are backfill digests (for log files delivered late).</param>
/// <param name="Digests">How many digests of the chain were validated.</param>
/// <param name="Start">The first validated digest's <c>digestStartTime</c>.</param>
/// <param name="End">The newest validated digest's <c>digestEndTime</c>.</param>
public sealed record DigestChain(
    string Prefix,
    string? OrganizationId,
    string AccountId,
    string Region,
    string TrailName,
    string HomeRegion,
    bool IsBackfill,
    int Digests,
    DateTimeOffset Start,
    DateTimeOffset End);
