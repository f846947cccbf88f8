using System.Collections.Generic;

namespace GlacierTrail.Gen.Parsing;

internal sealed class JsonObjectNode : JsonNode
{
    public JsonObjectNode(int start)
        : base(start, start)
    {
    }

    public List<JsonPropertyNode> Properties { get; } = new();

    public JsonPropertyNode? Find(string name)
    {
        // The last duplicate wins, as in most JSON readers.
        for (int i = Properties.Count - 1; i >= 0; i--)
        {
            if (Properties[i].Name == name)
            {
                return Properties[i];
            }
        }

        return null;
    }

    public JsonNode? Get(string name) => Find(name)?.Value;
}
