using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace GlacierTrail.Tests;

/// <summary>
/// Finds the repository's files from the test assembly's folder (walking up to the folder that
/// holds GlacierTrail.Gen.sln), so the tests work from any working directory.
/// </summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    public static string Schemas => Path.Combine(RepoRoot, "schemas");

    public static string GlacierSchemas => Path.Combine(Schemas, "glacier");

    public static string SharedSchema => Path.Combine(Schemas, "shared", "glacier-types.schema.json");

    public static string RecordSchema => Path.Combine(Schemas, "cloudtrail-record.schema.json");

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "fixtures", "glacier");

    public static string OperationsFile => Path.Combine(RepoRoot, "tests", "data", "glacier-operations.json");

    public static string TestData => Path.Combine(RepoRoot, "tests", "GlacierTrail.Tests", "TestData");

    /// <summary>The 4-record log of the CloudTrail documentation's Glacier example.</summary>
    public static string ExampleLog => Path.Combine(TestData, "cloudtrail-example.json");

    public static IReadOnlyList<string> FixtureFiles() =>
        Directory.GetFiles(Fixtures, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray();

    public static IEnumerable<object[]> FixtureNames() =>
        FixtureFiles().Select(f => new object[] { Path.GetFileName(f) });

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GlacierTrail.Gen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No GlacierTrail.Gen.sln above {AppContext.BaseDirectory}.");
    }
}
