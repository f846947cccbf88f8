using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace GlacierTrail.Cli.Tests.Report;

/// <summary>
/// A checked-in baseline of a report, in Verify's layout: <c>{TestClass}.{TestMethod}.verified.html</c>
/// beside the test source, compared after newline normalisation. A mismatch writes
/// <c>*.received.html</c> beside it and fails with an inline diff; <c>GLACIERTRAIL_ACCEPT_SNAPSHOTS=1</c>
/// rewrites the baseline instead (as the generator's snapshots do).
/// </summary>
internal static class HtmlSnapshot
{
    private const int MaxDiffLines = 60;

    public static void Verify(string html, [CallerMemberName] string testName = "", [CallerFilePath] string testFile = "")
    {
        string directory = Path.GetDirectoryName(testFile)!;
        string stem = Path.Combine(directory, Path.GetFileNameWithoutExtension(testFile) + "." + testName);
        string verifiedPath = stem + ".verified.html";
        string receivedPath = stem + ".received.html";
        string received = html.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("GLACIERTRAIL_ACCEPT_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verifiedPath, received, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }

        if (!File.Exists(verifiedPath))
        {
            File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
            throw new Xunit.Sdk.XunitException($"No baseline {Path.GetFileName(verifiedPath)}; the report was written to {Path.GetFileName(receivedPath)}. Review it, then run the tests with GLACIERTRAIL_ACCEPT_SNAPSHOTS=1 to accept it.");
        }

        string verified = File.ReadAllText(verifiedPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (string.Equals(verified, received, StringComparison.Ordinal))
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received, new UTF8Encoding(false));
        throw new Xunit.Sdk.XunitException($"{Path.GetFileName(verifiedPath)} differs from the report (written to {Path.GetFileName(receivedPath)}; accept with GLACIERTRAIL_ACCEPT_SNAPSHOTS=1):\n{Diff(verified, received)}");
    }

    private static string Diff(string verified, string received)
    {
        var text = new StringBuilder();
        int shown = 0;
        foreach (var line in InlineDiffBuilder.Diff(verified, received, ignoreWhiteSpace: false).Lines)
        {
            if (line.Type == ChangeType.Unchanged)
            {
                continue;
            }

            if (shown++ == MaxDiffLines)
            {
                text.Append("  ... (diff cut; compare the files for the rest)\n");
                break;
            }

            text.Append(line.Type == ChangeType.Inserted ? "+ " : "- ").Append(line.Position).Append(": ").Append(line.Text.Length > 300 ? line.Text[..300] + "..." : line.Text).Append('\n');
        }

        return text.ToString();
    }
}
