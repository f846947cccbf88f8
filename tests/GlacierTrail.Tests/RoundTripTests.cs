using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using CsCheck;
using GlacierTrail.Events;
using GlacierTrail.Testing;
using Xunit;

namespace GlacierTrail.Tests;

/// <summary>Nothing is lost: every record read and written back is JSON-equal to the input.</summary>
public sealed class RoundTripTests
{
    public static IEnumerable<object[]> TestDataFiles() =>
        Directory.GetFiles(TestPaths.TestData, "*.json").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(TestPaths.FixtureNames), MemberType = typeof(TestPaths))]
    public void Every_fixture_writes_back_json_equal(string fixture)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(TestPaths.Fixtures, fixture));

        var evt = GlacierTrailEvents.ParseRecord(input);

        Assert.IsNotType<UnknownCloudTrailEvent>(evt);
        JsonAssert.Equal(Encoding.UTF8.GetString(input), evt.ToJson());
    }

    [Theory]
    [MemberData(nameof(TestDataFiles))]
    public async Task Every_test_data_record_writes_back_json_equal(string file)
    {
        byte[] input = await File.ReadAllBytesAsync(Path.Combine(TestPaths.TestData, file));
        var records = TestLogs.RecordsIn(input);

        var events = await TestLogs.ReadAllAsync(input);

        Assert.NotEmpty(records);
        Assert.Equal(records.Count, events.Count);
        for (int i = 0; i < records.Count; i++)
        {
            JsonAssert.Equal(records[i], TestLogs.Element(events[i].ToJson()));
        }
    }

    [Fact]
    public void The_deep_equality_helper_tells_differences_apart()
    {
        Assert.True(JsonAssert.AreEqual(TestLogs.Element("{\"a\":1,\"b\":[1,2]}"), TestLogs.Element("{\"b\":[1,2.0],\"a\":1e0}")));
        Assert.True(JsonAssert.AreEqual(TestLogs.Element("\"\\u00e9\""), TestLogs.Element("\"é\"")));
        Assert.True(JsonAssert.AreEqual(TestLogs.Element("1e400"), TestLogs.Element("10e399")));
        Assert.False(JsonAssert.AreEqual(TestLogs.Element("{\"a\":1}"), TestLogs.Element("{\"a\":1,\"b\":null}")));
        Assert.False(JsonAssert.AreEqual(TestLogs.Element("{\"a\":null}"), TestLogs.Element("{}")));
        Assert.False(JsonAssert.AreEqual(TestLogs.Element("[1,2]"), TestLogs.Element("[2,1]")));
        Assert.False(JsonAssert.AreEqual(TestLogs.Element("\"1\""), TestLogs.Element("1")));
        Assert.False(JsonAssert.AreEqual(TestLogs.Element("\"a\""), TestLogs.Element("\"A\"")));
        Assert.False(JsonAssert.AreEqual(TestLogs.Element("0.1"), TestLogs.Element("0.10000000000000001")));
        Assert.False(JsonAssert.AreEqual(TestLogs.Element("1e400"), TestLogs.Element("1e401")));
        Assert.False(JsonAssert.AreEqual(TestLogs.Element("{\"a\":{\"b\":true}}"), TestLogs.Element("{\"a\":{\"b\":false}}")));
    }

    [Fact]
    public void Generated_records_with_extra_fields_at_every_level_write_back_json_equal()
    {
        RecordGen.Record.Sample(
            json =>
            {
                var evt = GlacierTrailEvents.ParseRecord(Encoding.UTF8.GetBytes(json));
                Assert.IsType<InitiateJobEvent>(evt);
                JsonAssert.Equal(json, evt.ToJson());
            },
            iter: 300);
    }

    /// <summary>
    /// InitiateJob records: a valid envelope and payload, plus random members at every level
    /// (top, userIdentity, sessionContext and its attributes, requestParameters, jobParameters and
    /// its output location, responseElements, tlsDetails) with random JSON values: nulls,
    /// numbers, Unicode strings, nested objects and arrays.
    /// </summary>
    private static class RecordGen
    {
        private static readonly HashSet<string> KnownNames = SchemaPropertyNames();

        private static readonly Gen<string> Piece = Gen.Frequency(
            (6, Gen.Char['a', 'z'].Select(c => c.ToString())),
            (2, Gen.Char['\u00A0', '\uD7FF'].Select(c => c.ToString())),
            (3, Gen.OneOf("\"", "\\", "/", "\n", "\t", "\u0000", "\u001F", "\u2028", "<>&'+", "é", "日本", "🧊", "😀", " ", "-", ":", "eventName", "\uFEFF")));

        private static readonly Gen<string> Text = Piece.Array[0, 6].Select(string.Concat);

        private static readonly Gen<string> Name = Text.Where(n => !KnownNames.Contains(n));

        private static readonly Gen<JsonNode?> Scalar = Gen.Frequency(
            (1, Gen.Const<JsonNode?>(() => null)),
            (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
            (2, Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l))),
            (1, Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)JsonValue.Create(d))),
            (1, Gen.Int[-1000, 1000].Select(i => (JsonNode?)JsonValue.Create(i / 8m))),
            (3, Text.Select(s => (JsonNode?)JsonValue.Create(s))));

        private static readonly Gen<JsonNode?> Value = Gen.Recursive<JsonNode?>((depth, value) => depth >= 3
            ? Scalar
            : Gen.Frequency(
                (6, Scalar),
                (1, Gen.Select(Name, value).Array[0, 4].Select(members => (JsonNode?)ObjectOf(members))),
                (1, value.Array[0, 4].Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray())))));

        private static readonly Gen<(string, JsonNode?)[]> Extras = Gen.Select(Name, Value).Array[0, 3];

        public static readonly Gen<string> Record = Gen.Select(Extras.Array[9], Text.Where(t => t.Length > 0), Gen.Int[0, 7], Build);

        private static string Build((string, JsonNode?)[][] extras, string vaultName, int variant)
        {
            var tls = new JsonObject
            {
                ["tlsVersion"] = "TLSv1.3",
                ["cipherSuite"] = "TLS_AES_128_GCM_SHA256",
                ["clientProvidedHostHeader"] = "glacier.eu-central-1.amazonaws.com",
            };
            var attributes = new JsonObject { ["creationDate"] = "2025-04-24T18:25:39Z", ["mfaAuthenticated"] = "false" };
            var sessionContext = new JsonObject
            {
                ["sessionIssuer"] = new JsonObject { ["type"] = "Role", ["arn"] = "arn:aws:iam::123456789012:role/R", ["accountId"] = "123456789012" },
                ["webIdFederationData"] = new JsonObject(),
                ["attributes"] = attributes,
            };
            var identity = new JsonObject
            {
                ["type"] = "AssumedRole",
                ["principalId"] = "AROAEXAMPLE:" + vaultName,
                ["arn"] = "arn:aws:sts::123456789012:assumed-role/R/" + vaultName,
                ["accountId"] = "123456789012",
                ["sessionContext"] = sessionContext,
            };
            var s3 = new JsonObject { ["bucketName"] = "b", ["tagging"] = new JsonObject { [vaultName] = vaultName } };
            var jobParameters = new JsonObject
            {
                ["type"] = (variant & 1) == 0 ? "archive-retrieval" : "some-future-type",
                ["archiveId"] = "a-" + vaultName,
                ["tier"] = (variant & 2) == 0 ? "Bulk" : null,
                ["outputLocation"] = new JsonObject { ["s3"] = s3 },
            };
            var requestParameters = new JsonObject { ["accountId"] = "-", ["vaultName"] = vaultName, ["jobParameters"] = jobParameters };
            var responseElements = new JsonObject { ["location"] = "/123456789012/vaults/v/jobs/j", ["jobId"] = "j", ["jobOutputPath"] = null };
            var record = new JsonObject
            {
                ["eventVersion"] = "1.08",
                ["userIdentity"] = identity,
                ["eventTime"] = "2025-04-24T18:31:38Z",
                ["eventSource"] = "glacier.amazonaws.com",
                ["eventName"] = "InitiateJob",
                ["awsRegion"] = "eu-central-1",
                ["sourceIPAddress"] = "203.0.113.9",
                ["userAgent"] = "agent " + vaultName,
                ["requestParameters"] = requestParameters,
                ["responseElements"] = responseElements,
                ["requestID"] = "r",
                ["eventID"] = "e",
                ["readOnly"] = false,
                ["eventType"] = "AwsApiCall",
                ["managementEvent"] = true,
                ["recipientAccountId"] = "123456789012",
                ["eventCategory"] = "Management",
                ["tlsDetails"] = tls,
            };

            JsonObject[] levels = [record, identity, sessionContext, attributes, requestParameters, jobParameters, s3, responseElements, tls];
            for (int i = 0; i < levels.Length; i++)
            {
                foreach (var (name, value) in extras[i])
                {
                    if (!levels[i].ContainsKey(name))
                    {
                        levels[i][name] = value?.DeepClone();
                    }
                }
            }

            if ((variant & 4) != 0)
            {
                // eventName after the payloads.
                record = ObjectOf(record.Reverse().Select(p => (p.Key, p.Value)).ToArray());
            }

            var options = new JsonSerializerOptions { Encoder = (variant & 1) == 0 ? JavaScriptEncoder.UnsafeRelaxedJsonEscaping : JavaScriptEncoder.Default };
            return record.ToJsonString(options);
        }

        private static JsonObject ObjectOf(IEnumerable<(string Name, JsonNode? Value)> members)
        {
            var obj = new JsonObject();
            foreach (var (name, value) in members)
            {
                if (!obj.ContainsKey(name))
                {
                    obj[name] = value?.DeepClone();
                }
            }

            return obj;
        }

        /// <summary>Every property name any schema declares, so random members never hit a typed one.</summary>
        private static HashSet<string> SchemaPropertyNames()
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (string file in Directory.GetFiles(TestPaths.Schemas, "*.schema.json", SearchOption.AllDirectories))
            {
                Collect(JsonNode.Parse(File.ReadAllText(file)), names);
            }

            return names;

            static void Collect(JsonNode? node, HashSet<string> names)
            {
                if (node is JsonObject obj)
                {
                    foreach (var (key, value) in obj)
                    {
                        if (key == "properties" && value is JsonObject properties)
                        {
                            names.UnionWith(properties.Select(p => p.Key));
                        }

                        Collect(value, names);
                    }
                }
                else if (node is JsonArray array)
                {
                    foreach (var item in array)
                    {
                        Collect(item, names);
                    }
                }
            }
        }
    }
}
