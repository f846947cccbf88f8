using System;

namespace GlacierTrail.Cli.Output;

/// <summary>More matching output than <c>--sort time</c> holds in memory.</summary>
internal sealed class SortLimitException(long limit)
    : Exception($"--sort time holds the output of the matching events in memory, at most {limit / (512 * 1024)} MiB, and this run needs more; narrow it (--since/--until, --event, --vault, --principal) or leave out --sort and sort the output afterwards")
{
}
