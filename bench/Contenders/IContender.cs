namespace GlacierTrail.Bench.Contenders;

/// <summary>One way of reading a corpus into the same typed information.</summary>
internal interface IContender
{
    /// <summary>The name in the table.</summary>
    string Name { get; }

    /// <summary>Reads every file of the corpus; returns how many records it read, and a checksum of what it read.</summary>
    RunResult Run(Corpus.CorpusData corpus);
}

/// <summary>What one run read: records, and a checksum that keeps the work from being optimised away.</summary>
internal readonly record struct RunResult(long Records, long Checksum);
