using System.Text;

namespace GlacierTrail.Cli.Output;

/// <summary>Fixed-width rows for a terminal; every cell escaped, long cells cut with an ellipsis.</summary>
internal static class Table
{
    private static readonly int[] Widths = { 22, 26, 60, 16, 24, 0 };

    public static string Header => Row("TIME", "EVENT", "PRINCIPAL", "SOURCE IP", "VAULT", "ERROR");

    public static string Row(params string?[] cells)
    {
        var line = new StringBuilder(160);
        for (int i = 0; i < cells.Length; i++)
        {
            string text = TerminalText.Escape(cells[i]);
            int width = Widths[i];
            if (width == 0)
            {
                line.Append(text);
                break;
            }

            if (text.Length > width - 1)
            {
                text = text[..(width - 2)] + "…";
            }

            line.Append(text.PadRight(width));
        }

        return line.ToString().TrimEnd();
    }
}
