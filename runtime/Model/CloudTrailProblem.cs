using System;

namespace GlacierTrail;

/// <summary>
/// Something in a delivered record that did not fit its schema or CloudTrail's format: where it
/// is, what kind of surprise it is, and the value as written. A record with problems is still
/// delivered, typed as far as it goes; <see cref="CloudTrailReaderOptions.Strict"/> turns the
/// first problem into a <see cref="CloudTrailReadException"/> instead.
/// </summary>
public sealed class CloudTrailProblem
{
    /// <summary>Creates a problem.</summary>
    public CloudTrailProblem(string path, CloudTrailProblemKind kind, string message, RawJson? rawValue = null, long byteOffset = -1)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(message);
        Path = path;
        Kind = kind;
        Message = message;
        RawValue = rawValue;
        ByteOffset = byteOffset;
    }

    /// <summary>
    /// The member's JSON path from the record's top, names joined by dots and array items by
    /// index: <c>requestParameters.uploadId</c>, <c>resources[0].ARN</c>.
    /// </summary>
    public string Path { get; }

    /// <summary>What kind of surprise it is.</summary>
    public CloudTrailProblemKind Kind { get; }

    /// <summary>What was expected and what was found, for people.</summary>
    public string Message { get; }

    /// <summary>The value as written in the record, where there is one (none for a missing member).</summary>
    public RawJson? RawValue { get; }

    /// <summary>The byte offset of the value in the record's text, or -1 when unknown.</summary>
    public long ByteOffset { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Path}: {Message}";
}
