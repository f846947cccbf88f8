using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using GlacierTrail.Integrity;

namespace GlacierTrail.Cli.Output;

/// <summary>What <c>verify</c> prints: the keys used, the chains, a line per finding, and the summary line.</summary>
internal static class VerifyReport
{
    public static string Text(DigestValidationResult result, IReadOnlyList<DigestPublicKey> loaded)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        foreach (var use in result.KeysUsed)
        {
            text.Append(inv, $"key {TerminalText.Escape(use.Key.Fingerprint)} valid {Time(use.Key.ValidityStart)} to {Time(use.Key.ValidityEnd)}, RSA {use.Key.KeySizeInBits} bits: verified {use.Digests} digest(s)\n");
        }

        if (result.KeysUsed.Count < loaded.Count)
        {
            text.Append(inv, $"{loaded.Count - result.KeysUsed.Count} other key(s) supplied, not used\n");
        }

        foreach (var chain in result.Chains)
        {
            string organization = chain.OrganizationId is null ? string.Empty : ", organization " + TerminalText.Escape(chain.OrganizationId);
            text.Append(inv, $"chain {TerminalText.Escape(chain.Prefix)}, trail {TerminalText.Escape(chain.TrailName)} (home {TerminalText.Escape(chain.HomeRegion)}){organization}{(chain.IsBackfill ? ", backfill" : string.Empty)}: {chain.Digests} digest(s), {Time(chain.Start)} to {Time(chain.End)}\n");
        }

        foreach (var finding in result.Findings)
        {
            text.Append(finding.Severity == IntegritySeverity.Error ? "error: " : "warning: ")
                .Append(Label(finding.Kind)).Append(": ")
                .Append(TerminalText.Escape(finding.File.S3Key ?? finding.File.LocalPath));
            if (finding.File.LocalPath is { } path && finding.File.S3Key is not null)
            {
                text.Append(" (").Append(TerminalText.Escape(path)).Append(')');
            }

            text.Append(": ").Append(TerminalText.Escape(finding.Detail)).Append('\n');
        }

        var summary = result.Summary;
        if (summary.OtherFiles > 0)
        {
            text.Append(inv, $"{summary.OtherFiles} file(s) outside the AWSLogs/ layout were not checked\n");
        }

        int problems = summary.Errors + summary.Warnings;
        text.Append(inv, $"{summary.DigestsValid} digest{Plural(summary.DigestsValid)} valid, {summary.LogFilesValid} log file{Plural(summary.LogFilesValid)} valid, {problems} problem{Plural(problems)}");
        if (problems > 0)
        {
            text.Append(inv, $" ({summary.Errors} error{Plural(summary.Errors)}, {summary.Warnings} warning{Plural(summary.Warnings)})");
        }

        text.Append(summary.Start is { } start
            ? (result.Chains.Count == 1 ? "; chain " : string.Create(inv, $"; {result.Chains.Count} chains ")) + Time(start) + " to " + Time(summary.End)
            : "; no digests");
        return text.Append('\n').ToString();
    }

    public static string Json(DigestValidationResult result, IReadOnlyList<DigestPublicKey> loaded)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var use in result.KeysUsed)
            {
                writer.WriteStartObject();
                writer.WriteString("fingerprint", use.Key.Fingerprint);
                WriteTime(writer, "validityStart", use.Key.ValidityStart);
                WriteTime(writer, "validityEnd", use.Key.ValidityEnd);
                writer.WriteNumber("digests", use.Digests);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteNumber("keysNotUsed", loaded.Count - result.KeysUsed.Count);
            writer.WriteStartArray("chains");
            foreach (var chain in result.Chains)
            {
                writer.WriteStartObject();
                writer.WriteString("prefix", chain.Prefix);
                writer.WriteString("organizationId", chain.OrganizationId);
                writer.WriteString("accountId", chain.AccountId);
                writer.WriteString("region", chain.Region);
                writer.WriteString("trailName", chain.TrailName);
                writer.WriteString("homeRegion", chain.HomeRegion);
                writer.WriteBoolean("backfill", chain.IsBackfill);
                writer.WriteNumber("digests", chain.Digests);
                WriteTime(writer, "start", chain.Start);
                WriteTime(writer, "end", chain.End);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                writer.WriteStartObject();
                writer.WriteString("severity", finding.Severity == IntegritySeverity.Error ? "error" : "warning");
                writer.WriteString("kind", finding.Kind.ToString());
                writer.WriteString("s3Key", finding.File.S3Key);
                writer.WriteString("localPath", finding.File.LocalPath);
                writer.WriteString("detail", finding.Detail);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            var summary = result.Summary;
            writer.WriteStartObject("summary");
            writer.WriteBoolean("valid", summary.IsValid);
            writer.WriteNumber("digests", summary.Digests);
            writer.WriteNumber("digestsValid", summary.DigestsValid);
            writer.WriteNumber("logFilesReferenced", summary.LogFilesReferenced);
            writer.WriteNumber("logFilesValid", summary.LogFilesValid);
            writer.WriteNumber("logBytesHashed", summary.LogBytesHashed);
            writer.WriteNumber("otherFiles", summary.OtherFiles);
            writer.WriteNumber("errors", summary.Errors);
            writer.WriteNumber("warnings", summary.Warnings);
            WriteTime(writer, "start", summary.Start);
            WriteTime(writer, "end", summary.End);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length) + "\n";
    }

    /// <summary>The kind in words: <c>LogFileHashMismatch</c> is "log file hash mismatch".</summary>
    public static string Label(IntegrityFindingKind kind)
    {
        string name = kind.ToString();
        var label = new StringBuilder(name.Length + 4);
        foreach (char c in name)
        {
            if (char.IsUpper(c) && label.Length > 0)
            {
                label.Append(' ');
            }

            label.Append(char.ToLowerInvariant(c));
        }

        return label.ToString();
    }

    private static string Plural(int count) => count == 1 ? string.Empty : "s";

    private static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "(open)";

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, Time(time));
        }
    }
}
