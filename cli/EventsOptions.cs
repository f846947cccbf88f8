using System.CommandLine;
using GlacierTrail.Cli.Input;
using GlacierTrail.Cli.Output;

namespace GlacierTrail.Cli;

/// <summary>The options of <c>events</c> that shape its output: order, CSV columns, table width.</summary>
internal sealed class EventsOptions
{
    private readonly Option<string?> _sort = new("--sort")
    {
        Description = "time: events in eventTime order across all inputs (events without a time last, ties in input order); held in memory, up to 256 MiB of output. Default: input order (path, then record).",
        HelpName = "ORDER",
    };

    private readonly Option<string?> _columns = new("--columns")
    {
        Description = "CSV columns: 'all' adds the typed request fields of every event type; a comma-separated list gives exactly those columns.",
        HelpName = "all|NAME,...",
    };

    private readonly Option<bool> _wide = new("--wide", "-w")
    {
        Description = "Table: cut nothing to fit the terminal, and show principals as whole ARNs.",
    };

    public EventsOptions()
    {
        _sort.AcceptOnlyFromAmong("time");
    }

    public void AddTo(Command command)
    {
        command.Add(_sort);
        command.Add(_columns);
        command.Add(_wide);
    }

    /// <summary>The settings for a run; a usage error for a <c>--columns</c> value that names no column.</summary>
    public EventsSettings Build(ParseResult result, string format, EventFilter filter)
    {
        string? columns = result.GetValue(_columns);
        if (columns is not null && format != "csv")
        {
            throw new UsageException("--columns applies to --format csv only");
        }

        return new EventsSettings(
            format,
            result.GetValue(_sort) == "time",
            format == "csv" ? CsvColumns.Choose(columns, filter) : null,
            result.GetValue(_wide));
    }
}
