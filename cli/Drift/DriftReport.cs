using System;
using System.Collections.Generic;
using System.Linq;

namespace GlacierTrail.Cli.Drift;

/// <summary>What <c>check</c> found, each finding with a count and the first record it was seen in.</summary>
internal sealed class DriftReport
{
    public Dictionary<string, Finding> UnknownEvents { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Finding> UnknownFields { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Finding> TypeMismatches { get; } = new(StringComparer.Ordinal);

    public bool Any => UnknownEvents.Count > 0 || UnknownFields.Count > 0 || TypeMismatches.Count > 0;

    public static void Add(Dictionary<string, Finding> findings, string key, string example)
    {
        if (findings.TryGetValue(key, out var finding))
        {
            finding.Count++;
        }
        else
        {
            findings[key] = new Finding { Count = 1, Example = example };
        }
    }

    /// <summary>A member nothing declares, by its path (a payload's prefixed with its event name).</summary>
    public void Unknown(string path, string example) => Add(UnknownFields, path, example);

    public static IEnumerable<KeyValuePair<string, Finding>> Ordered(Dictionary<string, Finding> findings) =>
        findings.OrderBy(p => p.Key, StringComparer.Ordinal);

    internal sealed class Finding
    {
        public long Count { get; set; }

        public required string Example { get; init; }
    }
}
