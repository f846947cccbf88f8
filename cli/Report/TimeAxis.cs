using System;
using System.Collections.Generic;
using System.Globalization;

namespace GlacierTrail.Cli.Report;

/// <summary>
/// The time scale shared by the report's charts: the matched records' range mapped onto a plot's
/// width, cut into columns, with ticks at round UTC times.
/// </summary>
internal sealed class TimeAxis
{
    private static readonly long[] Steps =
    [
        60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600,
        86400, 2 * 86400, 7 * 86400, 14 * 86400, 28 * 86400, 91 * 86400, 182 * 86400, 364 * 86400, 728 * 86400,
    ];

    /// <param name="first">The first event time.</param>
    /// <param name="last">The last event time.</param>
    /// <param name="x">Where the plot starts.</param>
    /// <param name="width">The plot's width.</param>
    /// <param name="columns">How many columns the plot is cut into.</param>
    public TimeAxis(DateTimeOffset first, DateTimeOffset last, double x, double width, int columns)
    {
        // A range of at least a minute, so one event, or a burst in one second, has room.
        long start = first.ToUnixTimeSeconds();
        long end = last.ToUnixTimeSeconds() + 1;
        if (end - start < 60)
        {
            long pad = (60 - (end - start) + 1) / 2;
            start -= pad;
            end += pad;
        }

        Start = start;
        End = end;
        X = x;
        Width = width;
        Columns = columns;
    }

    /// <summary>The range's start, Unix seconds.</summary>
    public long Start { get; }

    /// <summary>The range's end (exclusive), Unix seconds.</summary>
    public long End { get; }

    public double X { get; }

    public double Width { get; }

    public int Columns { get; }

    public double ColumnWidth => Width / Columns;

    /// <summary>The column of a bucket of <paramref name="bucketWidth"/> seconds starting at <paramref name="bucketStart"/>, by its middle.</summary>
    public int Column(long bucketStart, long bucketWidth)
    {
        double middle = bucketStart + (bucketWidth / 2.0);
        int column = (int)Math.Floor((middle - Start) / (End - Start) * Columns);
        return Math.Clamp(column, 0, Columns - 1);
    }

    /// <summary>The left edge of a column.</summary>
    public double ColumnX(int column) => X + (column * ColumnWidth);

    /// <summary>The time a column starts at.</summary>
    public DateTimeOffset ColumnTime(int column) => DateTimeOffset.FromUnixTimeSeconds(Start + (long)Math.Round((double)(End - Start) * column / Columns));

    /// <summary>Ticks at round times, at most eight, with their labels.</summary>
    public IEnumerable<(double X, string Label)> Ticks()
    {
        long span = End - Start;
        long step = Steps[^1];
        foreach (long candidate in Steps)
        {
            if (span / candidate <= 8)
            {
                step = candidate;
                break;
            }
        }

        string format = step >= 86400 ? "yyyy-MM-dd" : span <= 86400 ? "HH:mm" : "MM-dd HH:mm";
        for (long t = (Start + step - 1) / step * step; t < End; t += step)
        {
            double x = X + ((double)(t - Start) / span * Width);
            yield return (x, DateTimeOffset.FromUnixTimeSeconds(t).UtcDateTime.ToString(format, CultureInfo.InvariantCulture));
        }
    }
}
