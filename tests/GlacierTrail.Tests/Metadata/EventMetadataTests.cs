using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using GlacierTrail.Events;
using GlacierTrail.Metadata;
using Xunit;

namespace GlacierTrail.Tests.Metadata;

/// <summary>
/// The member metadata generated into this assembly (from the built-in schemas) against the
/// schema files themselves: the nesting, names, required flags, enum values and element types.
/// </summary>
public sealed class EventMetadataTests
{
    private const string Glacier = "glacier.amazonaws.com";

    [Fact]
    public void Every_known_event_has_metadata_in_the_same_order_and_find_returns_it()
    {
        Assert.Equal(GlacierTrailEvents.KnownEvents, GlacierTrailEvents.Metadata.Select(m => m.Key));
        foreach (var metadata in GlacierTrailEvents.Metadata)
        {
            Assert.Same(metadata, GlacierTrailEvents.FindMetadata(metadata.EventSource, metadata.EventName));
            Assert.Equal(metadata.EventName + "Event", metadata.EventType.Name);
            Assert.Same(metadata.EventType, GlacierTrailEvents.ParseRecord(Record(metadata.EventSource, metadata.EventName)).GetType());
        }

        Assert.Null(GlacierTrailEvents.FindMetadata(Glacier, "GetVaultCompliance"));
        Assert.Null(GlacierTrailEvents.FindMetadata("s3.amazonaws.com", "CreateVault"));
    }

    [Fact]
    public void InitiateJobs_jobParameters_nest_as_the_shared_schema_says()
    {
        var request = Payload("InitiateJob", "requestParameters");
        Assert.Equal(CloudTrailMemberType.Object, request.Kind);
        Assert.Equal("InitiateJobRequestParameters", request.Type.TypeName);
        Assert.Equal(new[] { "accountId", "vaultName", "jobParameters" }, request.Type.Members.Select(m => m.JsonName));
        Assert.True(request.Type.FindMember("accountId")!.IsRequired);
        Assert.False(request.Type.FindMember("accountId")!.IsNullable);
        Assert.False(request.Type.FindMember("jobParameters")!.IsRequired);

        var jobParameters = request.Type.FindMember("jobParameters")!;
        Assert.Equal("JobParameters", jobParameters.CSharpName);
        Assert.Equal(CloudTrailMemberType.Object, jobParameters.Kind);
        Assert.Equal("JobParameters", jobParameters.Type.TypeName);
        using var shared = JsonDocument.Parse(File.ReadAllText(TestPaths.SharedSchema));
        var defs = shared.RootElement.GetProperty("$defs");
        Assert.Equal(defs.GetProperty("JobParameters").GetProperty("properties").EnumerateObject().Select(p => p.Name), jobParameters.Type.Members.Select(m => m.JsonName));

        var type = jobParameters.Type.FindMember("type")!;
        Assert.Equal(CloudTrailMemberType.Enum, type.Kind);
        Assert.Equal("JobType", type.Type.TypeName);
        Assert.Equal(defs.GetProperty("JobType").GetProperty("enum").EnumerateArray().Select(v => v.GetString()), type.Type.EnumValues);
        Assert.Contains("archive-retrieval", type.Type.EnumValues);

        var tier = jobParameters.Type.FindMember("tier")!;
        Assert.Equal(new[] { "Expedited", "Standard", "Bulk" }, tier.Type.EnumValues);

        var inventory = jobParameters.Type.FindMember("inventoryRetrievalParameters")!;
        Assert.Equal(CloudTrailMemberType.Object, inventory.Kind);
        Assert.Equal(defs.GetProperty("InventoryRetrievalParameters").GetProperty("properties").EnumerateObject().Select(p => p.Name), inventory.Type.Members.Select(m => m.JsonName));
        Assert.Null(jobParameters.Type.FindMember("priority"));
    }

    [Fact]
    public void SetVaultNotifications_events_are_an_array_of_an_enum()
    {
        var config = Payload("SetVaultNotifications", "requestParameters").Type.FindMember("vaultNotificationConfig")!;
        Assert.Equal(CloudTrailMemberType.Object, config.Kind);
        var events = config.Type.FindMember("events")!;

        Assert.Equal(CloudTrailMemberType.Array, events.Kind);
        Assert.Empty(events.Type.Members);
        var element = Assert.IsType<CloudTrailTypeMetadata>(events.Type.Element);
        Assert.Equal(CloudTrailMemberType.Enum, element.Kind);
        Assert.Equal(new[] { "ArchiveRetrievalCompleted", "InventoryRetrievalCompleted" }, element.EnumValues);
    }

    [Fact]
    public void AddTagsToVault_tags_are_a_map_of_strings()
    {
        var tags = Payload("AddTagsToVault", "requestParameters").Type.FindMember("tags")!;

        Assert.Equal(CloudTrailMemberType.Map, tags.Kind);
        Assert.Equal("Tags", tags.CSharpName);
        Assert.Same(CloudTrailTypeMetadata.String, tags.Type.Element);
        Assert.Empty(tags.Type.Members);
    }

    [Fact]
    public void A_payload_the_schema_does_not_describe_is_raw()
    {
        foreach (var metadata in GlacierTrailEvents.Metadata)
        {
            using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.GlacierSchemas, metadata.EventName + ".schema.json")));
            var declared = schema.RootElement.GetProperty("properties");
            Assert.Equal(new[] { "requestParameters", "responseElements", "additionalEventData" }, metadata.Payloads.Select(p => p.JsonName));
            foreach (var payload in metadata.Payloads)
            {
                bool typed = declared.TryGetProperty(payload.JsonName, out var node) && node.TryGetProperty("properties", out _);
                Assert.True(typed == (payload.Kind == CloudTrailMemberType.Object), $"{metadata.EventName} {payload.JsonName}: {payload.Kind}");
                Assert.True(payload.IsNullable);
                Assert.False(payload.IsRequired);
            }

            Assert.Null(metadata.FindPayload("serviceEventDetails"));
        }
    }

    [Fact]
    public void Every_events_tree_follows_its_schema()
    {
        int checkedMembers = 0;
        foreach (var metadata in GlacierTrailEvents.Metadata)
        {
            string file = Path.Combine(TestPaths.GlacierSchemas, metadata.EventName + ".schema.json");
            using var schema = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var payload in metadata.Payloads.Where(p => p.Kind != CloudTrailMemberType.Raw))
            {
                var (node, at) = Resolve(schema.RootElement.GetProperty("properties").GetProperty(payload.JsonName), file);
                checkedMembers += Compare(payload.Type, node, at, metadata.EventName + " " + payload.JsonName, depth: 0);
            }
        }

        Assert.True(checkedMembers > 100, $"Only {checkedMembers} members were compared.");
    }

    // Compares what the schema states plainly (one type, enum values, properties, required,
    // items); anything else must have come out raw.
    private static int Compare(CloudTrailTypeMetadata type, JsonElement node, string file, string path, int depth)
    {
        Assert.True(depth < 12, path);
        var types = Types(node);
        if (node.TryGetProperty("enum", out var values))
        {
            Assert.True(type.Kind == CloudTrailMemberType.Enum, $"{path}: {type.Kind}");
            Assert.Equal(values.EnumerateArray().Select(v => v.GetString()), type.EnumValues);
            return 1;
        }

        if (types.Count != 1)
        {
            Assert.True(types.Count == 0 || type.Kind == CloudTrailMemberType.Raw, $"{path}: {type.Kind}");
            return 0;
        }

        switch (types[0])
        {
            case "object" when node.TryGetProperty("properties", out var properties):
                Assert.True(type.Kind == CloudTrailMemberType.Object, $"{path}: {type.Kind}");
                var required = node.TryGetProperty("required", out var list) ? list.EnumerateArray().Select(r => r.GetString()).ToHashSet() : new HashSet<string?>();
                Assert.Equal(properties.EnumerateObject().Select(p => p.Name), type.Members.Select(m => m.JsonName));
                int count = 0;
                foreach (var member in type.Members)
                {
                    Assert.True(required.Contains(member.JsonName) == member.IsRequired, $"{path}.{member.JsonName}: required");
                    var (child, at) = Resolve(properties.GetProperty(member.JsonName), file);
                    count += 1 + Compare(member.Type, child, at, path + "." + member.JsonName, depth + 1);
                }

                return count;
            case "object" when node.TryGetProperty("additionalProperties", out var value) && value.ValueKind == JsonValueKind.Object:
                Assert.True(type.Kind == CloudTrailMemberType.Map, $"{path}: {type.Kind}");
                var (valueNode, valueFile) = Resolve(value, file);
                return Compare(type.Element!, valueNode, valueFile, path + ".*", depth + 1);
            case "array" when node.TryGetProperty("items", out var items):
                Assert.True(type.Kind == CloudTrailMemberType.Array, $"{path}: {type.Kind}");
                var (itemNode, itemFile) = Resolve(items, file);
                return Compare(type.Element!, itemNode, itemFile, path + "[]", depth + 1);
            case "string":
                bool dateTime = node.TryGetProperty("format", out var format) && format.GetString() == "date-time";
                Assert.Equal(dateTime ? CloudTrailMemberType.DateTime : CloudTrailMemberType.String, type.Kind);
                return 1;
            case "integer":
                Assert.Equal(CloudTrailMemberType.Integer, type.Kind);
                return 1;
            case "number":
                Assert.Equal(CloudTrailMemberType.Number, type.Kind);
                return 1;
            case "boolean":
                Assert.Equal(CloudTrailMemberType.Boolean, type.Kind);
                return 1;
            default:
                return 0;
        }
    }

    private static List<string> Types(JsonElement node)
    {
        var types = new List<string>();
        if (node.TryGetProperty("type", out var type))
        {
            foreach (var item in type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().ToArray() : new[] { type })
            {
                if (item.GetString() is { } name && name != "null")
                {
                    types.Add(name);
                }
            }
        }
        else if (node.TryGetProperty("properties", out _))
        {
            types.Add("object");
        }

        return types;
    }

    // The built-in schemas refer only to their own $defs and to the shared file's.
    private static (JsonElement Node, string File) Resolve(JsonElement node, string file)
    {
        if (!node.TryGetProperty("$ref", out var reference))
        {
            return (node, file);
        }

        string target = reference.GetString()!;
        int hash = target.IndexOf('#', StringComparison.Ordinal);
        string targetFile = hash == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, target[..hash]));
        string name = target[(hash + "#/$defs/".Length)..];
        var root = JsonDocument.Parse(File.ReadAllText(targetFile)).RootElement;
        return Resolve(root.GetProperty("$defs").GetProperty(name), targetFile);
    }

    private static CloudTrailMemberMetadata Payload(string eventName, string payload) =>
        GlacierTrailEvents.FindMetadata(Glacier, eventName)?.FindPayload(payload) ?? throw new Xunit.Sdk.XunitException($"No {payload} in the metadata of {eventName}.");

    private static byte[] Record(string eventSource, string eventName) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["eventVersion"] = "1.11",
            ["eventTime"] = "2025-01-01T00:00:00Z",
            ["eventSource"] = eventSource,
            ["eventName"] = eventName,
        });
}
