using System.Collections.Generic;

namespace GlacierTrail.Integrity;

/// <summary>What <see cref="DigestValidator"/> found: the findings in a stable order, the chains, the keys used and the counts.</summary>
/// <param name="Findings">Every finding, ordered by chain and time, then log files by path.</param>
/// <param name="Chains">The chains found, ordered by prefix and trail.</param>
/// <param name="KeysUsed">The keys that signature checks used, by fingerprint.</param>
/// <param name="Summary">The counts.</param>
public sealed record DigestValidationResult(
    IReadOnlyList<IntegrityFinding> Findings,
    IReadOnlyList<DigestChain> Chains,
    IReadOnlyList<DigestKeyUse> KeysUsed,
    IntegritySummary Summary);
