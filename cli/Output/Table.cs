using System;
using System.Text;

namespace GlacierTrail.Cli.Output;

/// <summary>
/// Rows for a terminal, laid out to its width; every cell escaped. A long cell is cut with an
/// ellipsis at its end, but a principal is cut at its start: the end of an ARN
/// (<c>assumed-role/Role/session</c>) is what names the person. <c>--wide</c> cuts nothing.
/// </summary>
internal sealed class Table
{
    private const int DefaultWidth = 120;
    private const int Gap = 2;
    private const int Time = 20; // 2025-04-24T18:31:38Z
    private const int Event = 23; // InitiateMultipartUpload; a few longer names are cut
    private const int SourceIp = 15;
    private const int Error = 13;
    private const int MinWidth = 100;

    private readonly int[] _widths;
    private readonly bool _wide;

    /// <param name="terminalWidth">The terminal's columns (0 or less: unknown, taken as 120; below 100, taken as 100).</param>
    /// <param name="wide">Cut nothing and show principals as whole ARNs (lines may pass the terminal's edge).</param>
    public Table(int terminalWidth, bool wide)
    {
        _wide = wide;
        int width = Math.Max(terminalWidth > 0 ? terminalWidth : DefaultWidth, MinWidth);

        // Principal and vault share what the fixed columns leave, the principal two thirds; the
        // error code, last, takes the rest of the line. One column is left free: a terminal
        // wraps a line that reaches its last column on some systems.
        int flexible = width - 1 - Time - Event - SourceIp - Error - (5 * Gap);
        int principal = Math.Max(12, flexible * 2 / 3);
        int vault = Math.Max(6, flexible - principal);
        int error = width - 1 - Time - Event - SourceIp - principal - vault - (5 * Gap);
        _widths = new[] { Time, Event, principal, SourceIp, vault, error };
    }

    public string Header => Line("TIME", "EVENT", "PRINCIPAL", "SOURCE IP", "VAULT", "ERROR");

    public string Row(CloudTrailEvent evt, string? vault)
    {
        string time = Commands.EventsCommand.Time(evt.EventTime);
        string? principal = Input.Principal.Display(evt);
        return Line(time, evt.EventName, _wide ? principal : Input.Principal.Short(principal), evt.SourceIPAddress, vault, evt.ErrorCode);
    }

    private string Line(string? time, string? name, string? principal, string? sourceIp, string? vault, string? error)
    {
        var line = new StringBuilder(160);
        Cell(line, time, 0, keepEnd: false);
        Cell(line, name, 1, keepEnd: false);
        Cell(line, principal, 2, keepEnd: true);
        Cell(line, sourceIp, 3, keepEnd: false);
        Cell(line, vault, 4, keepEnd: false);
        Cell(line, error, 5, keepEnd: false);
        return line.ToString().TrimEnd();
    }

    private void Cell(StringBuilder line, string? value, int column, bool keepEnd)
    {
        string text = TerminalText.Escape(value);
        int width = _widths[column];
        if (!_wide && text.Length > width)
        {
            text = keepEnd ? "…" + text[(text.Length - width + 1)..] : text[..(width - 1)] + "…";
        }

        line.Append(text);
        if (column < _widths.Length - 1)
        {
            line.Append(' ', Math.Max(width - text.Length, 0) + Gap);
        }
    }
}
