using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Cli.Commands;
using GlacierTrail.Cli.Input;
using GlacierTrail.Cli.Output;
using GlacierTrail.Cli.Report;

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
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, bool stdoutIsTerminal, bool stderrIsTerminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        return RunAsync(args, new CliContext(stdout, stderr, stdoutIsTerminal, stderrIsTerminal), cancellationToken);
    }

    /// <summary>
    /// Runs the tool with these arguments and streams, <paramref name="stdin"/> as the input
    /// <c>-</c> and tables laid out for a terminal <paramref name="terminalWidth"/> columns wide
    /// (0: unknown); returns the exit code.
    /// </summary>
    public static Task<int> RunAsync(string[] args, Stream stdin, TextWriter stdout, TextWriter stderr, bool stdoutIsTerminal, bool stderrIsTerminal, int terminalWidth, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var context = new CliContext(stdout, stderr, stdoutIsTerminal, stderrIsTerminal) { OpenStdin = () => stdin, Width = terminalWidth };
        return RunAsync(args, context, cancellationToken);
    }

    private static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        var stderr = context.Stderr;
        var root = BuildRoot(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // The parser can report one fault twice (a missing command, from two places).
            var said = new HashSet<string>(StringComparer.Ordinal);
            foreach (var error in parsed.Errors)
            {
                if (said.Add(error.Message))
                {
                    stderr.WriteLine("glaciertrail: " + TerminalText.EscapeMessage(error.Message));
                }
            }

            stderr.WriteLine("Run 'glaciertrail --help' for usage.");
            return Usage;
        }

        var invocation = new InvocationConfiguration { Output = context.Stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException ex)
        {
            stderr.WriteLine("glaciertrail: " + TerminalText.EscapeMessage(ex.Message));
            return Usage;
        }
        catch (SortLimitException ex)
        {
            stderr.WriteLine("glaciertrail: error: " + ex.Message);
            return DataProblem;
        }
    }

    // A plain command named for the tool rather than a RootCommand, which takes its name from
    // the executable: "GlacierTrail.Cli" in a JIT build. Help and --version are added as the
    // RootCommand would.
    private static Command BuildRoot(CliContext context)
    {
        var root = new Command("glaciertrail", "List, summarise and check AWS CloudTrail logs of Amazon S3 Glacier (files, gzip, folders synced from S3, standard input).")
        {
            new HelpOption(),
            new VersionOption(),
            BuildEvents(context),
            BuildSummary(context),
            BuildCheck(context),
            VerifyCommand.Build(context),
            ReportCommand.Build(context),
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
        var layout = new EventsOptions();
        var output = new OutputOptions();
        var problems = new Problems.ProblemOptions();
        var command = new Command("events", "Prints the events in the logs, filtered.") { paths, format };
        filters.AddTo(command);
        layout.AddTo(command);
        output.AddTo(command);
        problems.AddTo(command);
        command.SetAction((result, cancellationToken) => output.RunAsync(context, result, run =>
        {
            string chosen = result.GetValue(format) ?? (run.StdoutIsTerminal ? "table" : "ndjson");
            var filter = filters.Build(result);
            return EventsCommand.RunAsync(run, result.GetValue(paths)!, filter, layout.Build(result, chosen, filter), problems.Build(result), cancellationToken);
        }));
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
        var top = TopOption.Create();
        var filters = new FilterOptions();
        var output = new OutputOptions();
        var command = new Command("summary", "Counts by event name, principal, vault, error code and source IP; sensitive actions with their most recent entries; the time range; files and records read and skipped.") { paths, format, top };
        filters.AddTo(command);
        output.AddTo(command);
        command.SetAction((result, cancellationToken) => output.RunAsync(context, result, run =>
            SummaryCommand.RunAsync(run, result.GetValue(paths)!, filters.Build(result), result.GetValue(format) == "json", result.GetValue(top), cancellationToken)));
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
        var output = new OutputOptions();
        var command = new Command("check", "Schema drift: event names with no schema, fields no schema names, values of the wrong type. Exit code 1 when anything is found.") { paths, suggest, source, all };
        output.AddTo(command);
        command.SetAction((result, cancellationToken) => output.RunAsync(context, result, run =>
        {
            var sources = result.GetValue(source) is { Length: > 0 } named ? new HashSet<string>(named, StringComparer.OrdinalIgnoreCase) : EventFilter.DefaultSources();
            var filter = new EventFilter { Sources = sources, AllSources = result.GetValue(all) };
            return CheckCommand.RunAsync(run, result.GetValue(paths)!, filter, result.GetValue(suggest), cancellationToken);
        }));
        return command;
    }

    internal static Argument<string[]> PathsArgument()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Log files (JSON, NDJSON, gzip), folders of them, or - for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };

        // The parser passes a token it does not know as an option on to the paths; a misspelt
        // option is then a usage error that names it, not a missing file.
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-' && !File.Exists(token.Value) && !Directory.Exists(token.Value))
                {
                    result.AddError($"unknown option '{token.Value}'");
                }
            }
        });
        return paths;
    }

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
