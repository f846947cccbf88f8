using System;
using System.Text;

namespace GlacierTrail.Cli.Input;

/// <summary>
/// The reader's record filter for the selected event sources, for one file: records of other
/// services are passed over unparsed (the skim), and counted, so that "records read" still
/// counts them. Compares as <see cref="EventFilter.Sources"/> does (ignoring case); a source
/// outside ASCII is read, and <see cref="EventFilter.MatchesSource"/> decides.
/// </summary>
internal sealed class SourceSkim(byte[][] sources)
{
    /// <summary>Records passed over so far.</summary>
    public long Skipped { get; private set; }

    public bool Accept(ReadOnlySpan<byte> eventSource, ReadOnlySpan<byte> eventName)
    {
        foreach (byte[] source in sources)
        {
            if (Ascii.EqualsIgnoreCase(eventSource, source))
            {
                return true;
            }
        }

        if (!Ascii.IsValid(eventSource))
        {
            return true;
        }

        Skipped++;
        return false;
    }
}
