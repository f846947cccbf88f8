namespace GlacierTrail.Integrity;

/// <summary>How much a finding weighs: an error fails the validation, a warning does not (unless strict).</summary>
public enum IntegritySeverity
{
    /// <summary>Something could not be proven, but nothing was shown to be wrong.</summary>
    Warning,

    /// <summary>A file is missing, altered, moved, unreadable or not vouched for.</summary>
    Error,
}
