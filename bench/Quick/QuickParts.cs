namespace GlacierTrail.Bench.Quick;

/// <summary>What the quick mode runs.</summary>
internal enum QuickParts
{
    /// <summary>The corpora's contenders, the memory probe, then the peers' trail scan.</summary>
    All,

    /// <summary>Only the corpora's contenders and the memory probe (<c>--no-trail</c>).</summary>
    Corpora,

    /// <summary>Only the peers' trail scan (<c>--trail-only</c>).</summary>
    Trail,
}
