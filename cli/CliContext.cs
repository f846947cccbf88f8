using System;
using System.IO;

namespace GlacierTrail.Cli;

/// <summary>Where a run writes, and whether a person is watching each stream.</summary>
internal sealed record CliContext(TextWriter Stdout, TextWriter Stderr, bool StdoutIsTerminal, bool StderrIsTerminal)
{
    /// <summary>Opens standard input, the input <c>-</c> names.</summary>
    public Func<Stream> OpenStdin { get; init; } = Console.OpenStandardInput;

    /// <summary>The terminal's width in columns when stdout is one (0: unknown, a table then assumes 120).</summary>
    public int Width { get; init; }

    /// <summary>Notes (input skipped on purpose) are not printed (<c>--quiet</c>); errors still are.</summary>
    public bool Quiet { get; init; }
}
