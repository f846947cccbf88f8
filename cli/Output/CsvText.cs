using System;
using System.Text;

namespace GlacierTrail.Cli.Output;

/// <summary>CSV cells (RFC 4180) that a spreadsheet cannot run as a formula.</summary>
internal static class CsvText
{
    /// <summary>
    /// A cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR gets a leading
    /// single quote (the OWASP advice for CSV injection); then quoting as RFC 4180 needs.
    /// </summary>
    public static string Cell(string? value, bool escapeControls)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        if (escapeControls)
        {
            value = TerminalText.Escape(value);
        }

        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }

        return new StringBuilder(value.Length + 2).Append('"').Append(value.Replace("\"", "\"\"")).Append('"').ToString();
    }
}
