using System;
using System.Linq;
using GlacierTrail.Cli.Report;
using Xunit;

namespace GlacierTrail.Cli.Tests.Report;

public class ReportPartsTests
{
    [Fact]
    public void Time_bins_coarsen_to_stay_bounded_and_keep_every_count()
    {
        var bins = new TimeBins<string>();
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < 365 * 24; i++)
        {
            bins.Add(i % 2 == 0 ? "a" : "b", start.AddHours(i));
        }

        var all = bins.Keys.SelectMany(k => bins.Buckets(k)).ToList();
        Assert.Equal(365 * 24, all.Sum(b => b.Count));
        long first = all.Min(b => b.Start), last = all.Max(b => b.Start);
        Assert.True((last - first) / bins.Width < TimeBins<string>.MaxBuckets);
        Assert.True(bins.Width > 3600);
        Assert.Equal(0, bins.Width & (bins.Width - 1));
        Assert.All(all, b => Assert.Equal(0, b.Start % bins.Width));
        Assert.InRange(first, start.ToUnixTimeSeconds() - bins.Width, start.ToUnixTimeSeconds());
    }

    [Theory]
    [InlineData("<b>&'\"", "&lt;b&gt;&amp;&#39;&quot;")]
    [InlineData("tab\there\u001b[0m", "tab\\u0009here\\u001b[0m")]
    [InlineData("abc\u202Edef", "abc\\u202edef")]
    [InlineData("pair \ud83d\ude00 kept", "pair \ud83d\ude00 kept")]
    [InlineData("plain", "plain")]
    public void Values_are_escaped_for_every_context(string value, string expected)
    {
        Assert.Equal(expected, HtmlText.Element(value));
        Assert.Equal(expected, HtmlText.Attribute(value));
        Assert.Equal(expected, HtmlText.Svg(value));
    }

    [Fact]
    public void A_lone_surrogate_is_shown_escaped()
    {
        // Not as InlineData: a lone surrogate does not survive the test runner's serialization.
        Assert.Equal("lone \\ud800 and \\udc00", HtmlText.Element("lone \ud800 and \udc00"));
    }

    [Fact]
    public void Clipping_never_splits_a_surrogate_pair()
    {
        Assert.Equal("ab\u2026", HtmlText.Clip("abcdef", 2));
        Assert.Equal("a\u2026", HtmlText.Clip("a\ud83d\ude00bc", 2));
        Assert.Equal("abc", HtmlText.Clip("abc", 3));
    }

    [Fact]
    public void The_writer_refuses_handlers_style_links_and_unbalanced_markup()
    {
        Assert.Throws<ArgumentException>(() => new HtmlWriter().Open("p", null, null, ("onclick", "x")));
        Assert.Throws<ArgumentException>(() => new HtmlWriter().Open("p", null, null, ("style", "x")));
        Assert.Throws<ArgumentException>(() => new HtmlWriter().Open("a", null, null, ("href", "x")));
        Assert.Throws<ArgumentException>(() => new HtmlWriter().Open("p", "a\"b"));
        Assert.Throws<InvalidOperationException>(() => new HtmlWriter().Open("p").Close("div"));
        Assert.Throws<InvalidOperationException>(() => new HtmlWriter().Open("p").ToString());
        Assert.Equal("<p title=\"&lt;x&gt;\">&amp;</p>", new HtmlWriter().Open("p", null, null, ("title", "<x>")).Text("&").Close("p").ToString());
    }
}
