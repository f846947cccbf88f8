using System.Text.Json;

namespace GlacierTrail.Gen.Parsing;

internal sealed class JsonScalarNode : JsonNode
{
    public JsonScalarNode(JsonValueKind kind, string? text, int start, int end)
        : base(start, end)
    {
        Kind = kind;
        Text = text;
    }

    public JsonValueKind Kind { get; }

    /// <summary>The string's value, or the number's text.</summary>
    public string? Text { get; }

    public string? StringValue => Kind == JsonValueKind.String ? Text : null;
}
