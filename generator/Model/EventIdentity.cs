namespace GlacierTrail.Gen.Model;

/// <summary>What identifies an event for dispatch and conflict checks.</summary>
internal sealed record EventIdentity(string Path, string EventSource, string EventName, string ClassName, DiagnosticLocation? Location);
