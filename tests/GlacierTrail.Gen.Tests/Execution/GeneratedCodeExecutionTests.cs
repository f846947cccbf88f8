using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GlacierTrail.Gen.Tests.Infrastructure;
using Xunit;

namespace GlacierTrail.Gen.Tests.Execution;

/// <summary>
/// The generated code compiled to memory, loaded, and called on real record bytes through the
/// generated dispatcher: what the snapshots show must also read real records correctly.
/// </summary>
public sealed class GeneratedCodeExecutionTests : IClassFixture<GeneratedCodeExecutionTests.GlacierSample>
{
    private const string CreateVaultRecord = """{"awsRegion":"us-east-1","eventID":"52f8c821-002e-4549-857f-8193a15246fa","eventName":"CreateVault","eventSource":"glacier.amazonaws.com","eventTime":"2014-12-10T19:05:15Z","eventType":"AwsApiCall","eventVersion":"1.02","recipientAccountId":"999999999999","requestID":"HJiLgvfXCY88QJAC6rRoexS9ThvI21Q1Nqukfly02hcUPPo","requestParameters":{"accountId":"-","vaultName":"myVaultName"},"responseElements":{"location":"/999999999999/vaults/myVaultName"},"sourceIPAddress":"127.0.0.1","userAgent":"aws-sdk-java/1.9.6 Mac_OS_X/10.9.5 Java_HotSpot(TM)_64-Bit_Server_VM/25.25-b02/1.8.0_25","userIdentity":{"accessKeyId":"AKIAIOSFODNN7EXAMPLE","accountId":"999999999999","arn":"arn:aws:iam::999999999999:user/myUserName","principalId":"A1B2C3D4E5F6G7EXAMPLE","type":"IAMUser","userName":"myUserName"}}""";

    /// <summary>The tiny program: typed entry points over the generated dispatcher, callable by reflection with plain arguments.</summary>
    private const string Program = """
        namespace Probe
        {
            /// <summary>Calls the generated dispatcher.</summary>
            public static class Entry
            {
                /// <summary>Parses one record.</summary>
                public static global::GlacierTrail.CloudTrailEvent Parse(byte[] utf8) => global::GlacierTrail.Events.GlacierTrailEvents.ParseRecord(utf8);

                /// <summary>Parses one record in strict mode.</summary>
                public static global::GlacierTrail.CloudTrailEvent ParseStrict(byte[] utf8) =>
                    global::GlacierTrail.Events.GlacierTrailEvents.ParseRecord(utf8, new global::GlacierTrail.CloudTrailReaderOptions { Strict = true });

                /// <summary>The dispatcher's known events.</summary>
                public static global::System.Collections.Generic.IReadOnlyList<global::GlacierTrail.CloudTrailEventKey> Known() => global::GlacierTrail.Events.GlacierTrailEvents.KnownEvents;
            }
        }
        """;

    private readonly GlacierSample _sample;

    public GeneratedCodeExecutionTests(GlacierSample sample) => _sample = sample;

    [Fact]
    public void Parsing_a_record_returns_a_typed_CreateVaultEvent()
    {
        var assembly = _sample.Assembly;

        var evt = Parse(assembly, CreateVaultRecord);

        Assert.Equal("GlacierTrail.Events.CreateVaultEvent", evt.GetType().FullName);
        Assert.Same(assembly.Assembly, evt.GetType().Assembly);
        Assert.Equal("myVaultName", ReflectionValues.Path(evt, "RequestParameters.VaultName"));
        Assert.Equal("-", ReflectionValues.Path(evt, "RequestParameters.AccountId"));
        Assert.Equal("/999999999999/vaults/myVaultName", ReflectionValues.Path(evt, "ResponseElements.Location"));

        // The envelope is the runtime's, typed without reflection.
        Assert.Equal("CreateVault", evt.EventName);
        Assert.Equal("glacier.amazonaws.com", evt.EventSource);
        Assert.Equal(new DateTimeOffset(2014, 12, 10, 19, 5, 15, TimeSpan.Zero), evt.EventTime);
        Assert.Equal("myUserName", evt.UserIdentity?.UserName);
        Assert.Equal("999999999999", evt.RecipientAccountId);
    }

    [Fact]
    public void KnownEvents_lists_every_generated_event()
    {
        var assembly = _sample.Assembly;

        var known = (IReadOnlyList<CloudTrailEventKey>)assembly.InvokeStatic("Probe.Entry", "Known")!;

        Assert.Equal(
            new[]
            {
                new CloudTrailEventKey("glacier.amazonaws.com", "CreateVault"),
                new CloudTrailEventKey("glacier.amazonaws.com", "InitiateJob"),
                new CloudTrailEventKey("glacier.amazonaws.com", "SetVaultNotifications"),
            },
            known.OrderBy(k => k.EventName, StringComparer.Ordinal));
    }

    [Fact]
    public void An_unknown_eventName_gives_an_UnknownCloudTrailEvent()
    {
        var assembly = _sample.Assembly;
        string record = CreateVaultRecord.Replace("\"eventName\":\"CreateVault\"", "\"eventName\":\"CreateVaultV2\"", StringComparison.Ordinal);

        var evt = Parse(assembly, record);

        var unknown = Assert.IsType<UnknownCloudTrailEvent>(evt);
        Assert.Equal("CreateVaultV2", unknown.EventName);
        Assert.NotNull(unknown.RequestParameters);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"accountId":"-","vaultName":"myVaultName"}"""),
            JsonNode.Parse(unknown.RequestParameters.Value.ToString())));
    }

    [Fact]
    public void An_unknown_eventSource_gives_an_UnknownCloudTrailEvent()
    {
        var assembly = _sample.Assembly;
        string record = CreateVaultRecord.Replace("glacier.amazonaws.com", "s3.amazonaws.com", StringComparison.Ordinal);

        Assert.IsType<UnknownCloudTrailEvent>(Parse(assembly, record));
    }

    [Fact]
    public void InitiateJob_fixture_reads_shared_definitions_and_enums()
    {
        var assembly = _sample.Assembly;
        string record = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "tests", "fixtures", "glacier", "InitiateJob.success.json"));

        var evt = Parse(assembly, record);

        Assert.Equal("GlacierTrail.Events.InitiateJobEvent", evt.GetType().FullName);
        var jobParameters = ReflectionValues.Path(evt, "RequestParameters.JobParameters");
        Assert.Equal("archive-retrieval", ReflectionValues.Path(jobParameters, "Type.Value"));
        Assert.Equal(true, ReflectionValues.Path(jobParameters, "Type.IsKnown"));
        Assert.Equal("Bulk", ReflectionValues.Path(jobParameters, "Tier.Value"));
        Assert.Equal("0-1073741823", ReflectionValues.Get(jobParameters, "RetrievalByteRange"));
        Assert.Null(ReflectionValues.Path(evt, "ResponseElements.JobOutputPath"));
        AssertWritesBackEqual(evt, record);
    }

    [Fact]
    public void Type_table_record_reads_every_type_and_writes_back_equal()
    {
        const string record = """
            {
              "eventVersion": "1.10",
              "eventTime": "2025-01-02T03:04:05Z",
              "eventSource": "typetable.example.com",
              "eventName": "TypeTable",
              "requestParameters": {
                "plainString": "text",
                "timestamp": "2024-02-29T23:59:59Z",
                "count": 9007199254740993,
                "ratio": 0.25,
                "enabled": true,
                "names": ["a", "b"],
                "entries": [{ "id": "e1", "size": 3 }, { "id": "e2" }],
                "labels": { "k": "v" },
                "limits": { "daily": { "max": 10 } },
                "tier": "Glacial",
                "maybeName": null,
                "requiredCount": 7,
                "nested": { "inner": { "depth": 2 } },
                "tag": { "key": "owner", "value": "audit" },
                "hostile": "<>&",
                "x-amz-request-id": "REQ1",
                "unexpected": { "kept": [1, 2] }
              },
              "responseElements": null
            }
            """;
        using var assembly = InMemoryAssembly.Load(Compile(TestFiles.TestSchema("TypeTable.schema.json")));

        var evt = Parse(assembly, record);
        var request = ReflectionValues.Get(evt, "RequestParameters");

        Assert.Equal("text", ReflectionValues.Get(request, "PlainString"));
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.Zero), ReflectionValues.Get(request, "Timestamp"));
        Assert.Equal(9007199254740993L, ReflectionValues.Get(request, "Count"));
        Assert.Equal(0.25, ReflectionValues.Get(request, "Ratio"));
        Assert.Equal(true, ReflectionValues.Get(request, "Enabled"));
        Assert.Equal(new[] { "a", "b" }, (IEnumerable<string>)ReflectionValues.Get(request, "Names")!);
        var entries = ((System.Collections.IEnumerable)ReflectionValues.Get(request, "Entries")!).Cast<object>().ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal("e1", ReflectionValues.Get(entries[0], "Id"));
        Assert.Equal(3L, ReflectionValues.Get(entries[0], "Size"));
        Assert.Null(ReflectionValues.Get(entries[1], "Size"));
        Assert.Equal("v", ((IReadOnlyDictionary<string, string>)ReflectionValues.Get(request, "Labels")!)["k"]);
        var limits = (System.Collections.IDictionary)ToDictionary(ReflectionValues.Get(request, "Limits")!);
        Assert.Equal(10L, ReflectionValues.Get(limits["daily"], "Max"));
        Assert.Equal("Glacial", ReflectionValues.Path(request, "Tier.Value"));
        Assert.Equal(false, ReflectionValues.Path(request, "Tier.IsKnown"));
        Assert.Null(ReflectionValues.Get(request, "MaybeName"));
        Assert.Null(ReflectionValues.Get(request, "OptionalCount"));
        Assert.Equal(7L, ReflectionValues.Get(request, "RequiredCount"));
        Assert.Equal(2L, ReflectionValues.Path(request, "Nested.Inner.Depth"));
        Assert.Equal("owner", ReflectionValues.Path(request, "Tag.Key"));
        Assert.Equal("<>&", ReflectionValues.Get(request, "Hostile"));
        Assert.Equal("REQ1", ReflectionValues.Get(request, "AmzRequestId"));
        var extension = (IReadOnlyList<RawJsonProperty>)ReflectionValues.Get(request, "ExtensionData")!;
        Assert.Contains(extension, p => p.Name == "unexpected");
        AssertWritesBackEqual(evt, record);
    }

    [Fact]
    public void Missing_required_member_is_a_problem_and_fails_the_record_only_in_strict_mode()
    {
        using var assembly = InMemoryAssembly.Load(Compile(TestFiles.TestSchema("TypeTable.schema.json")));
        const string record = """{"eventTime":"2025-01-02T03:04:05Z","eventSource":"typetable.example.com","eventName":"TypeTable","requestParameters":{"requiredCount":1,"maybeName":null}}""";

        var error = Assert.Throws<System.Reflection.TargetInvocationException>(() =>
            assembly.InvokeStatic("Probe.Entry", "ParseStrict", Encoding.UTF8.GetBytes(record)));
        var readError = Assert.IsType<CloudTrailReadException>(error.InnerException);
        Assert.Contains("plainString", readError.Message, StringComparison.Ordinal);

        var evt = Parse(assembly, record);
        Assert.Null(ReflectionValues.Path(evt, "RequestParameters.PlainString"));
        var problem = Assert.Single(evt.Problems);
        Assert.Equal(("requestParameters.plainString", CloudTrailProblemKind.MissingMember), (problem.Path, problem.Kind));
        Assert.Null(problem.RawValue);
    }

    /// <summary>The Glacier sample (three events and the shared definitions), compiled and loaded once for the class.</summary>
    public sealed class GlacierSample : IDisposable
    {
        internal InMemoryAssembly Assembly { get; } = InMemoryAssembly.Load(Compile(
            TestFiles.RepoSchema("glacier/CreateVault.schema.json"),
            TestFiles.RepoSchema("glacier/InitiateJob.schema.json"),
            TestFiles.RepoSchema("glacier/SetVaultNotifications.schema.json"),
            TestFiles.SharedTypes));

        public void Dispose() => Assembly.Dispose();
    }

    private static Microsoft.CodeAnalysis.Compilation Compile(params InMemoryAdditionalText[] schemas)
    {
        var run = GeneratorHarness.Run(schemas, null, Program);
        run.AssertGeneratorDiagnostics();
        run.AssertCompilationClean();
        return run.OutputCompilation;
    }

    private static CloudTrailEvent Parse(InMemoryAssembly assembly, string record) =>
        (CloudTrailEvent)assembly.InvokeStatic("Probe.Entry", "Parse", Encoding.UTF8.GetBytes(record))!;

    private static System.Collections.IDictionary ToDictionary(object readOnlyDictionary)
    {
        var result = new System.Collections.Hashtable();
        foreach (object pair in (System.Collections.IEnumerable)readOnlyDictionary)
        {
            result[ReflectionValues.Get(pair, "Key")!] = ReflectionValues.Get(pair, "Value");
        }

        return result;
    }

    private static void AssertWritesBackEqual(CloudTrailEvent evt, string record)
    {
        string written = evt.ToJson();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(record), JsonNode.Parse(written)), $"Written back:\n{written}\nRead:\n{record}");
    }
}
