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

    private readonly Option<string[]> _vault = new("--vault") { Description = "Only calls on this vault (repeatable).", HelpName = "NAME" };

    private readonly Option<string[]> _principal = new("--principal") { Description = "Only calls by this principal: an ARN or a user, role or session name (repeatable).", HelpName = "ARN|NAME" };

    private readonly Option<string[]> _account = new("--account") { Description = "Only events recorded for this AWS account ID, recipientAccountId (repeatable).", HelpName = "ID" };

    private readonly Option<string[]> _region = new("--region") { Description = "Only events in this AWS Region, awsRegion (repeatable).", HelpName = "REGION" };

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
        command.Add(_account);
        command.Add(_region);
        command.Add(_since);
        command.Add(_until);
        command.Add(_errors);
        command.Add(_source);
        command.Add(_all);

        // A range that holds no time would print nothing and look like "no such events".
        command.Validators.Add(result =>
        {
            DateTimeOffset? since, until;
            try
            {
                since = result.GetValue(_since);
                until = result.GetValue(_until);
            }
            catch (InvalidOperationException)
            {
                return; // a time that does not parse is reported as such
            }

            if (since is not null && until is not null && since >= until)
            {
                result.AddError($"the time range is empty: --since ({since.Value.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}) must be before --until ({until.Value.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}).");
            }
        });
    }

    public EventFilter Build(ParseResult result)
    {
        var sources = result.GetValue(_source);
        return new EventFilter
        {
            EventNames = SetOf(result.GetValue(_event), StringComparer.OrdinalIgnoreCase),
            Vaults = SetOf(result.GetValue(_vault), StringComparer.Ordinal),
            Principals = result.GetValue(_principal) is { Length: > 0 } principals ? principals : null,
            Accounts = SetOf(result.GetValue(_account), StringComparer.Ordinal),
            Regions = SetOf(result.GetValue(_region), StringComparer.OrdinalIgnoreCase),
            Since = result.GetValue(_since),
            Until = result.GetValue(_until),
            ErrorsOnly = result.GetValue(_errors),
            Sources = sources is { Length: > 0 } ? new HashSet<string>(sources, StringComparer.OrdinalIgnoreCase) : EventFilter.DefaultSources(),
            AllSources = result.GetValue(_all),
        };
    }

    private static HashSet<string>? SetOf(string[]? values, StringComparer comparer) =>
        values is { Length: > 0 } ? new HashSet<string>(values, comparer) : null;
}
