using System.Collections.Generic;
using GlacierTrail.Serialization;

namespace GlacierTrail.Envelope;

/// <summary>
/// Reads the envelope members whose value does not decide the event type. The switch over the
/// members is generated from the record schema; the value readers it calls are here.
/// </summary>
internal static partial class EnvelopeReader
{
    private static string? ReadString(ref CloudTrailJsonReader reader, string key, ref List<RawJsonProperty>? ext) =>
        reader.ReadValue(CloudTrailJsonKind.String, key, ref ext) ? StringCache.Envelope(ref reader) : null;

    private static bool? ReadBoolean(ref CloudTrailJsonReader reader, string key, ref List<RawJsonProperty>? ext) =>
        reader.ReadValue(CloudTrailJsonKind.Boolean, key, ref ext) ? reader.GetBoolean() : null;

    // Versions repeat across records far more than other strings, so they have a cache of their own.
    private static string ReadVersionText(ref CloudTrailJsonReader reader) => StringCache.EventVersion(ref reader);

    private static RawJson ReadRaw(ref CloudTrailJsonReader reader)
    {
        reader.Read();
        return reader.GetRaw();
    }
}
