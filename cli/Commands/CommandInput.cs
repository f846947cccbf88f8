using System.Collections.Generic;
using GlacierTrail.Cli.Input;

namespace GlacierTrail.Cli.Commands;

internal static class CommandInput
{
    /// <summary>
    /// The input for the paths, or a usage error when one does not exist. With
    /// <paramref name="sources"/>, records of services it does not select are never parsed.
    /// </summary>
    public static LogInput Open(CliContext context, IReadOnlyList<string> paths, bool strict = false, EventFilter? sources = null)
    {
        var input = new LogInput(paths, context, strict, sources);
        if (input.FindMissingPath() is { } missing)
        {
            throw new UsageException($"no file or directory at '{missing}'");
        }

        return input;
    }
}
