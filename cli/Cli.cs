using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Cli.Commands;
using GlacierTrail.Cli.Input;
using GlacierTrail.Cli.Output;

namespace GlacierTrail.Cli;

/// <summary>The <c>glaciertrail</c> command line, callable in process (the tests drive it this way).</summary>
public static class Cli
{
    /// <summary>Everything went well (for <c>check</c>: nothing found).</summary>
    public const int Ok = 0;

    /// <summary>A record could not be read, or <c>check</c> found drift.</summary>
    public const int DataProblem = 1;

    /// <summary>The command line is wrong.</summary>
    public const int Usage = 2;

    /// <summary>Runs the tool with these arguments and streams; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool stdoutIsTerminal, bool stderrIsTerminal) =>
        RunAsync(args, stdout, stderr, stdoutIsTerminal, stderrIsTerminal, CancellationToken.None);

    /// <summary>Runs the tool with these arguments and streams; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool stdoutIsTerminal, bool stderrIsTerminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var context = new CliContext(stdout, stderr, stdoutIsTerminal, stderrIsTerminal);
        var root = BuildRoot(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine("glaciertrail: " + TerminalText.Escape(error.Message));
            }

            stderr.WriteLine("Run 'glaciertrail --help' for usage.");
            return Usage;
        }

        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            stderr.WriteLine("glaciertrail: " + TerminalText.Escape(ex.Message));
            return Usage;
        }
    }

    private static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand("List, summarise and check AWS CloudTrail logs of Amazon S3 Glacier (files, gzip, folders synced from S3).")
        {
            BuildEvents(context),
            BuildSummary(context),
            BuildCheck(context),
            ExportCli.Build(context),
        };
        return root;
    }

    private static Command BuildEvents(CliContext context)
    {
        var paths = PathsArgument();
        var format = new Option<string?>("--format", "-f")
        {
            Description = "Output format: ndjson (default when stdout is not a terminal), csv, or table (default on a terminal).",
        };
        format.AcceptOnlyFromAmong("ndjson", "csv", "table");
        var filters = new FilterOptions();
        var command = new Command("events", "Prints the events in the logs, filtered.") { paths, format };
        filters.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            string chosen = result.GetValue(format) ?? (context.StdoutIsTerminal ? "table" : "ndjson");
            return EventsCommand.RunAsync(context, result.GetValue(paths)!, filters.Build(result), chosen, cancellationToken);
        });
        return command;
    }

    private static Command BuildSummary(CliContext context)
    {
        var paths = PathsArgument();
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (default) or json.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var filters = new FilterOptions();
        var command = new Command("summary", "Counts by event name, principal, vault, error code and source IP; the time range; files and records read and skipped.") { paths, format };
        filters.AddTo(command);
        command.SetAction((result, cancellationToken) =>
            SummaryCommand.RunAsync(context, result.GetValue(paths)!, filters.Build(result), result.GetValue(format) == "json", cancellationToken));
        return command;
    }

    private static Command BuildCheck(CliContext context)
    {
        var paths = PathsArgument();
        var suggest = new Option<string?>("--suggest")
        {
            Description = "Writes a starting schema for each (eventSource, eventName) without one into this directory.",
            HelpName = "DIR",
        };
        var source = SourceOption();
        var all = AllOption();
        var command = new Command("check", "Schema drift: event names with no schema, fields no schema names, values of the wrong type. Exit code 1 when anything is found.") { paths, suggest, source, all };
        command.SetAction((result, cancellationToken) =>
        {
            var sources = result.GetValue(source) is { Length: > 0 } named ? new HashSet<string>(named, StringComparer.OrdinalIgnoreCase) : EventFilter.DefaultSources();
            var filter = new EventFilter { Sources = sources, AllSources = result.GetValue(all) };
            return CheckCommand.RunAsync(context, result.GetValue(paths)!, filter, result.GetValue(suggest), cancellationToken);
        });
        return command;
    }

    private static Argument<string[]> PathsArgument() => new("PATH")
    {
        Description = "Log files (JSON, NDJSON, gzip) or folders of them.",
        Arity = ArgumentArity.OneOrMore,
    };

    internal static Option<string[]> SourceOption() => new("--source")
    {
        Description = "Only records of this event source (repeatable); default: every source that has a schema.",
        AllowMultipleArgumentsPerToken = false,
    };

    internal static Option<bool> AllOption() => new("--all")
    {
        Description = "Every record, whatever its source.",
    };

    internal static DateTimeOffset? ParseTime(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        string text = result.Tokens[0].Value;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        result.AddError($"'{text}' is not an ISO 8601 time (e.g. 2025-04-24 or 2025-04-24T18:31:38Z).");
        return null;
    }
}
