using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using GlacierTrail.Testing;

namespace GlacierTrail.Gen.Tests.Infrastructure;

/// <summary>
/// Checked-in baselines for generated code, in Verify's layout:
/// <c>{TestClass}.{TestMethod}#{HintName}.verified.cs</c> beside the test source. Compared after
/// newline normalisation, with the generator version replaced by a placeholder. A mismatch
/// writes <c>*.received.cs</c> beside the baseline and fails with an inline diff; setting
/// <c>GLACIERTRAIL_ACCEPT_SNAPSHOTS=1</c> rewrites the baselines instead.
/// </summary>
internal static partial class SnapshotVerifier
{
    public const string AcceptVariable = SnapshotFile.AcceptVariable;
    public const string VersionPlaceholder = "x.y.z";

    public static bool Accepting => SnapshotFile.Accepting;

    /// <summary>Verifies each named generated source against its baseline; all are checked before failing.</summary>
    public static void Verify(GeneratorRun run, IEnumerable<string> hintNames, [CallerMemberName] string testName = "", [CallerFilePath] string testFile = "")
    {
        string directory = Path.GetDirectoryName(testFile)!;
        string prefix = Path.GetFileNameWithoutExtension(testFile) + "." + testName;
        var failures = new List<string>();
        foreach (string hintName in hintNames)
        {
            string stem = hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName.Substring(0, hintName.Length - 3) : hintName;
            string verifiedPath = Path.Combine(directory, $"{prefix}#{stem}.verified.cs");
            string receivedPath = Path.Combine(directory, $"{prefix}#{stem}.received.cs");
            if (Compare(Normalize(run.Source(hintName)), verifiedPath, receivedPath, Accepting) is { } failure)
            {
                failures.Add(failure);
            }
        }

        if (failures.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(string.Join("\n\n", failures));
        }
    }

    /// <summary>LF newlines, and the generator's version as a placeholder, so a version bump changes no baseline.</summary>
    public static string Normalize(string text) =>
        GeneratedCodeVersion().Replace(SnapshotFile.NormalizeNewlines(text), $"GeneratedCode(\"GlacierTrail.Gen\", \"{VersionPlaceholder}\")");

    /// <summary>Null when equal (or accepted); otherwise the failure message.</summary>
    internal static string? Compare(string received, string verifiedPath, string receivedPath, bool accept) =>
        SnapshotFile.Compare(received, verifiedPath, receivedPath, accept);

    [GeneratedRegex("GeneratedCode\\(\"GlacierTrail\\.Gen\", \"[^\"]*\"\\)")]
    private static partial Regex GeneratedCodeVersion();
}
