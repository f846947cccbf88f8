using System.Collections.Generic;

namespace GlacierTrail.Gen.Parsing;

internal sealed class JsonArrayNode : JsonNode
{
    public JsonArrayNode(int start)
        : base(start, start)
    {
    }

    public List<JsonNode> Items { get; } = new();
}
