namespace GlacierTrail;

/// <summary>What a reader does when a record or a file cannot be read.</summary>
public enum CloudTrailErrorHandling
{
    /// <summary>Throw a <see cref="CloudTrailReadException"/> from the enumeration, after the records before it.</summary>
    Throw,

    /// <summary>Report the error to <see cref="CloudTrailReaderOptions.OnError"/> (if set) and go on with the next readable record.</summary>
    Skip,
}
