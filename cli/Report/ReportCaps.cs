namespace GlacierTrail.Cli.Report;

/// <summary>
/// How much of each list the report shows. The report aggregates, so its size follows the number
/// of distinct vaults, principals, error kinds and problems, never the number of records; these
/// caps bound even those. Every list cut short says how many entries were left out. docs/report.md
/// states the same numbers.
/// </summary>
internal static class ReportCaps
{
    /// <summary>Vault rows of the timeline; the rest share one row.</summary>
    public const int TimelineVaults = 30;

    /// <summary>Rows of a vault or principal table shown at first; the rest are folded below it.</summary>
    public const int TableVisible = 20;

    /// <summary>Rows of a vault or principal table in all, folded ones included.</summary>
    public const int TableRows = 500;

    /// <summary>Error groups (error code and event name) listed.</summary>
    public const int ErrorGroups = 100;

    /// <summary>Retrieval kinds (type and tier) listed.</summary>
    public const int RetrievalKinds = 50;

    /// <summary>Schema problem groups (event name, path, kind) listed.</summary>
    public const int ProblemGroups = 200;

    /// <summary>Distinct groups (errors, problems) tracked while reading; later new ones are only counted.</summary>
    public const int GroupsTracked = 10_000;

    /// <summary>Input files listed with their SHA-256; past this, their count and a combined hash.</summary>
    public const int InputFiles = 25;

    /// <summary>Reasons for unreadable records, and notes on skipped input, listed.</summary>
    public const int Reasons = 20;

    /// <summary>Integrity findings listed.</summary>
    public const int Findings = 200;

    /// <summary>Characters of one value from the logs shown (error messages, user agents, raw values); longer ones end with an ellipsis.</summary>
    public const int ValueChars = 200;
}
