using System.IO;
using System.Runtime.CompilerServices;
using GlacierTrail.Testing;

namespace GlacierTrail.Cli.Tests.Report;

/// <summary>
/// A checked-in baseline of a report, in Verify's layout: <c>{TestClass}.{TestMethod}.verified.html</c>
/// beside the test source, compared by the shared snapshot helper (newline-normalised, an inline
/// diff on mismatch, <c>GLACIERTRAIL_ACCEPT_SNAPSHOTS=1</c> rewrites it).
/// </summary>
internal static class HtmlSnapshot
{
    public static void Verify(string html, [CallerMemberName] string testName = "", [CallerFilePath] string testFile = "")
    {
        string directory = Path.GetDirectoryName(testFile)!;
        string stem = Path.Combine(directory, Path.GetFileNameWithoutExtension(testFile) + "." + testName);
        SnapshotFile.Verify(html, stem + ".verified.html", stem + ".received.html");
    }
}
