using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace GlacierTrail.Cli.Tests.Report;

/// <summary>
/// The sample logs' report rendered by headless Chromium to a PNG and a PDF: no console message
/// (a CSP violation or a script error would be one), and the timeline drawn.
/// </summary>
public class ReportBrowserTests
{
    // The sample logs hold the Developer Guide's example of 2014 beside 2025's trail: from March
    // 2025 the timeline spreads over the two days the trail covers.
    private static readonly string[] SampleArgs = [ReportRun.SampleLogs, "--since", "2025-03-01"];

    // The timeline's rows alternate with this band colour (report.css, svg.timeline .band).
    private static readonly (byte R, byte G, byte B) TimelineBand = (0xEE, 0xF2, 0xF7);

    [ChromiumFact]
    public async Task The_sample_report_renders_to_PNG_and_PDF_without_console_messages()
    {
        // Made by the built tool as a user runs it from the repository root, so the report (and
        // the screenshot in the docs) shows the command line as typed.
        string root = ReportRun.RepositoryRoot;
        string folder = Path.Combine(root, "artifacts", "report");
        string report = Path.Combine(folder, "report.html");
        Directory.CreateDirectory(folder);
        var made = await ToolProcess.BashAsync($"cd {ToolProcess.Quote(root)} && gt report samples/logs --since 2025-03-01 --output artifacts/report/report.html");
        Assert.True(made.Code == 0, made.Err);
        string png = Path.Combine(folder, "report.png");
        string pdf = Path.Combine(folder, "report.pdf");
        File.Delete(png);
        File.Delete(pdf);

        var screenshotLog = await Chromium.RenderAsync(report, png, pdf: false, height: 1600);
        var printLog = await Chromium.RenderAsync(report, pdf, pdf: true);

        Assert.Empty(screenshotLog);
        Assert.Empty(printLog);
        var image = PngImage.Decode(await File.ReadAllBytesAsync(png));
        Assert.Equal(1280, image.Width);
        Assert.True(MarksInTimeline(image) > 50, "the timeline's area has no marks drawn in the screenshot");
        byte[] document = await File.ReadAllBytesAsync(pdf);
        Assert.Equal("%PDF-"u8.ToArray(), document[..5]);
        Assert.True(document.Length > 10_000);

        if (Environment.GetEnvironmentVariable("GLACIERTRAIL_ACCEPT_SNAPSHOTS") == "1")
        {
            // The screenshot in docs/report.md.
            string images = Path.Combine(root, "docs", "images");
            Directory.CreateDirectory(images);
            File.Copy(png, Path.Combine(images, "report.png"), overwrite: true);
        }
    }

    [ChromiumFact]
    public async Task The_console_check_sees_a_policy_violation()
    {
        // The report's policy over a page that also has an inline style attribute and an unhashed
        // script: both are refused, and each refusal is a console line the test above would see.
        using var run = await ReportRun.RunAsync(SampleArgs);
        string page = run.Path + ".bad.html";
        await File.WriteAllTextAsync(page, run.Html.Replace("<main>", "<main><p style=\"color:red\">x</p><script>document.title = 'ran';</script>", StringComparison.Ordinal));

        var log = await Chromium.RenderAsync(page, page + ".png", pdf: false, height: 400);

        Assert.Contains(log, line => line.Contains("Content Security Policy", StringComparison.Ordinal) && line.Contains("style", StringComparison.Ordinal));
        Assert.Contains(log, line => line.Contains("Content Security Policy", StringComparison.Ordinal) && line.Contains("script", StringComparison.Ordinal));
    }

    [ChromiumFact]
    public async Task The_pixel_check_finds_no_timeline_where_there_is_none()
    {
        // CreateVault is no sensitive action: the report has no timeline to draw.
        using var run = await ReportRun.RunAsync([.. SampleArgs, "--event", "CreateVault"]);
        string png = run.Path + ".png";

        Assert.Empty(await Chromium.RenderAsync(run.Path, png, pdf: false, height: 1600));
        Assert.Equal(0, MarksInTimeline(PngImage.Decode(await File.ReadAllBytesAsync(png))));
    }

    // Pixels of a saturated colour (the categories' marks; labels, grid and axis are grey) within
    // the rows of the timeline's bands; 0 when no band is on screen.
    private static int MarksInTimeline(PngImage image)
    {
        int top = -1, bottom = -1;
        for (int y = 0; y < image.Height; y++)
        {
            if (Enumerable.Range(0, image.Width).Any(x => image[x, y] == TimelineBand))
            {
                top = top < 0 ? y : top;
                bottom = y;
            }
        }

        int marks = 0;
        for (int y = Math.Max(top, 0); top >= 0 && y <= bottom; y++)
        {
            for (int x = 0; x < image.Width; x++)
            {
                var (r, g, b) = image[x, y];
                if (Math.Max(r, Math.Max(g, b)) - Math.Min(r, Math.Min(g, b)) > 80)
                {
                    marks++;
                }
            }
        }

        return marks;
    }
}
