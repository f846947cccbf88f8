using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using GlacierTrail.Events;
using Xunit;
using Xunit.Sdk;

namespace GlacierTrail.Tests;

/// <summary>
/// Every fixture parses to its generated type with every field typed: each JSON member of the
/// payloads (and of userIdentity and tlsDetails) is found on the C# object by its PascalCase or
/// x-csharp-name and holds the JSON value; nothing but explicit nulls lands in ExtensionData.
/// Reflection is used here, in the test, only to walk the generated objects.
/// </summary>
public sealed class FixtureTypedTests
{
    private static readonly Dictionary<string, string> CSharpNames = CollectCSharpNames();

    [Theory]
    [MemberData(nameof(TestPaths.FixtureNames), MemberType = typeof(TestPaths))]
    public void Every_fixture_parses_to_its_type_with_every_field_typed(string fixture)
    {
        string op = fixture[..fixture.IndexOf('.', StringComparison.Ordinal)];
        byte[] bytes = File.ReadAllBytes(Path.Combine(TestPaths.Fixtures, fixture));
        using var doc = JsonDocument.Parse(bytes);
        var json = doc.RootElement;

        var evt = GlacierTrailEvents.ParseRecord(bytes);

        Assert.Equal(op + "Event", evt.GetType().Name);
        Assert.Equal(typeof(GlacierTrailEvents).Namespace, evt.GetType().Namespace);
        Assert.Equal(op, evt.EventName);
        Assert.Equal("glacier.amazonaws.com", evt.EventSource);

        var checkedLeaves = new List<string>();
        foreach (string payload in new[] { "requestParameters", "responseElements" })
        {
            object? typed = evt.GetType().GetProperty(Pascal(payload))!.GetValue(evt);
            if (json.TryGetProperty(payload, out var value))
            {
                AssertMatches(value, typed, payload, checkedLeaves);
            }
            else
            {
                Assert.Null(typed);
            }
        }

        if (fixture.EndsWith(".success.json", StringComparison.Ordinal) && json.GetProperty("requestParameters").ValueKind == JsonValueKind.Object)
        {
            Assert.Contains(checkedLeaves, leaf => leaf.StartsWith("requestParameters.", StringComparison.Ordinal));
        }

        AssertEnvelope(json, evt, checkedLeaves);
    }

    [Fact]
    public void The_field_walk_fails_on_a_value_that_differs_or_a_member_kept_raw()
    {
        var record = JsonNode.Parse(File.ReadAllText(Path.Combine(TestPaths.Fixtures, "InitiateJob.success.json")))!;
        var evt = (InitiateJobEvent)GlacierTrailEvents.ParseRecord(System.Text.Encoding.UTF8.GetBytes(record.ToJsonString()));
        evt.RequestParameters!.JobParameters!.Tier = JobTier.Expedited;
        using (var doc = JsonDocument.Parse(record.ToJsonString()))
        {
            Assert.ThrowsAny<XunitException>(() => AssertMatches(doc.RootElement.GetProperty("requestParameters"), evt.RequestParameters, "requestParameters", []));
        }

        record["requestParameters"]!["jobParameters"]!["notInAnySchema"] = "x";
        var withExtra = (InitiateJobEvent)GlacierTrailEvents.ParseRecord(System.Text.Encoding.UTF8.GetBytes(record.ToJsonString()));
        using (var doc = JsonDocument.Parse(record.ToJsonString()))
        {
            var error = Assert.ThrowsAny<XunitException>(() => AssertMatches(doc.RootElement.GetProperty("requestParameters"), withExtra.RequestParameters, "requestParameters", []));
            Assert.Contains("notInAnySchema", error.Message, StringComparison.Ordinal);
        }
    }

    private static void AssertEnvelope(JsonElement json, CloudTrailEvent evt, List<string> checkedLeaves)
    {
        Assert.Equal(json.GetProperty("eventVersion").GetString(), evt.EventVersion?.Value);
        Assert.Equal(DateTimeOffset.Parse(json.GetProperty("eventTime").GetString()!, CultureInfo.InvariantCulture), evt.EventTime);
        AssertString(json, "awsRegion", evt.AwsRegion);
        AssertString(json, "sourceIPAddress", evt.SourceIPAddress);
        AssertString(json, "userAgent", evt.UserAgent);
        AssertString(json, "requestID", evt.RequestId);
        AssertString(json, "eventID", evt.EventId);
        AssertString(json, "eventType", evt.EventType?.Value);
        AssertString(json, "eventCategory", evt.EventCategory?.Value);
        AssertString(json, "recipientAccountId", evt.RecipientAccountId);
        AssertString(json, "errorCode", evt.ErrorCode);
        AssertString(json, "errorMessage", evt.ErrorMessage);
        AssertString(json, "vpcEndpointId", evt.VpcEndpointId);
        AssertString(json, "sharedEventID", evt.SharedEventId);
        AssertString(json, "sessionCredentialFromConsole", evt.SessionCredentialFromConsole);
        AssertBoolean(json, "readOnly", evt.ReadOnly);
        AssertBoolean(json, "managementEvent", evt.ManagementEvent);
        Assert.Equal(json.TryGetProperty("errorCode", out _), evt.IsError);

        var identityJson = json.GetProperty("userIdentity");
        var identity = evt.UserIdentity;
        Assert.NotNull(identity);
        AssertString(identityJson, "type", identity.Type?.Value);
        AssertString(identityJson, "arn", identity.Arn);
        AssertString(identityJson, "accountId", identity.AccountId);
        AssertString(identityJson, "principalId", identity.PrincipalId);
        AssertString(identityJson, "accessKeyId", identity.AccessKeyId);
        AssertString(identityJson, "userName", identity.UserName);
        AssertString(identityJson, "invokedBy", identity.InvokedBy);
        if (identityJson.TryGetProperty("sessionContext", out var sessionJson))
        {
            AssertString(sessionJson.GetProperty("sessionIssuer"), "arn", identity.SessionContext?.SessionIssuer?.Arn);
            AssertString(sessionJson.GetProperty("attributes"), "mfaAuthenticated", identity.SessionContext?.Attributes?.MfaAuthenticated);
        }
        else
        {
            Assert.Null(identity.SessionContext);
        }

        // The whole identity and TLS subtrees, member by member, the same way as the payloads.
        AssertMatches(identityJson, identity, "userIdentity", checkedLeaves);
        if (json.TryGetProperty("tlsDetails", out var tlsJson))
        {
            Assert.NotNull(evt.TlsDetails);
            Assert.Equal(tlsJson.GetProperty("tlsVersion").GetString(), evt.TlsDetails.TlsVersion);
            Assert.Equal(tlsJson.GetProperty("cipherSuite").GetString(), evt.TlsDetails.CipherSuite);
            Assert.Equal(tlsJson.GetProperty("clientProvidedHostHeader").GetString(), evt.TlsDetails.ClientProvidedHostHeader);
            AssertMatches(tlsJson, evt.TlsDetails, "tlsDetails", checkedLeaves);
        }
        else
        {
            Assert.Null(evt.TlsDetails);
        }

        AssertOnlyNullsKept(json, evt.ExtensionData, "(record)");
    }

    /// <summary>Asserts that <paramref name="value"/> holds exactly what <paramref name="json"/> says.</summary>
    private static void AssertMatches(JsonElement json, object? value, string path, List<string> checkedLeaves)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Null:
                Assert.True(value is null, $"{path}: JSON null, but the property holds {value}");
                return;

            case JsonValueKind.Object when value is IDictionary map:
                {
                    var members = json.EnumerateObject().ToList();
                    Assert.True(members.Count == map.Count, $"{path}: {members.Count} map entries in JSON, {map.Count} in C#");
                    foreach (var member in members)
                    {
                        Assert.True(map.Contains(member.Name), $"{path}: map key '{member.Name}' is missing");
                        AssertMatches(member.Value, map[member.Name], $"{path}[{member.Name}]", checkedLeaves);
                    }

                    return;
                }

            case JsonValueKind.Object:
                {
                    Assert.True(value is not null, $"{path}: JSON object, but the property is null");
                    var type = value.GetType();
                    Assert.True(type.Namespace is "GlacierTrail.Events" or "GlacierTrail", $"{path}: {type} is not a generated class");
                    foreach (var member in json.EnumerateObject())
                    {
                        var property = FindProperty(type, member.Name);
                        Assert.True(property is not null, $"{path}.{member.Name}: {type.Name} has no property for it (is it in the schema?)");
                        AssertMatches(member.Value, property.GetValue(value), $"{path}.{member.Name}", checkedLeaves);
                    }

                    AssertOnlyNullsKept(json, (IReadOnlyList<RawJsonProperty>?)type.GetProperty("ExtensionData")?.GetValue(value), path);
                    return;
                }

            case JsonValueKind.Array:
                {
                    if (value is not IEnumerable sequence || value is string)
                    {
                        throw new XunitException($"{path}: JSON array, but the property holds {value?.GetType().Name ?? "null"}");
                    }

                    var items = sequence.Cast<object?>().ToList();
                    Assert.True(json.GetArrayLength() == items.Count, $"{path}: {json.GetArrayLength()} items in JSON, {items.Count} in C#");
                    int i = 0;
                    foreach (var item in json.EnumerateArray())
                    {
                        AssertMatches(item, items[i], $"{path}[{i}]", checkedLeaves);
                        i++;
                    }

                    return;
                }

            case JsonValueKind.String:
                {
                    string expected = json.GetString()!;
                    object? actual = value switch
                    {
                        string s => s,
                        DateTimeOffset time => (object)time,
                        null => null,
                        _ when EnumValue(value) is { } text => text,
                        _ => throw new XunitException($"{path}: JSON string, but the property is a {value.GetType().Name}"),
                    };
                    object expectedValue = actual is DateTimeOffset ? DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture) : expected;
                    Assert.True(Equals(expectedValue, actual), $"{path}: expected {expectedValue}, found {actual ?? "null"}");
                    break;
                }

            case JsonValueKind.Number:
                {
                    bool same = value switch
                    {
                        long l => json.TryGetInt64(out long n) && n == l,
                        int i => json.TryGetInt32(out int n) && n == i,
                        double d => json.GetDouble() == d,
                        _ => false,
                    };
                    Assert.True(same, $"{path}: expected {json.GetRawText()}, found {value ?? "null"}");
                    break;
                }

            default:
                Assert.True(value is bool b && b == (json.ValueKind == JsonValueKind.True), $"{path}: expected {json.GetRawText()}, found {value ?? "null"}");
                break;
        }

        checkedLeaves.Add(path);
    }

    /// <summary>ExtensionData may hold only the explicit nulls of the JSON (kept so they write back).</summary>
    private static void AssertOnlyNullsKept(JsonElement json, IReadOnlyList<RawJsonProperty>? extensionData, string path)
    {
        foreach (var kept in extensionData ?? [])
        {
            bool isNull = json.TryGetProperty(kept.Name, out var member) && member.ValueKind == JsonValueKind.Null;
            Assert.True(isNull && kept.Value.ValueKind == JsonValueKind.Null, $"{path}.{kept.Name} landed in ExtensionData as {kept.Value}: the schema does not type it");
        }
    }

    private static PropertyInfo? FindProperty(Type type, string jsonName)
    {
        if (CSharpNames.TryGetValue(jsonName, out string? csharpName) && type.GetProperty(csharpName) is { } named)
        {
            return named;
        }

        return type.GetProperty(Pascal(jsonName));
    }

    /// <summary>A generated enum's text (it is a struct with a string Value and an IsKnown flag).</summary>
    private static string? EnumValue(object value)
    {
        var type = value.GetType();
        return type.IsValueType && type.GetProperty("IsKnown") is not null && type.GetProperty("Value")?.GetValue(value) is string text ? text : null;
    }

    private static string Pascal(string jsonName) => char.ToUpperInvariant(jsonName[0]) + jsonName[1..];

    private static void AssertString(JsonElement obj, string key, string? actual)
    {
        if (obj.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            Assert.Equal(value.GetString(), actual);
        }
        else
        {
            Assert.Null(actual);
        }
    }

    private static void AssertBoolean(JsonElement obj, string key, bool? actual)
    {
        if (obj.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            Assert.Equal(value.GetBoolean(), actual);
        }
        else
        {
            Assert.Null(actual);
        }
    }

    /// <summary>Every x-csharp-name in the schemas, by JSON key.</summary>
    private static Dictionary<string, string> CollectCSharpNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(TestPaths.Schemas, "*.schema.json", SearchOption.AllDirectories))
        {
            Collect(JsonNode.Parse(File.ReadAllText(file)));
        }

        return names;

        void Collect(JsonNode? node)
        {
            if (node is JsonObject obj)
            {
                if (obj["properties"] is JsonObject properties)
                {
                    foreach (var (key, property) in properties)
                    {
                        if (property?["x-csharp-name"] is JsonValue name)
                        {
                            names[key] = name.GetValue<string>();
                        }
                    }
                }

                foreach (var (_, value) in obj)
                {
                    Collect(value);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    Collect(item);
                }
            }
        }
    }
}
