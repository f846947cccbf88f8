namespace GlacierTrail.Framing;

/// <summary>What <see cref="RecordKeyScanner.Skim"/> found.</summary>
internal enum SkimResult
{
    /// <summary>The object ends in the data; its length and dispatch keys are known.</summary>
    Complete,

    /// <summary>The data ends before the object does.</summary>
    NeedMore,

    /// <summary>Something the skim does not vouch for: ask the validating reader.</summary>
    Fallback,
}
