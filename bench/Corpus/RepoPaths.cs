using System;
using System.IO;

namespace GlacierTrail.Bench.Corpus;

/// <summary>Finds the repository (the folder with GlacierTrail.Gen.sln) from the working directory or the binary.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string CorpusRoot => Path.Combine(Root, "bench", "corpus");

    public static string GlacierFixtures => Path.Combine(Root, "tests", "fixtures", "glacier");

    private static string Find()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GlacierTrail.Gen.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("run from inside the repository: GlacierTrail.Gen.sln was not found above the working directory");
    }
}
