using System.Collections.Generic;

namespace GlacierTrail.Testing.Integrity;

/// <summary>A digest <see cref="ChainWriter"/> wrote: its key, local path, end time as written, uncompressed JSON, signature and log files.</summary>
internal sealed record WrittenDigest(string Key, string Path, string EndTimeText, byte[] Json, string Signature, IReadOnlyList<WrittenLog> Logs);
