using System.Collections.Generic;

namespace GlacierTrail.Integrity;

/// <summary>Collects findings in the order they are made, each with the severity of its kind (every one an error when strict).</summary>
internal sealed class FindingSink(bool strict)
{
    public List<IntegrityFinding> Findings { get; } = [];

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public static IntegritySeverity DefaultSeverity(IntegrityFindingKind kind) => kind switch
    {
        IntegrityFindingKind.DigestNotSignatureChecked or IntegrityFindingKind.ChainRestart or IntegrityFindingKind.LogFileNotCovered or IntegrityFindingKind.NoDigest => IntegritySeverity.Warning,
        _ => IntegritySeverity.Error,
    };

    public void Add(IntegrityFile file, IntegrityFindingKind kind, string detail)
    {
        var severity = strict ? IntegritySeverity.Error : DefaultSeverity(kind);
        if (severity == IntegritySeverity.Error)
        {
            Errors++;
        }
        else
        {
            Warnings++;
        }

        Findings.Add(new IntegrityFinding(file, kind, severity, detail));
    }
}
