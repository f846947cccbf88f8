namespace GlacierTrail.Gen.Parsing;

internal sealed class JsonPropertyNode
{
    public JsonPropertyNode(string name, int nameStart, int nameEnd, JsonNode value)
    {
        Name = name;
        NameStart = nameStart;
        NameEnd = nameEnd;
        Value = value;
    }

    public string Name { get; }

    public int NameStart { get; }

    public int NameEnd { get; }

    public JsonNode Value { get; }
}
