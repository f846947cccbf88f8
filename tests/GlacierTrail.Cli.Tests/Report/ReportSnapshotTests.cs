using System;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace GlacierTrail.Cli.Tests.Report;

public partial class ReportSnapshotTests
{
    /// <summary>The report of the sample logs, with digest validation; the generation time, the tool's version, the paths of this checkout and the hash of their listing normalised.</summary>
    [Fact]
    public async Task The_report_of_the_sample_logs_matches_its_baseline()
    {
        string root = ReportRun.RepositoryRoot;
        using var run = await ReportRun.RunAsync(ReportRun.SampleLogs, "--public-keys", System.IO.Path.Combine(root, "samples", "public-keys.json"),
            "--signatures", System.IO.Path.Combine(root, "samples", "signatures.json"));
        Assert.Equal(0, run.Result.Code);

        string html = run.Html
            .Replace(run.Path, "{output}", StringComparison.Ordinal)
            .Replace(root.TrimEnd('/') + "/", "{repository}/", StringComparison.Ordinal)
            .Replace(GlacierTrail.Cli.Report.ReportProvenance.CurrentVersion, "{version}", StringComparison.Ordinal);
        html = Generated().Replace(html, "<span class=\"generated\">{generated}</span>");

        // The combined hash is of the files' listing, whose paths are this checkout's.
        html = Combined().Replace(html, "<code class=\"combined\">{combined}</code>");
        HtmlSnapshot.Verify(html);
    }

    [GeneratedRegex("<span class=\"generated\">[0-9TZ:-]+</span>")]
    private static partial Regex Generated();

    [GeneratedRegex("<code class=\"combined\">[0-9a-f]{64}</code>")]
    private static partial Regex Combined();
}
