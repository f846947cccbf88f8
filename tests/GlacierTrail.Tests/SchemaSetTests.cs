using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using GlacierTrail.Events;
using NJsonSchema;
using Xunit;

namespace GlacierTrail.Tests;

/// <summary>
/// The schema set is complete (one schema per Glacier API operation, no schema for anything
/// else) and valid: independent validators read the files, and every fixture satisfies its
/// operation's schema and the record schema.
/// </summary>
public sealed class SchemaSetTests
{
    private const string Glacier = "glacier.amazonaws.com";

    public static IEnumerable<object[]> SchemaFiles() =>
        Directory.GetFiles(TestPaths.Schemas, "*.schema.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => new object[] { Path.GetRelativePath(TestPaths.Schemas, f).Replace('\\', '/') });

    [Fact]
    public void The_operations_file_lists_the_33_operations_of_the_api_model()
    {
        var operations = Operations();

        Assert.Equal(33, operations.Count);
        Assert.Equal(operations.Count, operations.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_operation_has_a_schema_and_every_schema_names_an_operation()
    {
        var problems = CompletenessProblems(Operations(), TestPaths.GlacierSchemas);

        Assert.Empty(problems);
    }

    [Fact]
    public void The_completeness_check_reports_a_missing_schema_and_a_schema_for_no_operation()
    {
        string folder = TestLogs.TempFolder();
        try
        {
            foreach (string file in Directory.GetFiles(TestPaths.GlacierSchemas))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            File.Delete(Path.Combine(folder, "DeleteArchive.schema.json"));
            var stray = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "CreateVault.schema.json")))!;
            stray["x-cloudtrail"]!["eventName"] = "CreateVaultV2";
            File.WriteAllText(Path.Combine(folder, "CreateVaultV2.schema.json"), stray.ToJsonString());

            var problems = CompletenessProblems(Operations(), folder);

            Assert.Contains(problems, p => p.Contains("DeleteArchive", StringComparison.Ordinal) && p.Contains("no schema", StringComparison.Ordinal));
            Assert.Contains(problems, p => p.Contains("CreateVaultV2", StringComparison.Ordinal) && p.Contains("not an operation", StringComparison.Ordinal));
            Assert.Equal(2, problems.Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void KnownEvents_has_every_operation_and_nothing_else()
    {
        var known = GlacierTrailEvents.KnownEvents;
        var expected = Operations().Select(op => new CloudTrailEventKey(Glacier, op)).ToHashSet();

        Assert.Equal(33, known.Count);
        Assert.True(expected.SetEquals(known), "missing: " + string.Join(", ", expected.Except(known)) + "; extra: " + string.Join(", ", known.Except(expected)));
    }

    [Fact]
    public void Every_operation_dispatches_to_its_generated_type()
    {
        foreach (string op in Operations())
        {
            var evt = GlacierTrailEvents.CreateEvent(System.Text.Encoding.UTF8.GetBytes(Glacier), System.Text.Encoding.UTF8.GetBytes(op));

            Assert.NotNull(evt);
            Assert.Equal(op + "Event", evt.GetType().Name);
            Assert.Equal("GlacierTrail.Events", evt.GetType().Namespace);
            Assert.Equal(op, evt.EventName);
        }
    }

    [Fact]
    public async Task NJsonSchema_11_does_not_resolve_defs_by_itself()
    {
        // Pins the limitation Draft2020Schemas works around: when this starts to fail,
        // NJsonSchema reads $defs itself and the translation can go.
        string path = Path.Combine(TestPaths.GlacierSchemas, "InitiateJob.schema.json");
        var loading = await Assert.ThrowsAsync<InvalidOperationException>(() => JsonSchema.FromFileAsync(path));
        Assert.Contains("#/$defs/", loading.Message, StringComparison.Ordinal);

        var record = await JsonSchema.FromFileAsync(TestPaths.RecordSchema);
        Assert.Empty(record.Definitions);
        string fixture = await File.ReadAllTextAsync(Path.Combine(TestPaths.Fixtures, "CreateVault.success.json"));
        var validating = Assert.Throws<InvalidOperationException>(() => record.Validate(fixture));
        Assert.Contains("#/$defs/", validating.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public async Task Every_schema_file_loads_in_NJsonSchema_with_every_reference_resolved(string relativePath)
    {
        var schema = await Draft2020Schemas.LoadAsync(Path.Combine(TestPaths.Schemas, relativePath));

        int visited = VisitAll(schema, new HashSet<JsonSchema>());

        Assert.True(visited > 1, $"{relativePath}: {visited} schema nodes");
    }

    [Fact]
    public async Task NJsonSchema_resolves_defs_and_the_reference_into_the_shared_file()
    {
        // InitiateJob's jobParameters is "$ref": "../shared/glacier-types.schema.json#/$defs/JobParameters".
        var schema = await Draft2020Schemas.LoadAsync(Path.Combine(TestPaths.GlacierSchemas, "InitiateJob.schema.json"));
        var jobParameters = schema.Properties["requestParameters"].ActualTypeSchema.Properties["jobParameters"].ActualSchema;

        Assert.Contains("tier", jobParameters.Properties.Keys);
        Assert.Contains("Bulk", jobParameters.Properties["tier"].ActualSchema.Enumeration.Cast<object>().Select(v => v.ToString()));

        var record = await Draft2020Schemas.LoadAsync(TestPaths.RecordSchema);
        Assert.Contains("sessionContext", record.Properties["userIdentity"].ActualTypeSchema.Properties.Keys);
    }

    [Theory]
    [MemberData(nameof(TestPaths.FixtureNames), MemberType = typeof(TestPaths))]
    public async Task Every_fixture_validates_against_its_operation_schema_and_the_record_schema(string fixture)
    {
        string json = await File.ReadAllTextAsync(Path.Combine(TestPaths.Fixtures, fixture));
        string op = fixture[..fixture.IndexOf('.', StringComparison.Ordinal)];
        var operationSchema = await Draft2020Schemas.LoadAsync(Path.Combine(TestPaths.GlacierSchemas, op + ".schema.json"));
        var recordSchema = await Draft2020Schemas.LoadAsync(TestPaths.RecordSchema);

        var operationErrors = operationSchema.Validate(json);
        var recordErrors = recordSchema.Validate(json);

        Assert.True(operationErrors.Count == 0, $"{op}.schema.json: " + string.Join("; ", operationErrors.Select(e => e.ToString())));
        Assert.True(recordErrors.Count == 0, "cloudtrail-record.schema.json: " + string.Join("; ", recordErrors.Select(e => e.ToString())));
    }

    [Fact]
    public async Task A_broken_fixture_is_rejected_by_its_operation_schema()
    {
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.Fixtures, "CreateVault.success.json")))!;
        record["requestParameters"]!["vaultName"] = 5;
        var schema = await Draft2020Schemas.LoadAsync(Path.Combine(TestPaths.GlacierSchemas, "CreateVault.schema.json"));

        var errors = schema.Validate(record.ToJsonString());

        Assert.NotEmpty(errors);
        Assert.Contains(errors, e => e.ToString().Contains("vaultName", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_broken_nested_value_is_rejected_through_the_shared_reference()
    {
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.Fixtures, "InitiateJob.success.json")))!;
        record["requestParameters"]!["jobParameters"]!["tier"] = 3;
        var schema = await Draft2020Schemas.LoadAsync(Path.Combine(TestPaths.GlacierSchemas, "InitiateJob.schema.json"));

        var errors = schema.Validate(record.ToJsonString());

        Assert.NotEmpty(errors);
    }

    [Fact]
    public async Task A_broken_envelope_is_rejected_by_the_record_schema()
    {
        var record = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(TestPaths.Fixtures, "CreateVault.success.json")))!.AsObject();
        record.Remove("eventTime");
        record["userIdentity"]!["arn"] = 42;
        var schema = await Draft2020Schemas.LoadAsync(TestPaths.RecordSchema);

        var errors = schema.Validate(record.ToJsonString());

        Assert.Contains(errors, e => e.ToString().Contains("eventTime", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.ToString().Contains("arn", StringComparison.Ordinal));
    }

    /// <summary>Walks every subschema, following references (ActualSchema throws on an unresolved one).</summary>
    private static int VisitAll(JsonSchema schema, HashSet<JsonSchema> seen)
    {
        var actual = schema.ActualSchema;
        if (!seen.Add(actual))
        {
            return 0;
        }

        int count = 1;
        var children = actual.Properties.Values.Cast<JsonSchema>()
            .Concat(actual.Definitions.Values)
            .Concat(actual.AdditionalPropertiesSchema is { } additional ? [additional] : [])
            .Concat(actual.Item is { } item ? [item] : [])
            .Concat(actual.Items)
            .Concat(actual.OneOf).Concat(actual.AnyOf).Concat(actual.AllOf);
        foreach (var child in children)
        {
            count += VisitAll(child, seen);
        }

        return count;
    }

    internal static List<string> Operations()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(TestPaths.OperationsFile));
        return doc.RootElement.GetProperty("operations").EnumerateArray().Select(op => op.GetProperty("name").GetString()!).ToList();
    }

    /// <summary>What is wrong between the operations and a folder of operation schemas.</summary>
    private static List<string> CompletenessProblems(IReadOnlyCollection<string> operations, string schemaFolder)
    {
        var problems = new List<string>();
        foreach (string op in operations)
        {
            if (!File.Exists(Path.Combine(schemaFolder, op + ".schema.json")))
            {
                problems.Add($"operation {op} has no schema {op}.schema.json");
            }
        }

        foreach (string file in Directory.GetFiles(schemaFolder, "*.schema.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            string name = Path.GetFileName(file);
            if (!doc.RootElement.TryGetProperty("x-cloudtrail", out var key)
                || !key.TryGetProperty("eventSource", out var source) || !key.TryGetProperty("eventName", out var eventName))
            {
                problems.Add($"{name} has no x-cloudtrail eventSource and eventName");
                continue;
            }

            if (source.GetString() != Glacier)
            {
                continue;
            }

            string? op = eventName.GetString();
            if (op is null || !operations.Contains(op))
            {
                problems.Add($"{name}: x-cloudtrail eventName {op} is not an operation of the API model");
            }
            else if (name != op + ".schema.json")
            {
                problems.Add($"{name}: x-cloudtrail eventName {op} does not match the file name");
            }
        }

        return problems;
    }
}
