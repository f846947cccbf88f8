using System;

namespace GlacierTrail.Testing.Integrity;

/// <summary>A log file <see cref="ChainWriter"/> wrote: its key, local path, the SHA-256 of its JSON and its one record's time.</summary>
internal sealed record WrittenLog(string Key, string Path, string Sha256, DateTimeOffset EventTime);
