using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace GlacierTrail.Gen.Emitting;

/// <summary>
/// Safe C# text from untrusted schema strings: literals with every unusual character escaped,
/// identifiers escaped when they are keywords, doc comments that cannot close early.
/// </summary>
internal static class CSharp
{
    public static readonly string GeneratorVersion =
        typeof(CSharp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static string GeneratedCodeAttribute =>
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"GlacierTrail.Gen\", \"{GeneratorVersion}\")]";

    /// <summary>A C# string literal; only printable ASCII appears unescaped.</summary>
    public static string Literal(string value)
    {
        var text = new StringBuilder(value.Length + 2);
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7E)
                    {
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>A UTF-8 literal (<c>"..."u8</c>).</summary>
    public static string Utf8Literal(string value) => Literal(value) + "u8";

    /// <summary>An identifier, with <c>@</c> when it is a keyword.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>Text for an XML doc comment: markup characters escaped, control characters dropped.</summary>
    public static string XmlText(string text)
    {
        var result = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': result.Append("&amp;"); break;
                case '<': result.Append("&lt;"); break;
                case '>': result.Append("&gt;"); break;
                default:
                    if (!char.IsControl(c) && c != '\u2028' && c != '\u2029')
                    {
                        result.Append(c);
                    }

                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>Writes a summary (and optional remarks), one <c>///</c> line per line of text.</summary>
    public static void Doc(SourceWriter writer, string summary, string? remarks = null)
    {
        writer.Line("/// <summary>");
        foreach (string line in Lines(summary))
        {
            writer.Line("/// " + XmlText(line));
        }

        writer.Line("/// </summary>");
        if (remarks is not null)
        {
            writer.Line("/// <remarks>");
            foreach (string line in Lines(remarks))
            {
                writer.Line("/// " + XmlText(line));
            }

            writer.Line("/// </remarks>");
        }
    }

    private static IEnumerable<string> Lines(string text)
    {
        foreach (string line in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            string trimmed = line.Trim();
            if (trimmed.Length > 0)
            {
                yield return trimmed;
            }
        }
    }
}
