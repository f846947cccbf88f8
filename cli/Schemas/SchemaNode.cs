using System.Collections.Generic;

namespace GlacierTrail.Cli.Schemas;

/// <summary>What a schema says a value may be, as the generator reads it.</summary>
internal sealed class SchemaNode
{
    /// <summary>Raw: the generator keeps any value verbatim here (no type, several types, a bare object).</summary>
    public bool Raw { get; set; }

    /// <summary>The one JSON type of the value (<c>string</c>, <c>integer</c>, <c>object</c>, ...), unless raw or null-only.</summary>
    public string? Type { get; set; }

    /// <summary>The schema allows null.</summary>
    public bool Nullable { get; set; }

    /// <summary>The schema allows only null (<c>"type": "null"</c>): any other value is drift.</summary>
    public bool NullOnly { get; set; }

    /// <summary>A string with <c>format: date-time</c>.</summary>
    public bool DateTime { get; set; }

    /// <summary>An object's declared members, in schema order.</summary>
    public Dictionary<string, SchemaNode>? Properties { get; set; }

    /// <summary>A map's value schema (an object with <c>additionalProperties</c> and no properties).</summary>
    public SchemaNode? MapValue { get; set; }

    /// <summary>An array's item schema.</summary>
    public SchemaNode? Items { get; set; }

    /// <summary>The type as a schema would state it, for messages.</summary>
    public string Describe()
    {
        string type = DateTime ? "a date-time string" : Type switch
        {
            "string" => "a string",
            "integer" => "an integer",
            "number" => "a number",
            "boolean" => "a boolean",
            "object" => "an object",
            "array" => "an array",
            _ => NullOnly ? "null" : "any value",
        };
        return Nullable && !NullOnly ? type + " or null" : type;
    }
}
