namespace GlacierTrail.Cli.Audit;

/// <summary>One sensitive action: who, when, from where, on which vault, and the event to find it by.</summary>
/// <param name="Time">The event time as written in the output (ISO 8601, UTC).</param>
/// <param name="Detail">For a retrieval its type and tier, for a denied call its error code; else null.</param>
public sealed record SensitiveActionEntry(string Time, string EventName, string? Principal, string? SourceIPAddress, string? Vault, string? EventId, string? Detail);
