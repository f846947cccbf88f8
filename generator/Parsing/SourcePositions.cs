using System;
using System.Collections.Generic;
using System.Text;
using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen.Parsing;

/// <summary>
/// Turns byte offsets from <c>Utf8JsonReader</c> into the character offsets and line/column
/// positions that Roslyn locations use. Built lazily: most files report nothing.
/// </summary>
internal sealed class SourcePositions
{
    private readonly string _path;
    private readonly string _text;
    private readonly byte[] _utf8;
    private List<int>? _lineStarts;

    public SourcePositions(string path, string text, byte[] utf8)
    {
        _path = path;
        _text = text;
        _utf8 = utf8;
    }

    public DiagnosticLocation At(int byteStart, int byteEnd)
    {
        byteStart = Math.Max(0, Math.Min(byteStart, _utf8.Length));
        byteEnd = Math.Max(byteStart, Math.Min(byteEnd, _utf8.Length));
        int start = Encoding.UTF8.GetCharCount(_utf8, 0, byteStart);
        int end = start + Encoding.UTF8.GetCharCount(_utf8, byteStart, byteEnd - byteStart);
        var (startLine, startColumn) = LineColumn(start);
        var (endLine, endColumn) = LineColumn(end);
        return new DiagnosticLocation(_path, start, end - start, startLine, startColumn, endLine, endColumn);
    }

    /// <summary>
    /// A point from <c>JsonException</c>'s line and byte position in that line: the column is
    /// in UTF-8 bytes, so it is converted like any other byte offset.
    /// </summary>
    public DiagnosticLocation AtLine(int zeroBasedLine, int zeroBasedByteColumn)
    {
        int lineStart = 0;
        for (int line = 0; line < zeroBasedLine; line++)
        {
            int next = Array.IndexOf(_utf8, (byte)'\n', lineStart);
            if (next < 0)
            {
                break;
            }

            lineStart = next + 1;
        }

        int point = lineStart + Math.Max(0, zeroBasedByteColumn);
        return At(point, point);
    }

    public DiagnosticLocation Whole() => At(0, Math.Min(_utf8.Length, 1));

    private (int Line, int Column) LineColumn(int charOffset)
    {
        var starts = LineStarts();
        int index = starts.BinarySearch(charOffset);
        int line = index >= 0 ? index : ~index - 1;
        return (line, charOffset - starts[line]);
    }

    private List<int> LineStarts()
    {
        if (_lineStarts is null)
        {
            _lineStarts = new List<int> { 0 };
            for (int i = 0; i < _text.Length; i++)
            {
                if (_text[i] == '\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        return _lineStarts;
    }
}
