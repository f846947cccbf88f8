namespace GlacierTrail.Bench.Corpus;

/// <summary>A caller the corpus repeats, as real logs do: a few dozen principals make most calls.</summary>
internal sealed record Principal(
    string Type,
    string PrincipalId,
    string? Arn,
    string AccountId,
    string? UserName,
    string? InvokedBy,
    string? IssuerArn,
    string? IssuerPrincipalId,
    string? IssuerName,
    bool Console,
    bool Ec2Role);
