using System.CommandLine;

namespace GlacierTrail.Cli.Problems;

/// <summary>The options of <c>events</c> about records that do not fit: strictness, and the files that keep problems and unreadable records.</summary>
internal sealed class ProblemOptions
{
    private readonly Option<bool> _strict = new("--strict")
    {
        Description = "A record's first problem (a missing or repeated member, a value of another type, a timestamp not in CloudTrail's form) is an error for that record (exit 1), instead of a warning on a delivered event.",
    };

    private readonly Option<string?> _problems = new("--problems")
    {
        Description = "Also writes every problem of the events written as NDJSON (source, recordIndex, eventId, path, kind, raw) to FILE, for pipelines that read no stderr.",
        HelpName = "FILE",
    };

    private readonly Option<string?> _rejects = new("--rejects")
    {
        Description = "Writes each record that could not be read to FILE, one JSON line each (source, recordIndex, byteOffset, error, raw, rawEncoding, truncated): a dead-letter file, so nothing is lost silently.",
        HelpName = "FILE",
    };

    public void AddTo(Command command)
    {
        command.Add(_strict);
        command.Add(_problems);
        command.Add(_rejects);
    }

    public ProblemSettings Build(ParseResult result) =>
        new(result.GetValue(_strict), result.GetValue(_problems), result.GetValue(_rejects));
}

/// <summary>What <c>events</c> does with problems and unreadable records.</summary>
internal sealed record ProblemSettings(bool Strict, string? ProblemsFile, string? RejectsFile)
{
    public static ProblemSettings None { get; } = new(false, null, null);
}
