using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;

namespace GlacierTrail.Gen.Tests.Infrastructure;

/// <summary>
/// The repository's schema files and the tests' own, found from this source file's location so
/// tests pass from any working directory. Schemas are handed to the generator under a fixed
/// virtual root so paths, hint names and baselines are the same on every machine.
/// </summary>
internal static class TestFiles
{
    /// <summary>Where schema additional texts live in test compilations.</summary>
    public const string VirtualSchemaRoot = "/repo/schemas/";

    public static string TestProjectDirectory { get; } = Path.GetFullPath(Path.Combine(ThisDirectory(), ".."));

    public static string RepositoryRoot { get; } = Path.GetFullPath(Path.Combine(TestProjectDirectory, "..", ".."));

    /// <summary>A schema from the repository's <c>schemas/</c> folder, e.g. <c>glacier/CreateVault.schema.json</c>.</summary>
    public static InMemoryAdditionalText RepoSchema(string relativePath) =>
        new(VirtualSchemaRoot + relativePath, File.ReadAllText(Path.Combine(RepositoryRoot, "schemas", relativePath)));

    /// <summary>The shared definitions file the Glacier event schemas <c>$ref</c>.</summary>
    public static InMemoryAdditionalText SharedTypes => RepoSchema("shared/glacier-types.schema.json");

    /// <summary>A schema kept with the tests (folder <c>Schemas/</c>), under the virtual root's <c>test/</c> folder.</summary>
    public static InMemoryAdditionalText TestSchema(string fileName) =>
        new(VirtualSchemaRoot + "test/" + fileName, File.ReadAllText(Path.Combine(TestProjectDirectory, "Schemas", fileName)));

    /// <summary>A schema written inline in a test.</summary>
    public static InMemoryAdditionalText Inline(string relativePath, string text) => new(VirtualSchemaRoot + relativePath, text);

    public static IReadOnlyDictionary<string, string> Options(string? @namespace = null, bool? emitDispatcher = null)
    {
        var options = new Dictionary<string, string>();
        if (@namespace is not null)
        {
            options[GeneratorHarness.NamespaceOption] = @namespace;
        }

        if (emitDispatcher is not null)
        {
            options[GeneratorHarness.EmitDispatcherOption] = emitDispatcher.Value ? "true" : "false";
        }

        return options;
    }

    private static string ThisDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
