using System;

namespace GlacierTrail.Testing;

/// <summary>Reader options copied with another error policy and callbacks, limits and all.</summary>
internal static class ReaderOptions
{
    /// <summary>
    /// <paramref name="options"/> (or the defaults) with every limit, format, strictness,
    /// filter and parallelism kept, and the error handling and callbacks replaced.
    /// </summary>
    public static CloudTrailReaderOptions With(CloudTrailReaderOptions? options, CloudTrailErrorHandling handling, Action<CloudTrailReadException>? onError, Action<string>? onNotice)
    {
        options ??= CloudTrailReaderOptions.Default;
        return new CloudTrailReaderOptions
        {
            MaxRecordBytes = options.MaxRecordBytes,
            MaxStringBytes = options.MaxStringBytes,
            MaxDepth = options.MaxDepth,
            MaxInflatedBytes = options.MaxInflatedBytes,
            MaxParallelFiles = options.MaxParallelFiles,
            Strict = options.Strict,
            Format = options.Format,
            EventFilter = options.EventFilter,
            MaxConsecutiveDamageBytes = options.MaxConsecutiveDamageBytes,
            MaxConsecutiveErrors = options.MaxConsecutiveErrors,
            ErrorHandling = handling,
            OnError = onError,
            OnNotice = onNotice,
        };
    }
}
