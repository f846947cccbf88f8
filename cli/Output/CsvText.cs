using System;
using System.Text;

namespace GlacierTrail.Cli.Output;

/// <summary>CSV cells (RFC 4180) that a spreadsheet cannot run as a formula.</summary>
internal static class CsvText
{
    /// <summary>
    /// A cell starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR gets a leading
    /// single quote (the OWASP advice for CSV injection); then quoting as RFC 4180 needs. A lone
    /// <c>-</c> (Glacier's <c>accountId</c> for "the caller's account") and a plain number such
    /// as <c>-5</c> or <c>+1.5e3</c> are left as they are: a spreadsheet reads them as text and
    /// numbers, never as formulas.
    /// </summary>
    public static string Cell(string? value, bool escapeControls)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && value != "-" && !IsPlainNumber(value))
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

    // [+-]digits[.digits][e[+-]digits]: nothing a spreadsheet could run.
    private static bool IsPlainNumber(string value)
    {
        int i = value[0] is '+' or '-' ? 1 : 0;
        int digits = Digits(value, ref i);
        if (i < value.Length && value[i] == '.')
        {
            i++;
            digits += Digits(value, ref i);
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < value.Length && value[i] is 'e' or 'E')
        {
            i++;
            if (i < value.Length && value[i] is '+' or '-')
            {
                i++;
            }

            if (Digits(value, ref i) == 0)
            {
                return false;
            }
        }

        return i == value.Length;
    }

    private static int Digits(string value, ref int i)
    {
        int start = i;
        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            i++;
        }

        return i - start;
    }
}
