using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace GlacierTrail.Gen.Emitting;

/// <summary>Indented text with '\n' line ends only, so output is the same on every OS.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
            _text.Append(line);
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/> (if any), an opening brace, and indents.</summary>
    public SourceWriter Open(string header = "")
    {
        if (header.Length > 0)
        {
            Line(header);
        }

        Line("{");
        _indent++;
        return this;
    }

    /// <summary>Dedents, then writes <paramref name="line"/> unless it is empty.</summary>
    public SourceWriter Close(string line = "}")
    {
        _indent--;
        return line.Length == 0 ? this : Line(line);
    }

    public SourceText ToSourceText() => SourceText.From(_text.ToString(), Encoding.UTF8);

    public override string ToString() => _text.ToString();
}
