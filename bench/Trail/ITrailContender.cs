namespace GlacierTrail.Bench.Trail;

/// <summary>One way of finding the Glacier records of a trail, writing them as NDJSON.</summary>
internal interface ITrailContender
{
    /// <summary>The name in the table.</summary>
    string Name { get; }

    /// <summary>The file name of its output.</summary>
    string Key { get; }

    /// <summary>Why it cannot run here, or null when it can.</summary>
    string? Unavailable { get; }

    /// <summary>Whether it writes the Glacier records (the floor writes nothing).</summary>
    bool WritesRecords { get; }

    /// <summary>
    /// How many untimed runs come before the timed ones: code compiled just in time runs partly
    /// unoptimized until tiered compilation has recompiled its hot methods, which takes a few runs.
    /// </summary>
    int WarmUpRuns => 1;

    /// <summary>Reads the whole tree once, writing its output to <see cref="TrailTree.OutputPath"/>.</summary>
    void Run(TrailTree tree);
}
