using System;
using System.Globalization;
using System.Text;
using GlacierTrail.Cli.Output;

namespace GlacierTrail.Cli.Report;

/// <summary>
/// Values from the logs on their way into the report. Every context the report puts data in
/// (element text, a double-quoted attribute value, the text of an SVG element inside HTML) is
/// safe with the same five characters escaped, so one function serves all three and the names
/// say which context a call is for. Characters a reader should not be shown as they are
/// (controls, bidirectional overrides, lone surrogates, non-characters) become visible
/// <c>\uXXXX</c> escapes first.
/// </summary>
internal static class HtmlText
{
    /// <summary>Text for the content of an HTML element.</summary>
    public static string Element(string? value) => Escape(value);

    /// <summary>Text for a double-quoted attribute value.</summary>
    public static string Attribute(string? value) => Escape(value);

    /// <summary>Text for the content of an SVG <c>text</c> or <c>title</c> element in an HTML document.</summary>
    public static string Svg(string? value) => Escape(value);

    /// <summary>At most <paramref name="max"/> characters, ending with an ellipsis when cut; a surrogate pair is never split.</summary>
    public static string Clip(string value, int max)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= max)
        {
            return value;
        }

        int cut = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return string.Concat(value.AsSpan(0, cut), "\u2026");
    }

    /// <summary>Whether the character is shown as an escape rather than as itself.</summary>
    public static bool IsShownEscaped(string value, int index)
    {
        char c = value[index];
        if (TerminalText.IsUnsafe(c) || c is '\uFFFE' or '\uFFFF')
        {
            return true;
        }

        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= value.Length || !char.IsLowSurrogate(value[index + 1]);
        }

        return char.IsLowSurrogate(c) && (index == 0 || !char.IsHighSurrogate(value[index - 1]));
    }

    private static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        StringBuilder? escaped = null;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            string? replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => IsShownEscaped(value, i) ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : null,
            };
            if (replacement is null)
            {
                escaped?.Append(c);
                continue;
            }

            escaped ??= new StringBuilder(value.Length + 16).Append(value, 0, i);
            escaped.Append(replacement);
        }

        return escaped?.ToString() ?? value;
    }
}
