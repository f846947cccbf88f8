using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using AngleSharp.Dom;
using GlacierTrail.Testing;
using Xunit;

namespace GlacierTrail.Cli.Tests.Report;

/// <summary>
/// Hostile values in every field the report shows: the parsed document must hold no element or
/// attribute that came from them. The same logs with plain values in their place give a
/// document of exactly the same elements and attributes.
/// </summary>
public class ReportInjectionTests
{
    private static readonly string[] Payloads =
    [
        "<script>alert('vault')</script>",
        "\"><img src=x onerror=alert(1)>",
        "</svg><svg onload=alert(2)>",
        "javascript:alert(3)",
        "<style>body{display:none}</style>",
        "</title></text><script>alert(4)</script>",
        "' onmouseover='alert(5)' x='",
        "<a href=\"https://attacker.example/\">click</a>",
        "<![CDATA[<script>alert(6)</script>]]>",
        "<!-- comment --><iframe srcdoc=x>",
        "red\u001b[31m\u0007bell\u202Eevil",
        "&lt;script&gt;alert(7)&lt;/script&gt;",
    ];

    [Fact]
    public async Task No_element_or_attribute_comes_from_the_data()
    {
        using var hostile = new TemporaryLog(Logs(i => Payloads[i]));
        using var plain = new TemporaryLog(Logs(i => "plain-value-" + i));
        using var run = await ReportRun.RunAsync(hostile.Path);
        using var baseline = await ReportRun.RunAsync(plain.Path);

        Assert.Equal(0, run.Result.Code);
        Assert.Contains("ReadOnly", run.Section("drift").TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(Shape(baseline.Document), Shape(run.Document));
        Assert.Single(run.Document.QuerySelectorAll("script"));
        Assert.Single(run.Document.QuerySelectorAll("style"));
        Assert.Equal(GlacierTrail.Cli.Report.ReportAssets.Script, run.Document.QuerySelector("script")!.TextContent);
        Assert.Equal(GlacierTrail.Cli.Report.ReportAssets.Style, run.Document.QuerySelector("style")!.TextContent);
        foreach (var element in run.Document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.DoesNotContain("alert", attribute.Value, StringComparison.Ordinal);
                Assert.DoesNotContain("javascript", attribute.Value, StringComparison.OrdinalIgnoreCase);
                Assert.False(attribute.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            }
        }

        // Each value is there as text, with controls and direction overrides shown escaped.
        string text = run.Document.Body!.TextContent;
        foreach (string payload in Payloads)
        {
            string shown = payload.Replace("\u001b", "\\u001b", StringComparison.Ordinal).Replace("\u0007", "\\u0007", StringComparison.Ordinal).Replace("\u202E", "\\u202e", StringComparison.Ordinal);
            Assert.Contains(shown, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\u001b", run.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", run.Html, StringComparison.Ordinal);
    }

    // Vault names, ARNs, user agents, error codes and messages, source addresses and event IDs,
    // and a value of the wrong type (a schema problem), each from the payload of its index.
    private static string Logs(Func<int, string> value)
    {
        var records = new List<string>();
        var time = new DateTimeOffset(2025, 3, 14, 8, 0, 0, TimeSpan.Zero);
        for (int i = 0; i < Payloads.Length; i++)
        {
            string v = value(i);
            records.Add(ReportRecords.Record("DeleteVault", vault: v, arn: "arn:aws:iam::111122223333:user/" + v, time: time.AddMinutes(i), userAgent: v, sourceIp: v, eventId: v));
            records.Add(ReportRecords.Record("InitiateJob", vault: v, arn: v, time: time.AddHours(1).AddMinutes(i), tier: v));
            records.Add(ReportRecords.Record("ListVaults", arn: v, time: time.AddHours(2).AddMinutes(i), errorCode: "AccessDeniedException", errorMessage: v));
            records.Add(ReportRecords.Record("DescribeVault", vault: v, time: time.AddHours(3).AddMinutes(i), errorCode: v, errorMessage: v));
            records.Add(ReportRecords.Record("CreateVault", vault: v, time: time.AddHours(4).AddMinutes(i)).Replace("\"readOnly\":false", "\"readOnly\":" + System.Text.Json.JsonSerializer.Serialize(v), StringComparison.Ordinal));
        }

        return Encoding.UTF8.GetString(RecordBuilder.Log(records));
    }

    // The elements in document order, each with its attribute names: what markup the page has,
    // whatever its text.
    private static List<string> Shape(IDocument document) =>
        document.All.Select(e => e.LocalName + "[" + string.Join(",", e.Attributes.Select(a => a.LocalName).Order(StringComparer.Ordinal)) + "]").ToList();
}
