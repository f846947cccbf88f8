using System.Globalization;
using System.Text;

namespace GlacierTrail.Cli.Output;

/// <summary>
/// Text from the data on its way to a terminal: C0 and C1 controls, DEL and the bidirectional
/// overrides are written as <c>\uXXXX</c>, so a record cannot move the cursor, retitle the
/// window or reorder what the reader sees.
/// </summary>
internal static class TerminalText
{
    public static bool IsUnsafe(char c) =>
        c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    public static string Escape(string? text) => Escape(text, keepLineBreaks: false);

    /// <summary>
    /// A message of our own, or of the command-line parser, that may hold text from the command
    /// line: escaped like data, but its line breaks and tabs are kept as written.
    /// </summary>
    public static string EscapeMessage(string? text) => Escape(text, keepLineBreaks: true);

    private static string Escape(string? text, bool keepLineBreaks)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        int first = -1;
        for (int i = 0; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]) && !(keepLineBreaks && IsLayout(text[i])))
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        escaped.Append(text, 0, first);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (IsUnsafe(c) && !(keepLineBreaks && IsLayout(c)))
            {
                escaped.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static bool IsLayout(char c) => c is '\n' or '\t';
}
