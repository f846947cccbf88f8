using System.IO;

namespace GlacierTrail.Cli;

/// <summary>Where a run writes, and whether a person is watching each stream.</summary>
internal sealed record CliContext(TextWriter Stdout, TextWriter Stderr, bool StdoutIsTerminal, bool StderrIsTerminal);
