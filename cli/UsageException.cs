using System;

namespace GlacierTrail.Cli;

/// <summary>A command line that parses but cannot run (e.g. a path that does not exist): exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
