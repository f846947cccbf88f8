namespace GlacierTrail.Gen.Model;

/// <summary>A <c>$ref</c> into another file: the normalized target, as written, and where.</summary>
internal sealed record ExternalReference(string Target, string Written, DiagnosticLocation Location);
