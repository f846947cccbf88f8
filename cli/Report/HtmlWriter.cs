using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace GlacierTrail.Cli.Report;

/// <summary>
/// Writes the report's markup. Tag names, attribute names, classes and ids are the report's own
/// and must be plain tokens (checked); text and attribute values go through <see cref="HtmlText"/>.
/// Elements must close in order, and the document must end with none open (checked), so a
/// section cannot leave the page's structure broken.
/// </summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new(64 * 1024);
    private readonly Stack<string> _open = new();

    /// <summary>Markup of the report's own (a constant), written as is.</summary>
    public HtmlWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary>A value, escaped as element text (HTML or SVG).</summary>
    public HtmlWriter Text(string? value)
    {
        _html.Append(HtmlText.Element(value));
        return this;
    }

    /// <summary>A count, with thousands separators.</summary>
    public HtmlWriter Number(long value) => Raw(Format(value));

    /// <summary>Opens an element; attribute values are escaped.</summary>
    public HtmlWriter Open(string tag, string? cls = null, string? id = null, params (string Name, string Value)[] attributes)
    {
        CheckToken(tag, allowSpace: false);
        _html.Append('<').Append(tag);
        if (cls is not null)
        {
            CheckToken(cls, allowSpace: true);
            _html.Append(" class=\"").Append(cls).Append('"');
        }

        if (id is not null)
        {
            CheckToken(id, allowSpace: false);
            _html.Append(" id=\"").Append(id).Append('"');
        }

        foreach (var (name, value) in attributes)
        {
            CheckToken(name, allowSpace: false);
            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || name is "style" or "href" or "src" or "xlink:href")
            {
                // The page must render under its policy (no inline handlers or style attributes)
                // and hold no reference; links within the page are written with Link.
                throw new ArgumentException($"attribute '{name}' is not written by the report", nameof(attributes));
            }

            _html.Append(' ').Append(name).Append("=\"").Append(HtmlText.Attribute(value)).Append('"');
        }

        _html.Append('>');
        _open.Push(tag);
        return this;
    }

    /// <summary>Closes the innermost open element, which must be <paramref name="tag"/>.</summary>
    public HtmlWriter Close(string tag)
    {
        if (_open.Count == 0 || _open.Pop() != tag)
        {
            throw new InvalidOperationException($"</{tag}> does not close the innermost open element");
        }

        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding escaped text.</summary>
    public HtmlWriter Element(string tag, string? text, string? cls = null) => Open(tag, cls).Text(text).Close(tag);

    /// <summary>An element holding a count.</summary>
    public HtmlWriter Element(string tag, long count, string? cls = null) => Open(tag, cls).Number(count).Close(tag);

    /// <summary>An element with no content and no closing tag (<c>meta</c>) or an SVG shape closed at once.</summary>
    public HtmlWriter Empty(string tag, string? cls = null, params (string Name, string Value)[] attributes)
    {
        Open(tag, cls, null, attributes);
        _open.Pop();
        _html.Length--;
        _html.Append(tag is "meta" or "br" ? ">" : "/>");
        return this;
    }

    /// <summary>A link to a section of this page (a fragment, never a URL).</summary>
    public HtmlWriter Link(string fragment, string text)
    {
        CheckToken(fragment, allowSpace: false);
        return Raw("<a href=\"#" + fragment + "\">").Text(text).Raw("</a>");
    }

    /// <summary>The document; every element must be closed.</summary>
    public override string ToString()
    {
        if (_open.Count > 0)
        {
            throw new InvalidOperationException($"<{_open.Peek()}> is not closed");
        }

        return _html.ToString();
    }

    public static string Format(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A coordinate or length for SVG: invariant, at most two decimals.</summary>
    public static string Format(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static void CheckToken(string token, bool allowSpace)
    {
        foreach (char c in token)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or ':' || (allowSpace && c == ' ')))
            {
                throw new ArgumentException($"'{token}' is not a plain token of the report's own markup", nameof(token));
            }
        }
    }
}
