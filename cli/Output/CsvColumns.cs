using System;
using System.Collections.Generic;
using GlacierTrail.Cli.Input;
using GlacierTrail.Events;

namespace GlacierTrail.Cli.Output;

/// <summary>
/// The columns of <c>events --format csv</c>: the envelope columns an auditor traces a row back
/// by (always, unless <c>--columns</c> names others), then the typed request fields of the
/// event types chosen with <c>--event</c>, or of every type with <c>--columns all</c>.
/// </summary>
internal sealed class CsvColumns
{
    /// <summary>The columns every CSV has by default, in order.</summary>
    public static readonly string[] Always =
    {
        "eventTime", "eventSource", "eventName", "awsRegion", "recipientAccountId", "userIdentity.type",
        "principal", "sourceIPAddress", "vault", "errorCode", "errorMessage", "eventID",
    };

    private const string RequestPrefix = "requestParameters.";

    private CsvColumns(List<string> names)
    {
        Names = names;
        foreach (string name in names)
        {
            NeedsRequest |= name.StartsWith(RequestPrefix, StringComparison.Ordinal);
        }
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>Whether any column is a request field (which needs the record's JSON walked).</summary>
    public bool NeedsRequest { get; }

    /// <summary>
    /// The columns for a <c>--columns</c> value (null: the defaults; <c>all</c>; or a comma-separated
    /// list that replaces the defaults); a usage error names a column that does not exist.
    /// </summary>
    public static CsvColumns Choose(string? spec, EventFilter filter)
    {
        if (spec is null)
        {
            var names = new List<string>(Always);
            if (filter.EventNames is not null)
            {
                names.AddRange(RequestColumns.For(GlacierTrailEvents.Metadata, filter, filter.EventNames));
            }

            return new CsvColumns(names);
        }

        var every = RequestColumns.For(GlacierTrailEvents.Metadata, filter, eventNames: null);
        if (spec.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            var names = new List<string>(Always);
            names.AddRange(every);
            return new CsvColumns(names);
        }

        var known = new HashSet<string>(Always, StringComparer.Ordinal);
        known.UnionWith(every);
        var chosen = new List<string>();
        foreach (string part in spec.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!known.Contains(part))
            {
                throw new UsageException($"--columns: no column '{part}'; the columns are {string.Join(", ", Always)} and the request fields that '--columns all' lists in its header");
            }

            chosen.Add(part);
        }

        if (chosen.Count == 0)
        {
            throw new UsageException("--columns: name at least one column, or 'all'");
        }

        return new CsvColumns(chosen);
    }

    /// <summary>Fills <paramref name="row"/> with this event's cells, in column order.</summary>
    public void Fill(CloudTrailEvent evt, RecordJson json, Dictionary<string, string> requestCells, List<string> row)
    {
        requestCells.Clear();
        if (NeedsRequest && json.Member("requestParameters") is { } request)
        {
            RequestColumns.Flatten(request, RequestColumns.TypeOf(GlacierTrailEvents.FindMetadata(evt.EventSource, evt.EventName)), "requestParameters", requestCells);
        }

        row.Clear();
        foreach (string name in Names)
        {
            row.Add(name switch
            {
                "eventTime" => Commands.EventsCommand.Time(evt.EventTime),
                "eventSource" => evt.EventSource,
                "eventName" => evt.EventName,
                "awsRegion" => evt.AwsRegion ?? string.Empty,
                "recipientAccountId" => evt.RecipientAccountId ?? string.Empty,
                "userIdentity.type" => evt.UserIdentity?.Type?.ToString() ?? string.Empty,
                "principal" => Principal.Display(evt) ?? string.Empty,
                "sourceIPAddress" => evt.SourceIPAddress ?? string.Empty,
                "vault" => json.Vault ?? string.Empty,
                "errorCode" => evt.ErrorCode ?? string.Empty,
                "errorMessage" => evt.ErrorMessage ?? string.Empty,
                "eventID" => evt.EventId ?? string.Empty,
                _ => requestCells.GetValueOrDefault(name) ?? string.Empty,
            });
        }
    }
}
