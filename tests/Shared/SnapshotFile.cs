using System;
using System.IO;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace GlacierTrail.Testing;

/// <summary>
/// A checked-in baseline file compared with what a test produced, after newline normalisation.
/// A mismatch writes <c>*.received.*</c> beside the baseline and fails with an inline diff;
/// setting <c>GLACIERTRAIL_ACCEPT_SNAPSHOTS=1</c> rewrites the baselines instead, so every
/// change to a baseline is a reviewed diff.
/// </summary>
internal static class SnapshotFile
{
    public const string AcceptVariable = "GLACIERTRAIL_ACCEPT_SNAPSHOTS";
    private const int MaxDiffLines = 80;

    public static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    /// <summary>LF newlines only, so a checkout with CRLF compares equal.</summary>
    public static string NormalizeNewlines(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');

    /// <summary>Fails the test unless <paramref name="received"/> equals the baseline at <paramref name="verifiedPath"/> (or is accepted).</summary>
    public static void Verify(string received, string verifiedPath, string receivedPath)
    {
        if (Compare(NormalizeNewlines(received), verifiedPath, receivedPath, Accepting) is { } failure)
        {
            throw new Xunit.Sdk.XunitException(failure);
        }
    }

    /// <summary>Null when equal (or accepted); otherwise the failure message.</summary>
    public static string? Compare(string received, string verifiedPath, string receivedPath, bool accept)
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

        string verified = NormalizeNewlines(File.ReadAllText(verifiedPath));
        if (string.Equals(verified, received, StringComparison.Ordinal))
        {
            File.Delete(receivedPath);
            return null;
        }

        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        return $"{Path.GetFileName(verifiedPath)} differs from the output (written to {Path.GetFileName(receivedPath)}; " +
            $"accept with {AcceptVariable}=1):\n{Diff(verified, received)}";
    }

    /// <summary>An inline diff, changed lines with two lines of context, '-' baseline and '+' received.</summary>
    public static string Diff(string verified, string received)
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
}
