using System;
using System.IO;

namespace GlacierTrail.Cli.Report;

/// <summary>The report's style sheet and script, kept as files beside the code (Assets/) and embedded in the tool.</summary>
internal static class ReportAssets
{
    public static string Style { get; } = Load("report.css");

    public static string Script { get; } = Load("report.js");

    private static string Load(string name)
    {
        using var stream = typeof(ReportAssets).Assembly.GetManifestResourceStream("report/" + name)
            ?? throw new InvalidOperationException($"the embedded resource report/{name} is missing from the build");
        using var reader = new StreamReader(stream);

        // The hash in the page's policy is of the text as written into the page: one newline form.
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
