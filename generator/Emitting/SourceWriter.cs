using System;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace GlacierTrail.Gen.Emitting;

/// <summary>
/// Indented text with '\n' line ends only, so output is the same on every OS. Braces come from
/// <see cref="Block"/>, so every opened brace is closed by the same code that opened it; taking
/// the text checks that the indentation is back at zero, so a brace left open fails loudly (the
/// generator turns the exception into a diagnostic) instead of emitting code that does not compile.
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    /// <summary>The current indentation, in levels.</summary>
    public int Indent => _indent;

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

    /// <summary>
    /// Writes each line of <paramref name="text"/> (a raw string template) at the current
    /// indentation; '\r\n' becomes '\n', so the source file's own line ends do not leak.
    /// </summary>
    public SourceWriter Lines(string text)
    {
        foreach (string line in text.Replace("\r\n", "\n").Split('\n'))
        {
            Line(line.TrimEnd());
        }

        return this;
    }

    /// <summary>
    /// Writes <paramref name="header"/> (if any) and an opening brace, and indents; disposing the
    /// result dedents and writes the closing brace followed by <paramref name="suffix"/> (such as
    /// <c>;</c> or <c>,</c>).
    /// </summary>
    public SourceBlock Block(string header = "", string suffix = "")
    {
        Open(header);
        return new SourceBlock(this, "}" + suffix);
    }

    /// <summary>Writes <paramref name="header"/> (if any), an opening brace, and indents.</summary>
    private void Open(string header)
    {
        if (header.Length > 0)
        {
            Line(header);
        }

        Line("{");
        _indent++;
    }

    /// <summary>Dedents, then writes <paramref name="line"/>; only <see cref="SourceBlock"/> calls it.</summary>
    private void Close(string line)
    {
        if (_indent == 0)
        {
            throw new InvalidOperationException("A block was closed that was never opened.");
        }

        _indent--;
        Line(line);
    }

    /// <summary>The text, once every block is closed.</summary>
    public string ToText()
    {
        if (_indent != 0)
        {
            throw new InvalidOperationException($"The generated text ends {_indent} level(s) deep: a block was opened and not closed.");
        }

        return _text.ToString();
    }

    public SourceText ToSourceText() => SourceText.From(ToText(), Encoding.UTF8);

    /// <summary>The text written so far, closed or not (for debugging; emitters take <see cref="ToText"/>).</summary>
    public override string ToString() => _text.ToString();

    /// <summary>An open brace of a <see cref="SourceWriter"/>; disposing it writes the closing brace.</summary>
    public readonly struct SourceBlock : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string _close;

        public SourceBlock(SourceWriter writer, string close)
        {
            _writer = writer;
            _close = close;
        }

        public void Dispose() => _writer.Close(_close);
    }
}
