using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace GlacierTrail.Cli.Tests.Report;

/// <summary>Runs <c>glaciertrail report</c> in process into a temporary file and parses what it wrote.</summary>
internal sealed class ReportRun : IDisposable
{
    private readonly string _folder;

    private ReportRun(string folder, CliResult result, string html)
    {
        _folder = folder;
        Result = result;
        Html = html;
        Document = new HtmlParser().ParseDocument(html);
    }

    public CliResult Result { get; }

    public string Html { get; }

    public IDocument Document { get; }

    /// <summary>Where the report was written.</summary>
    public string Path => System.IO.Path.Combine(_folder, "report.html");

    public static async Task<ReportRun> RunAsync(params string[] args)
    {
        string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "glaciertrail-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string path = System.IO.Path.Combine(folder, "report.html");
        var result = await CliRunner.RunAsync(["report", .. args, "--output", path]);
        string html = File.Exists(path) ? await File.ReadAllTextAsync(path) : string.Empty;
        return new ReportRun(folder, result, html);
    }

    /// <summary>The repository's <c>samples/logs</c>.</summary>
    public static string SampleLogs => System.IO.Path.Combine(RepositoryRoot, "samples", "logs");

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "GlacierTrail.Gen.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("the repository root (GlacierTrail.Gen.sln) is not above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The section with this id.</summary>
    public IElement Section(string id) => Document.GetElementById(id) is { LocalName: "section" } section
        ? section
        : throw new Xunit.Sdk.XunitException($"the report has no section '{id}'");

    /// <summary>The rows of every table in the element (folded ones included) as cell texts.</summary>
    public static List<string[]> Rows(IElement scope, string tableSelector = "table") =>
        scope.QuerySelectorAll(tableSelector).SelectMany(t => t.QuerySelectorAll("tbody tr"))
            .Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToArray()).ToList();

    /// <summary>A count as the report writes it (thousands separated).</summary>
    public static long Number(string text) => long.Parse(text.Replace(",", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is harmless.
        }
    }
}
