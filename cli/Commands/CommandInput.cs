using System.Collections.Generic;
using GlacierTrail.Cli.Input;

namespace GlacierTrail.Cli.Commands;

internal static class CommandInput
{
    /// <summary>The input for the paths, or a usage error when one does not exist.</summary>
    public static LogInput Open(CliContext context, IReadOnlyList<string> paths, bool strict = false)
    {
        var input = new LogInput(paths, context, strict);
        if (input.FindMissingPath() is { } missing)
        {
            throw new UsageException($"no file or directory at '{missing}'");
        }

        return input;
    }
}
