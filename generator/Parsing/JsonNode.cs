namespace GlacierTrail.Gen.Parsing;

/// <summary>
/// A JSON value with the byte range it came from, so diagnostics can point into the schema
/// file. Lives only inside the parse step; nothing of it is cached.
/// </summary>
internal abstract class JsonNode
{
    protected JsonNode(int start, int end)
    {
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; set; }
}
