namespace GlacierTrail;

/// <summary>
/// Where envelope strings repeat across records (regions, versions, account ids), this is the
/// place to share their instances. For now it only decodes; it exists so the parser has one
/// seam for interning.
/// </summary>
internal static class StringCache
{
    public static string EventVersion(ref CloudTrailJsonReader reader) => reader.GetString();

    public static string Envelope(ref CloudTrailJsonReader reader) => reader.GetString();
}
