using System.Globalization;
using System.Text;
using System.Text.Json;
using GlacierTrail.Cli.Output;

namespace GlacierTrail.Cli.Audit;

/// <summary>The summary's "sensitive actions" section, as text and as JSON.</summary>
internal static class SensitiveSection
{
    public static void WriteText(StringBuilder text, SensitiveActionLog log, int top)
    {
        var inv = CultureInfo.InvariantCulture;
        text.Append(inv, $"\nsensitive actions (each with its {top} most recent)\n");
        foreach (var category in SensitiveActions.All)
        {
            long count = log.Count(category);
            string names = category.EventNames.Count > 0 ? " (" + string.Join(", ", category.EventNames) + ")" : " (access denied, any event)";
            text.Append(inv, $"  {category.Title}{names}: {count}\n");
            if (category == SensitiveActions.Retrievals)
            {
                foreach (var (kind, n) in log.ByKind(category))
                {
                    text.Append(inv, $"    {n,8}  {TerminalText.Escape(kind)}\n");
                }
            }

            foreach (var entry in log.Recent(category))
            {
                text.Append("    ").Append(entry.Time).Append("  ").Append(TerminalText.Escape(entry.EventName));
                if (entry.Detail is not null)
                {
                    text.Append(" (").Append(TerminalText.Escape(entry.Detail)).Append(')');
                }

                text.Append("  by ").Append(TerminalText.Escape(entry.Principal ?? "(unknown)"))
                    .Append("  from ").Append(TerminalText.Escape(entry.SourceIPAddress ?? "(unknown)"));
                if (entry.Vault is not null)
                {
                    text.Append("  vault ").Append(TerminalText.Escape(entry.Vault));
                }

                text.Append("  eventID ").Append(TerminalText.Escape(entry.EventId ?? "(none)")).Append('\n');
            }
        }
    }

    public static void WriteJson(Utf8JsonWriter writer, SensitiveActionLog log)
    {
        writer.WriteStartObject("sensitiveActions");
        foreach (var category in SensitiveActions.All)
        {
            writer.WriteStartObject(category.Id);
            writer.WriteString("title", category.Title);
            writer.WriteStartArray("eventNames");
            foreach (string name in category.EventNames)
            {
                writer.WriteStringValue(name);
            }

            writer.WriteEndArray();
            writer.WriteNumber("count", log.Count(category));
            if (category == SensitiveActions.Retrievals)
            {
                writer.WriteStartObject("byTypeAndTier");
                foreach (var (kind, n) in log.ByKind(category))
                {
                    writer.WriteNumber(kind, n);
                }

                writer.WriteEndObject();
            }

            writer.WriteStartArray("recent");
            foreach (var entry in log.Recent(category))
            {
                writer.WriteStartObject();
                writer.WriteString("eventTime", entry.Time);
                writer.WriteString("eventName", entry.EventName);
                writer.WriteString("principal", entry.Principal);
                writer.WriteString("sourceIPAddress", entry.SourceIPAddress);
                writer.WriteString("vault", entry.Vault);
                writer.WriteString("eventID", entry.EventId);
                writer.WriteString(category == SensitiveActions.Denied ? "errorCode" : "detail", entry.Detail);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
