using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace GlacierTrail.Cli.Tests.Report;

/// <summary>Headless Chromium, as Debian's <c>chromium</c> package installs it, when it is on PATH.</summary>
internal static class Chromium
{
    public static string? Executable { get; } = Find();

    /// <summary>Renders a page to a PNG or PDF; returns the browser's console lines (CSP violations, script errors).</summary>
    public static async Task<List<string>> RenderAsync(string page, string output, bool pdf, int width = 1280, int height = 2200)
    {
        string profile = Path.Combine(Path.GetTempPath(), "glaciertrail-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Executable!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--hide-scrollbars", "--no-first-run",
            "--force-device-scale-factor=1", "--user-data-dir=" + profile, $"--window-size={width},{height}",
            pdf ? "--print-to-pdf=" + output : "--screenshot=" + output, pdf ? "--no-pdf-header-footer" : "--default-background-color=ffffffff",
            new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            await process.WaitForExitAsync(cancel.Token);
            string log = await stderr + await stdout;
            Assert.True(File.Exists(output), "chromium wrote nothing:\n" + log);

            // Console messages (a CSP violation, an uncaught exception, console.log) are logged as
            // ":CONSOLE" lines with --enable-logging=stderr.
            return log.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).ToList();
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A profile folder left in /tmp is harmless.
            }
        }
    }

    private static string? Find()
    {
        foreach (string name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" })
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

/// <summary>A test that needs headless Chromium: skipped, with a note saying so, where it is not installed.</summary>
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Executable is null)
        {
            Skip = "headless Chromium is not installed (apt-get install chromium); the report was not rendered in a browser";
        }
    }
}
