using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using AngleSharp.Dom;
using GlacierTrail.Cli.Audit;
using GlacierTrail.Testing;
using Xunit;

namespace GlacierTrail.Cli.Tests.Report;

public class ReportStructureTests
{
    public static TheoryData<string[]> Inputs => new()
    {
        { new[] { ReportRun.SampleLogs } },
        { new[] { ReportRun.SampleLogs, "--since", "2025-03-15", "--top", "3" } },
        { new[] { ReportRun.SampleLogs, "--errors" } },
        { new[] { CliRunner.Logs, "--all" } },
        { new[] { CliRunner.Data("drift") } },
    };

    [Fact]
    public async Task Every_section_is_present()
    {
        using var run = await ReportRun.RunAsync(ReportRun.SampleLogs, "--public-keys", System.IO.Path.Combine(ReportRun.RepositoryRoot, "samples", "public-keys.json"),
            "--signatures", System.IO.Path.Combine(ReportRun.RepositoryRoot, "samples", "signatures.json"));

        Assert.Equal(0, run.Result.Code);
        foreach (string id in new[] { "overview", "timeline", "vaults", "principals", "errors", "retrievals", "integrity" })
        {
            var section = run.Section(id);
            Assert.NotNull(section.QuerySelector("h2"));
            Assert.NotNull(run.Document.QuerySelector($"nav a[href='#{id}']"));
        }

        Assert.NotNull(run.Document.GetElementById("timeline-chart"));
        Assert.NotNull(run.Document.GetElementById("retrievals-chart"));
        Assert.Contains("All times are UTC", run.Section("overview").TextContent, StringComparison.Ordinal);
        Assert.Contains("Valid: no errors.", run.Section("integrity").TextContent, StringComparison.Ordinal);

        // The sample logs have no schema problems: the drift section is only there when there are.
        Assert.Null(run.Document.GetElementById("drift"));
    }

    [Fact]
    public async Task Schema_problems_are_grouped_by_event_path_and_kind()
    {
        using var run = await ReportRun.RunAsync(CliRunner.Data("drift"));

        var rows = ReportRun.Rows(run.Section("drift"));
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal(6, row.Length));
        Assert.Equal(rows.Count, rows.Select(r => (r[0], r[1], r[2])).Distinct().Count());
        long problems = rows.Sum(r => ReportRun.Number(r[3]));
        Assert.True(problems >= rows.Count);
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Counts_equal_the_summary(string[] args)
    {
        using var run = await ReportRun.RunAsync(args);
        var summaryResult = await CliRunner.RunAsync(["summary", "--format", "json", .. args]);
        using var summaryJson = JsonDocument.Parse(summaryResult.Out);
        var summary = summaryJson.RootElement;
        Assert.Equal(summaryResult.Code, run.Result.Code);

        var overview = run.Section("overview");
        Assert.Equal(summary.GetProperty("matched").GetInt64(), Card(overview, "records matched"));
        Assert.Equal(summary.GetProperty("records").GetInt64(), Card(overview, "records read"));
        Assert.Equal(summary.GetProperty("files").GetInt64(), Card(overview, "files read"));
        Assert.Equal(summary.GetProperty("skipped").GetProperty("records").GetInt64(), Card(overview, "records not readable"));
        var range = summary.GetProperty("timeRange");
        string expectedRange = range.GetProperty("first").ValueKind == JsonValueKind.Null ? "(no event times)" : range.GetProperty("first").GetString() + " to " + range.GetProperty("last").GetString();
        Assert.Equal(expectedRange, Fact(overview, "time range"));

        Assert.Equal(Counts(summary.GetProperty("vault")), Table(run.Section("vaults")));
        Assert.Equal(Counts(summary.GetProperty("principal")), Table(run.Section("principals")));

        var sensitive = summary.GetProperty("sensitiveActions");
        var categories = ReportRun.Rows(run.Section("timeline"), "table.categories").ToDictionary(r => r[0], r => ReportRun.Number(r[2]));
        foreach (var category in SensitiveActions.All)
        {
            var expected = sensitive.GetProperty(category.Id);
            Assert.Equal(expected.GetProperty("count").GetInt64(), categories[category.Title]);
            var recent = run.Section("timeline").QuerySelectorAll("h3").Single(h => h.TextContent.StartsWith("Most recent " + category.Title + " (", StringComparison.Ordinal));
            var ids = recent.NextElementSibling is { LocalName: "table" } table ? table.QuerySelectorAll("tbody tr").Select(r => r.Children[6].TextContent).ToList() : [];
            Assert.Equal(expected.GetProperty("recent").EnumerateArray().Select(e => e.GetProperty("eventID").GetString() ?? "(none)").ToList(), ids);
        }

        var errorCodes = Counts(summary.GetProperty("errorCode"));
        errorCodes.Remove(AuditCounts.None);
        Assert.Equal(errorCodes, KeyCounts(run.Section("errors"), "By error code"));

        var kinds = Counts(sensitive.GetProperty("retrievals").GetProperty("byTypeAndTier"));
        Assert.Equal(kinds, KeyCounts(run.Section("retrievals"), "By type and tier"));
    }

    [Fact]
    public async Task Nothing_is_loaded_and_only_the_hashed_style_and_script_run()
    {
        using var run = await ReportRun.RunAsync(ReportRun.SampleLogs);
        var document = run.Document;

        // No absolute URL anywhere in the file, and no attribute that loads or links out.
        Assert.DoesNotContain("://", run.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", run.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", run.Html, StringComparison.OrdinalIgnoreCase);
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                string name = attribute.LocalName;
                Assert.False(name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"<{element.LocalName}> has an event handler attribute {name}");
                Assert.NotEqual("style", name);
                Assert.DoesNotContain(name, new[] { "src", "srcset", "action", "formaction", "data", "poster", "background", "ping", "xlink:href" });
                if (name == "href")
                {
                    Assert.Equal("a", element.LocalName);
                    Assert.Matches("^#[a-z-]+$", attribute.Value);
                    Assert.NotNull(document.GetElementById(attribute.Value[1..]));
                }
            }
        }

        foreach (string tag in new[] { "img", "iframe", "object", "embed", "link", "base", "form", "image", "use", "foreignObject", "audio", "video" })
        {
            Assert.Empty(document.GetElementsByTagName(tag));
        }

        // One style sheet and one script, each allowed by its hash, and nothing else.
        var policy = document.QuerySelectorAll("meta").Single(m => m.GetAttribute("http-equiv") == "Content-Security-Policy").GetAttribute("content")!;
        var style = Assert.Single(document.QuerySelectorAll("style"));
        var script = Assert.Single(document.QuerySelectorAll("script"));
        Assert.Equal($"default-src 'none'; style-src {Hash(style.TextContent)}; script-src {Hash(script.TextContent)}; base-uri 'none'; form-action 'none'", policy);

        // The policy governs only what the parser meets after it: it comes before the style sheet.
        var head = document.Head!.Children.ToList();
        Assert.True(head.FindIndex(c => c.GetAttribute("http-equiv") is not null) < head.IndexOf(style));
        Assert.Null(script.GetAttribute("src"));
    }

    [Fact]
    public async Task The_report_is_bounded_by_its_caps()
    {
        // 2,000 vaults, each with a deletion by its own principal and its own error message.
        var records = Enumerable.Range(0, 2000).Select(i => ReportRecords.Record(
            "DeleteVault", vault: $"vault-{i:D4}", arn: $"arn:aws:iam::111122223333:user/user-{i:D4}", time: DateTimeOffset.Parse("2025-03-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).AddMinutes(i * 7),
            errorCode: i % 2 == 0 ? null : $"Error{i}", errorMessage: i % 2 == 0 ? null : $"message {i}")).ToList();

        using var logs = new TemporaryLog(Encoding.UTF8.GetString(RecordBuilder.Log(records)));
        using var run = await ReportRun.RunAsync(logs.Path);

        Assert.Equal(0, run.Result.Code);
        var vaults = run.Section("vaults");
        Assert.Equal(GlacierTrail.Cli.Report.ReportCaps.TableVisible, vaults.QuerySelector("table")!.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(GlacierTrail.Cli.Report.ReportCaps.TableRows, ReportRun.Rows(vaults).Count);
        Assert.Contains("1,500 more vaults not shown.", vaults.TextContent, StringComparison.Ordinal);
        Assert.Equal(GlacierTrail.Cli.Report.ReportCaps.TimelineVaults, run.Document.QuerySelectorAll("#timeline-chart text.label").Length);
        // Only the 1,000 successful deletions are sensitive actions (a failed call did nothing).
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{1000 - GlacierTrail.Cli.Report.ReportCaps.TimelineVaults + 1:N0} other vaults"), run.Document.GetElementById("timeline-chart")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("more error groups not shown.", run.Section("errors").TextContent, StringComparison.Ordinal);

        // Twice the records (the same vaults and principals) make a report of nearly the same size.
        using var doubled = new TemporaryLog(Encoding.UTF8.GetString(RecordBuilder.Log(records.Concat(records))));
        using var second = await ReportRun.RunAsync(doubled.Path);
        Assert.InRange(second.Html.Length, run.Html.Length * 0.9, run.Html.Length * 1.1);
    }

    [Fact]
    public async Task Standard_output_on_a_terminal_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(stdoutIsTerminal: true, stderrIsTerminal: false, "report", ReportRun.SampleLogs);

        Assert.Equal(Cli.Usage, result.Code);
        Assert.Contains("--output", result.Err, StringComparison.Ordinal);
        Assert.Empty(result.Out);
    }

    [Fact]
    public async Task A_missing_key_file_is_a_usage_error()
    {
        using var run = await ReportRun.RunAsync(ReportRun.SampleLogs, "--public-keys", "no-such-keys.json");

        Assert.Equal(Cli.Usage, run.Result.Code);
        Assert.Contains("--public-keys: cannot read 'no-such-keys.json'", run.Result.Err, StringComparison.Ordinal);
        Assert.Empty(run.Html);
    }

    [Fact]
    public async Task Input_files_are_listed_with_their_sha256()
    {
        using var run = await ReportRun.RunAsync(CliRunner.Logs);

        var rows = ReportRun.Rows(run.Section("overview"), "table.files");
        Assert.Equal(2, rows.Count);
        var listing = new StringBuilder();
        foreach (var row in rows)
        {
            byte[] bytes = await System.IO.File.ReadAllBytesAsync(row[0]);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), row[2]);
            Assert.Equal(bytes.Length, ReportRun.Number(row[1]));
            listing.Append(row[2]).Append("  ").Append(row[0]).Append('\n');
        }

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listing.ToString()))), run.Document.QuerySelector("code.combined")!.TextContent);
    }

    private static string Hash(string text) => "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text))) + "'";

    private static long Card(IElement overview, string label) =>
        ReportRun.Number(overview.QuerySelectorAll(".card").Single(c => c.QuerySelector("span")!.TextContent == label).QuerySelector("b")!.TextContent);

    private static string Fact(IElement scope, string term) =>
        scope.QuerySelectorAll("dt").First(d => d.TextContent == term).NextElementSibling!.TextContent;

    private static Dictionary<string, long> Counts(JsonElement counts) =>
        counts.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());

    private static Dictionary<string, long> Table(IElement section) =>
        ReportRun.Rows(section).ToDictionary(r => r[0], r => ReportRun.Number(r[1]));

    private static Dictionary<string, long> KeyCounts(IElement section, string heading)
    {
        var h3 = section.QuerySelectorAll("h3").SingleOrDefault(h => h.TextContent == heading);
        if (h3 is null)
        {
            return [];
        }

        return h3.NextElementSibling!.QuerySelectorAll("tbody tr").ToDictionary(r => r.Children[0].TextContent, r => ReportRun.Number(r.Children[1].TextContent));
    }
}
