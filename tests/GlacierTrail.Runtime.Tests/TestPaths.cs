using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace GlacierTrail.Runtime.Tests;

/// <summary>
/// Finds the repository's files from the test assembly's folder (walking up to the folder that
/// holds GlacierTrail.Gen.sln), so the tests work from any working directory.
/// </summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Fixtures => Path.Combine(Root.Value, "tests", "fixtures", "glacier");

    /// <summary>The 4-record log of the CloudTrail documentation's Glacier example.</summary>
    public static string ExampleLog => Path.Combine(Root.Value, "tests", "GlacierTrail.Tests", "TestData", "cloudtrail-example.json");

    public static IEnumerable<object[]> FixtureNames() =>
        Directory.GetFiles(Fixtures, "*.json").OrderBy(f => f, StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

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
