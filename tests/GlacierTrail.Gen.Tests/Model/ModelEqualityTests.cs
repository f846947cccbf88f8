using System;
using System.IO;
using System.Linq;
using System.Threading;
using GlacierTrail.Gen.Model;
using GlacierTrail.Gen.Parsing;
using GlacierTrail.Gen.Tests.Infrastructure;
using Xunit;

namespace GlacierTrail.Gen.Tests.Model;

/// <summary>
/// The parse step's specs compare by value, so the pipeline can cache them: the same schema
/// parsed twice, or edited only in whitespace, gives equal specs with equal hash codes, and a
/// change of meaning gives different specs.
/// </summary>
public sealed class ModelEqualityTests
{
    private const string Path = TestFiles.VirtualSchemaRoot + "glacier/InitiateJob.schema.json";
    private const string SharedPath = TestFiles.VirtualSchemaRoot + "shared/glacier-types.schema.json";

    public static TheoryData<string> EventSchemas => new()
    {
        "glacier/CreateVault.schema.json",
        "glacier/InitiateJob.schema.json",
        "glacier/SetVaultNotifications.schema.json",
        "test/TypeTable.schema.json",
    };

    [Theory]
    [MemberData(nameof(EventSchemas))]
    public void Same_text_parsed_twice_gives_equal_specs_with_equal_hash_codes(string schema)
    {
        string text = Read(schema);

        var first = SchemaParser.Parse(Path, text, CancellationToken.None);
        var second = SchemaParser.Parse(Path, text, CancellationToken.None);

        Assert.NotNull(first.Event);
        Assert.NotSame(first.Event, second.Event);
        Assert.Equal(first.Event, second.Event);
        Assert.Equal(first.Event!.GetHashCode(), second.Event!.GetHashCode());
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Definitions_parsed_twice_are_equal_with_equal_hash_codes()
    {
        string text = Read("shared/glacier-types.schema.json");

        var first = SchemaParser.Parse(SharedPath, text, CancellationToken.None);
        var second = SchemaParser.Parse(SharedPath, text, CancellationToken.None);

        Assert.NotNull(first.Definitions);
        Assert.NotEmpty(first.Definitions!.Exports);
        Assert.Equal(first.Definitions, second.Definitions);
        Assert.Equal(first.Definitions.GetHashCode(), second.Definitions!.GetHashCode());
    }

    [Theory]
    [MemberData(nameof(EventSchemas))]
    public void Whitespace_only_edit_gives_an_equal_event_spec(string schema)
    {
        string text = Read(schema);
        // JSON strings cannot hold a raw line break, so this touches whitespace between tokens only.
        string reformatted = "\r\n\r\n  " + text.Replace("\n", "\r\n\t  ", StringComparison.Ordinal) + "\r\n";

        var original = SchemaParser.Parse(Path, text, CancellationToken.None);
        var edited = SchemaParser.Parse(Path, reformatted, CancellationToken.None);

        Assert.Equal(original.Event, edited.Event);
        Assert.Equal(original.Event!.GetHashCode(), edited.Event!.GetHashCode());

        // Only positions may differ, and they are kept beside the spec, not in it.
        Assert.NotEqual(original.BindingLocation, edited.BindingLocation);
        Assert.Equal(
            original.ExternalReferences.Select(r => (r.Target, r.Written)),
            edited.ExternalReferences.Select(r => (r.Target, r.Written)));
        Assert.Equal(
            original with { BindingLocation = null, ExternalReferences = EquatableArray<ExternalReference>.Empty },
            edited with { BindingLocation = null, ExternalReferences = EquatableArray<ExternalReference>.Empty });
    }

    [Fact]
    public void Minified_definitions_give_equal_definitions()
    {
        string text = Read("shared/glacier-types.schema.json");
        string minified = System.Text.Json.Nodes.JsonNode.Parse(text)!.ToJsonString(
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        var original = SchemaParser.Parse(SharedPath, text, CancellationToken.None);
        var edited = SchemaParser.Parse(SharedPath, minified, CancellationToken.None);

        Assert.NotEqual(text, minified);
        Assert.Equal(original.Definitions, edited.Definitions);
        Assert.Equal(original, edited);
    }

    [Theory]
    [InlineData("\"vaultName\": {", "\"vaultLabel\": {")]
    [InlineData("\"Name of the vault the call acts on.\"", "\"Name of the vault.\"")]
    [InlineData("\"required\": [\"accountId\", \"vaultName\"]", "\"required\": [\"accountId\"]")]
    [InlineData("\"eventName\": \"CreateVault\"", "\"eventName\": \"CreateVault2\"")]
    [InlineData("\"type\": [\"string\", \"null\"]", "\"type\": [\"integer\", \"null\"]")]
    public void SemanticEditGivesADifferentEventSpec(string find, string replace)
    {
        string text = Read("glacier/CreateVault.schema.json");
        string edited = text.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(text, edited);

        var before = SchemaParser.Parse(Path, text, CancellationToken.None);
        var after = SchemaParser.Parse(Path, edited, CancellationToken.None);

        Assert.NotNull(after.Event);
        Assert.NotEqual(before.Event, after.Event);
    }

    [Fact]
    public void Same_path_different_file_gives_a_different_spec()
    {
        string text = Read("glacier/CreateVault.schema.json");

        var here = SchemaParser.Parse(Path, text, CancellationToken.None);
        var there = SchemaParser.Parse(TestFiles.VirtualSchemaRoot + "other/CreateVault.schema.json", text, CancellationToken.None);

        Assert.NotEqual(here.Event, there.Event);
    }

    [Fact]
    public void Equatable_array_compares_items_not_references()
    {
        var left = new EquatableArray<string>(new[] { "a", "b" });
        var right = new EquatableArray<string>(new[] { "a", "b" });

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(left, new EquatableArray<string>(new[] { "b", "a" }));
        Assert.Equal(EquatableArray<string>.Empty, new EquatableArray<string>(Array.Empty<string>()));
    }

    private static string Read(string schema) =>
        schema.StartsWith("test/", StringComparison.Ordinal)
            ? File.ReadAllText(System.IO.Path.Combine(TestFiles.TestProjectDirectory, "Schemas", schema.Substring("test/".Length)))
            : File.ReadAllText(System.IO.Path.Combine(TestFiles.RepositoryRoot, "schemas", schema));
}
