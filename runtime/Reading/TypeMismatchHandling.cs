namespace GlacierTrail;

/// <summary>What happens when a typed field holds a JSON value of another type (for example <c>"vaultName": 5</c>).</summary>
public enum TypeMismatchHandling
{
    /// <summary>The record fails with a <see cref="CloudTrailReadException"/>; other records are unaffected.</summary>
    Fail,

    /// <summary>
    /// The typed property stays null and the value is kept verbatim in the object's
    /// <c>ExtensionData</c>, so the record still reads and writes back unchanged. A required
    /// property still fails the record.
    /// </summary>
    KeepRaw,
}
