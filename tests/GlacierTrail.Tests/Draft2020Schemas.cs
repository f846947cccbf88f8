using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NJsonSchema;
using NJsonSchema.References;

namespace GlacierTrail.Tests;

/// <summary>
/// Loads our draft 2020-12 schema files into NJsonSchema. NJsonSchema 11 reads the draft-04/07
/// <c>definitions</c> keyword but not 2020-12's <c>$defs</c> (RicoSuter/NJsonSchema#1536, open;
/// PR #1913 adds it, unmerged): <c>$defs</c> lands in extension data and any
/// <c>"$ref": "#/$defs/X"</c> stays unresolved. Our files use only <c>$schema</c>,
/// <c>$defs</c> and <c>$ref</c> (whose siblings are only <c>description</c>), so renaming
/// <c>$defs</c> to <c>definitions</c> and rewriting the pointers, in memory, in the file and in
/// every file it references, gives NJsonSchema the same constraints. The files are not changed.
/// </summary>
internal static class Draft2020Schemas
{
    public static Task<JsonSchema> LoadAsync(string path) =>
        JsonSchema.FromJsonAsync(AsDraft7(File.ReadAllText(path)), Path.GetFullPath(path), schema => new Resolver(schema));

    /// <summary>The same schema with <c>$defs</c> spelled <c>definitions</c>.</summary>
    public static string AsDraft7(string json)
    {
        var root = JsonNode.Parse(json)!;
        Rewrite(root);
        return root.ToJsonString();
    }

    private static void Rewrite(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            if (obj["$ref"] is JsonValue reference && reference.TryGetValue(out string? target))
            {
                obj["$ref"] = target.Replace("#/$defs/", "#/definitions/", System.StringComparison.Ordinal);
            }

            if (obj.TryGetPropertyValue("$defs", out var defs))
            {
                obj.Remove("$defs");
                obj["definitions"] = defs;
            }

            foreach (var (_, value) in obj)
            {
                Rewrite(value);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Rewrite(item);
            }
        }
    }

    /// <summary>Resolves a reference into another file through the same translation.</summary>
    private sealed class Resolver(JsonSchema root) : JsonReferenceResolver(new JsonSchemaAppender(root, new DefaultTypeNameGenerator()))
    {
        public override async Task<IJsonReference> ResolveFileReferenceAsync(string filePath, CancellationToken cancellationToken = default) =>
            await JsonSchema.FromJsonAsync(AsDraft7(await File.ReadAllTextAsync(filePath, cancellationToken)), filePath, _ => this, cancellationToken);
    }
}
