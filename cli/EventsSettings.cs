using GlacierTrail.Cli.Output;

namespace GlacierTrail.Cli;

/// <summary>How <c>events</c> writes: the format, time order, CSV columns (for CSV), table width.</summary>
internal sealed record EventsSettings(string Format, bool SortByTime, CsvColumns? Columns, bool Wide);
