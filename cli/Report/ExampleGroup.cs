using System;

namespace GlacierTrail.Cli.Report;

/// <summary>A group of like records (an error, a schema problem): how many, when last, and the text of the latest as an example.</summary>
internal sealed class ExampleGroup
{
    public long Count { get; private set; }

    public DateTimeOffset? Last { get; private set; }

    /// <summary>The example (an error message, a raw value), clipped to <see cref="ReportCaps.ValueChars"/>.</summary>
    public string? Example { get; private set; }

    /// <summary>Where the example was read (file and record).</summary>
    public string? Location { get; private set; }

    public void Add(DateTimeOffset? time, string? example, string location)
    {
        Count++;
        if (Count == 1 || (time is not null && (Last is null || time >= Last)))
        {
            Last = time ?? Last;
            Example = example is null ? null : HtmlText.Clip(example, ReportCaps.ValueChars);
            Location = location;
        }
    }
}
