using System.Text.Json;
using GlacierTrail.Metadata;

namespace GlacierTrail.Cli.Drift;

/// <summary>
/// Compares a record with what the generator knows of its event type: payload members the
/// event's metadata does not declare, and values of a JSON type it does not allow. Reads the
/// generated member metadata (<c>GlacierTrailEvents.Metadata</c>), never a schema, so it agrees
/// with the generated classes by construction: raw values accept anything; payloads the schema
/// does not describe are raw by design. The envelope is the runtime's: members it does not know
/// are the ones it keeps as extension data (see <see cref="EnvelopeMembers"/>).
/// </summary>
internal sealed class DriftWalker
{
    private readonly DriftReport _report;

    public DriftWalker(DriftReport report)
    {
        _report = report;
    }

    /// <summary>Checks one record (the event and its JSON); its payloads only when its event has metadata.</summary>
    public void Check(CloudTrailEvent evt, JsonElement record, CloudTrailEventMetadata? metadata, string example)
    {
        EnvelopeMembers.ReportUnknown(evt, _report, example);
        if (metadata is null)
        {
            return;
        }

        string group = evt.EventName + " ";
        foreach (var payload in metadata.Payloads)
        {
            if (record.TryGetProperty(payload.JsonName, out var value))
            {
                Walk(value, payload.Type, payload.IsRequired && payload.IsNullable, payload.IsNullable, payload.JsonName, group, example);
            }
        }
    }

    // saysNull: the schema's type names null (known only for required members and elements);
    // nullAllowed: the generated property may hold null.
    private void Walk(JsonElement value, CloudTrailTypeMetadata type, bool saysNull, bool nullAllowed, string path, string group, string example)
    {
        if (type.Kind == CloudTrailMemberType.Raw)
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!nullAllowed)
            {
                Mismatch(path, group, type, saysNull, "null", example);
            }

            return;
        }

        if (!Matches(value, type.Kind))
        {
            Mismatch(path, group, type, saysNull, Describe(value), example);
            return;
        }

        switch (type.Kind)
        {
            case CloudTrailMemberType.Object:
                foreach (var member in value.EnumerateObject())
                {
                    if (type.FindMember(member.Name) is { } child)
                    {
                        Walk(member.Value, child.Type, child.IsRequired && child.IsNullable, child.IsNullable, path + "." + member.Name, group, example);
                    }
                    else
                    {
                        _report.Unknown(group + path + "." + member.Name, example);
                    }
                }

                break;
            case CloudTrailMemberType.Map:
                foreach (var member in value.EnumerateObject())
                {
                    Walk(member.Value, type.Element!, type.ElementNullable, type.ElementNullable, path + ".*", group, example);
                }

                break;
            case CloudTrailMemberType.Array:
                foreach (var item in value.EnumerateArray())
                {
                    Walk(item, type.Element!, type.ElementNullable, type.ElementNullable, path + "[]", group, example);
                }

                break;
        }
    }

    private static bool Matches(JsonElement value, CloudTrailMemberType kind) => kind switch
    {
        CloudTrailMemberType.String or CloudTrailMemberType.Enum => value.ValueKind == JsonValueKind.String,
        CloudTrailMemberType.DateTime => value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out _),
        CloudTrailMemberType.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        CloudTrailMemberType.Number => value.ValueKind == JsonValueKind.Number,
        CloudTrailMemberType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        CloudTrailMemberType.Object or CloudTrailMemberType.Map => value.ValueKind == JsonValueKind.Object,
        CloudTrailMemberType.Array => value.ValueKind == JsonValueKind.Array,
        _ => true,
    };

    /// <summary>The type as a schema would state it, for messages.</summary>
    internal static string Expected(CloudTrailTypeMetadata type, bool saysNull)
    {
        string expected = type.Kind switch
        {
            CloudTrailMemberType.String or CloudTrailMemberType.Enum => "a string",
            CloudTrailMemberType.DateTime => "a date-time string",
            CloudTrailMemberType.Integer => "an integer",
            CloudTrailMemberType.Number => "a number",
            CloudTrailMemberType.Boolean => "a boolean",
            CloudTrailMemberType.Object or CloudTrailMemberType.Map => "an object",
            CloudTrailMemberType.Array => "an array",
            _ => "any value",
        };
        return saysNull ? expected + " or null" : expected;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => value.TryGetInt64(out _) ? "an integer" : "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private void Mismatch(string path, string group, CloudTrailTypeMetadata type, bool saysNull, string found, string example) =>
        DriftReport.Add(_report.TypeMismatches, $"{group}{path}: expected {Expected(type, saysNull)}, found {found}", example);
}
