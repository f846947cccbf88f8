namespace GlacierTrail.Cli.Input;

/// <summary>An event and where it was read: its file and its 0-based record index there.</summary>
internal readonly record struct InputRecord(CloudTrailEvent Event, string Source, long RecordIndex)
{
    public string Location => Source + " record " + RecordIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
