using System;
using GlacierTrail.Gen.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace GlacierTrail.Gen.Tests.Diagnostics;

/// <summary>Checks a diagnostic's id, severity, descriptor metadata and exact place in a schema text.</summary>
internal static class DiagnosticAssert
{
    public static void Descriptor(Diagnostic diagnostic, string id, DiagnosticSeverity severity)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(DiagnosticDescriptors.Category, diagnostic.Descriptor.Category);
        Assert.EndsWith("#" + id.ToLowerInvariant(), diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    /// <summary>
    /// The diagnostic starts where <paramref name="marker"/> starts in <paramref name="text"/> (its
    /// <paramref name="occurrence"/>-th match) and covers exactly the marker. Line and column are
    /// computed here from the text, independently of the generator.
    /// </summary>
    public static void At(Diagnostic diagnostic, string path, string text, string marker, int occurrence = 0)
    {
        int index = IndexOf(text, marker, occurrence);
        var expectedStart = LinePositionOf(text, index);
        var expectedEnd = LinePositionOf(text, index + marker.Length);
        var location = diagnostic.Location;
        Assert.True(location.IsInSource || location.Kind == LocationKind.ExternalFile, $"Expected a location in {path}, got {location.Kind}.");
        var lineSpan = location.GetLineSpan();
        Assert.Equal(path, lineSpan.Path);
        Assert.Equal(expectedStart, lineSpan.StartLinePosition);
        Assert.Equal(expectedEnd, lineSpan.EndLinePosition);
        Assert.Equal(new TextSpan(index, marker.Length), location.SourceSpan);
    }

    /// <summary>A zero-length position where <paramref name="marker"/> starts (for JSON syntax errors).</summary>
    public static void AtPoint(Diagnostic diagnostic, string path, string text, string marker, int occurrence = 0)
    {
        int index = IndexOf(text, marker, occurrence);
        var expected = LinePositionOf(text, index);
        var lineSpan = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, lineSpan.Path);
        Assert.Equal(expected, lineSpan.StartLinePosition);
        Assert.Equal(index, diagnostic.Location.SourceSpan.Start);
    }

    public static LinePosition LinePositionOf(string text, int index)
    {
        int line = 0, lineStart = 0;
        for (int i = 0; i < index; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new LinePosition(line, index - lineStart);
    }

    private static int IndexOf(string text, string marker, int occurrence)
    {
        int index = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            index = text.IndexOf(marker, index + 1, StringComparison.Ordinal);
            Assert.True(index >= 0, $"Test bug: '{marker}' (occurrence {occurrence}) is not in the schema text.");
        }

        return index;
    }
}
