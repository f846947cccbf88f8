using System;
using System.Collections.Generic;
using System.CommandLine;
using GlacierTrail.Cli.Input;

namespace GlacierTrail.Cli;

/// <summary>The filter options shared by <c>events</c> and <c>summary</c>.</summary>
internal sealed class FilterOptions
{
    private readonly Option<string[]> _event = new("--event", "-e")
    {
        Description = "Only this event name (repeatable, case-insensitive).",
        HelpName = "NAME",
    };

    private readonly Option<string?> _vault = new("--vault") { Description = "Only calls on this vault.", HelpName = "NAME" };

    private readonly Option<string?> _principal = new("--principal") { Description = "Only calls by this principal: an ARN or a user, role or session name.", HelpName = "ARN|NAME" };

    private readonly Option<DateTimeOffset?> _since = new("--since")
    {
        Description = "Only events at or after this time (ISO 8601; UTC unless an offset is given).",
        HelpName = "TIME",
        CustomParser = Cli.ParseTime,
    };

    private readonly Option<DateTimeOffset?> _until = new("--until")
    {
        Description = "Only events before this time (ISO 8601; UTC unless an offset is given).",
        HelpName = "TIME",
        CustomParser = Cli.ParseTime,
    };

    private readonly Option<bool> _errors = new("--errors") { Description = "Only denied or failed calls (records with an error code or message)." };

    private readonly Option<string[]> _source = Cli.SourceOption();

    private readonly Option<bool> _all = Cli.AllOption();

    public void AddTo(Command command)
    {
        command.Add(_event);
        command.Add(_vault);
        command.Add(_principal);
        command.Add(_since);
        command.Add(_until);
        command.Add(_errors);
        command.Add(_source);
        command.Add(_all);
    }

    public EventFilter Build(ParseResult result)
    {
        var names = result.GetValue(_event);
        var sources = result.GetValue(_source);
        return new EventFilter
        {
            EventNames = names is { Length: > 0 } ? new HashSet<string>(names, StringComparer.OrdinalIgnoreCase) : null,
            Vault = result.GetValue(_vault),
            Principal = result.GetValue(_principal),
            Since = result.GetValue(_since),
            Until = result.GetValue(_until),
            ErrorsOnly = result.GetValue(_errors),
            Sources = sources is { Length: > 0 } ? new HashSet<string>(sources, StringComparer.OrdinalIgnoreCase) : EventFilter.DefaultSources(),
            AllSources = result.GetValue(_all),
        };
    }
}
