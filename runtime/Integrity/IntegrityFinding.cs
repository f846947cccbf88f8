namespace GlacierTrail.Integrity;

/// <summary>One thing validation found: the file, what kind of problem, how much it weighs, and the detail.</summary>
/// <param name="File">The file the finding is about.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Severity">The severity (every finding is an error under <see cref="DigestValidationOptions.Strict"/>).</param>
/// <param name="Detail">A sentence with the values that differ, the digest that references the file, and so on.</param>
public sealed record IntegrityFinding(IntegrityFile File, IntegrityFindingKind Kind, IntegritySeverity Severity, string Detail);
