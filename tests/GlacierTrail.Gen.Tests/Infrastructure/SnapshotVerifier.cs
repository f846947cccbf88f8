using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

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
    public const string AcceptVariable = "GLACIERTRAIL_ACCEPT_SNAPSHOTS";
    public const string VersionPlaceholder = "x.y.z";
    private const int MaxDiffLines = 80;

    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

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
        GeneratedCodeVersion().Replace(text.Replace("\r\n", "\n").Replace('\r', '\n'), $"GeneratedCode(\"GlacierTrail.Gen\", \"{VersionPlaceholder}\")");

    /// <summary>Null when equal (or accepted); otherwise the failure message.</summary>
    internal static string? Compare(string received, string verifiedPath, string receivedPath, bool accept)
    {
        if (accept)
        {
            File.WriteAllText(verifiedPath, received, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Delete(receivedPath);
            return null;
        }

        if (!File.Exists(verifiedPath))
        {
            File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
            return $"No baseline {Path.GetFileName(verifiedPath)}; the output was written to {Path.GetFileName(receivedPath)}. " +
                $"Review it, then run the tests with {AcceptVariable}=1 to accept it.";
        }

        string verified = File.ReadAllText(verifiedPath).Replace("\r\n", "\n");
        if (string.Equals(verified, received, StringComparison.Ordinal))
        {
            File.Delete(receivedPath);
            return null;
        }

        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        return $"{Path.GetFileName(verifiedPath)} differs from the generated output (written to {Path.GetFileName(receivedPath)}; " +
            $"accept with {AcceptVariable}=1):\n{Diff(verified, received)}";
    }

    /// <summary>An inline diff, changed lines with two lines of context, '-' baseline and '+' received.</summary>
    internal static string Diff(string verified, string received)
    {
        var lines = InlineDiffBuilder.Diff(verified, received, ignoreWhiteSpace: false).Lines;
        var show = new bool[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type != ChangeType.Unchanged)
            {
                for (int j = Math.Max(0, i - 2); j <= Math.Min(lines.Count - 1, i + 2); j++)
                {
                    show[j] = true;
                }
            }
        }

        var text = new StringBuilder();
        int shown = 0;
        bool gap = false;
        for (int i = 0; i < lines.Count && shown < MaxDiffLines; i++)
        {
            if (!show[i])
            {
                gap = true;
                continue;
            }

            if (gap && shown > 0)
            {
                text.Append("  ...\n");
            }

            gap = false;
            string marker = lines[i].Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => "  ",
            };
            string number = lines[i].Position is int position ? position.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(5) : "     ";
            text.Append(number).Append(' ').Append(marker).Append(lines[i].Text).Append('\n');
            shown++;
        }

        if (shown >= MaxDiffLines)
        {
            text.Append($"  ... (diff cut at {MaxDiffLines} lines; compare the files for the rest)\n");
        }

        return text.ToString();
    }

    [GeneratedRegex("GeneratedCode\\(\"GlacierTrail\\.Gen\", \"[^\"]*\"\\)")]
    private static partial Regex GeneratedCodeVersion();
}
