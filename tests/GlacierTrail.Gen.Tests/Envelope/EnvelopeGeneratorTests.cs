using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GlacierTrail.Gen.Emitting;
using GlacierTrail.Gen.Model;
using GlacierTrail.Gen.Parsing;
using GlacierTrail.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GlacierTrail.Gen.Tests.Envelope;

/// <summary>
/// The runtime's envelope, generated from the real record schema's root in the internal
/// <c>GlacierTrailEmitEnvelope</c> mode: the members the schema's annotations give, what users'
/// builds get, and how the step caches. The baselines of its sources are
/// <c>GeneratorSnapshotTests.Record_schema_envelope_generates_its_baseline</c>'s.
/// </summary>
public sealed class EnvelopeGeneratorTests
{
    internal const string RecordSchema = "cloudtrail-record.schema.json";
    private const string RecordPath = TestFiles.VirtualSchemaRoot + RecordSchema;
    internal const string RecordDefinitions = "Definitions.schemas.cloudtrail_record.g.cs";

    internal static readonly string[] EnvelopeSources =
    {
        "CloudTrailColumns.g.cs", "CloudTrailEvent.Envelope.g.cs", "CloudTrailRecordWriter.g.cs", "EnvelopeField.g.cs", "EnvelopeFields.g.cs", "EnvelopeReader.g.cs",
    };

    /// <summary>The options the runtime project sets.</summary>
    internal static readonly IReadOnlyDictionary<string, string> RuntimeOptions = new Dictionary<string, string>
    {
        [GeneratorHarness.NamespaceOption] = "GlacierTrail",
        [GeneratorHarness.EmitDispatcherOption] = "false",
        ["build_property.GlacierTrailEmitEnvelope"] = "true",
    };

    [Fact]
    public void Users_builds_get_no_envelope()
    {
        var run = GeneratorHarness.Run(new[] { TestFiles.RepoSchema(RecordSchema) }, TestFiles.Options(@namespace: "GlacierTrail", emitDispatcher: false));

        run.AssertGeneratorDiagnostics();
        Assert.Equal(new[] { RecordDefinitions }, run.HintNames);
    }

    [Fact]
    public void Annotations_decide_roles_rarity_and_order()
    {
        var text = TestFiles.RepoSchema(RecordSchema).GetText()!.ToString();

        var spec = EnvelopeParser.Parse(RecordPath, text, default)!;

        Assert.Empty(spec.Diagnostics);
        var byName = spec.Members.ToDictionary(m => m.JsonName);

        // eventContext stays in ExtensionData: the schema says so with "extension".
        Assert.DoesNotContain("eventContext", byName.Keys);
        Assert.Equal(EnvelopeMemberKind.Dispatch, byName["eventName"].Kind);
        Assert.Equal(EnvelopeMemberKind.Payload, byName["responseElements"].Kind);
        Assert.Equal(EnvelopeMemberKind.Time, byName["eventTime"].Kind);
        Assert.Equal(EnvelopeMemberKind.OpenEnum, byName["eventType"].Kind);
        Assert.Equal("CloudTrailResource", byName["resources"].TypeName);
        Assert.Equal(EnvelopeMemberKind.ObjectList, byName["resources"].Kind);
        Assert.Equal("RequestId", byName["requestID"].CSharpName);
        Assert.True(byName["apiVersion"].Rare);
        Assert.False(byName["sourceIPAddress"].Rare);

        // Written back in CloudTrail's order, which is the schema's; exported in the order of
        // AWS's table for Athena, which lists resources earlier.
        Assert.Equal(
            new[] { "vpcEndpointAccountId", "managementEvent", "eventCategory" },
            spec.Members.Select(m => m.JsonName).SkipWhile(n => n != "vpcEndpointAccountId").Take(3));
        Assert.Equal("eventType", byName["resources"].ColumnBefore);
        Assert.Equal(
            new[] { "eventID", "resources", "eventType", "apiVersion", "readOnly", "recipientAccountId" },
            EnvelopeColumnsEmitter.Order(spec.Members).Select(m => m.JsonName).SkipWhile(n => n != "eventID").Take(6));
    }

    [Fact]
    public void Parsing_twice_gives_equal_specs_and_whitespace_changes_nothing()
    {
        var text = TestFiles.RepoSchema(RecordSchema).GetText()!.ToString();

        var first = EnvelopeParser.Parse(RecordPath, text, default);
        var again = EnvelopeParser.Parse(RecordPath, text, default);
        var spaced = EnvelopeParser.Parse(RecordPath, text.Replace("\n", "\n  ", StringComparison.Ordinal), default);
        var edited = EnvelopeParser.Parse(RecordPath, text.Replace("\"x-glaciertrail-rare\": true", "\"x-glaciertrail-rare\": false", StringComparison.Ordinal), default);

        Assert.Equal(first, again);
        Assert.Equal(first!.GetHashCode(), again!.GetHashCode());
        Assert.Equal(first, spaced);
        Assert.NotEqual(first, edited);
    }

    [Fact]
    public void Unusable_annotations_are_reported()
    {
        const string Schema = """
            {
              "x-glaciertrail-envelope": true,
              "properties": {
                "eventVersion": { "type": "string", "x-glaciertrail-role": "version" },
                "odd": { "type": "string", "x-glaciertrail-role": "sideways" },
                "region": { "type": "string", "x-glaciertrail-column-before": "nowhere" },
                "count": { "type": "integer" }
              }
            }
            """;

        var spec = EnvelopeParser.Parse(RecordPath, Schema, default)!;

        Assert.Equal(new[] { "eventVersion", "region" }, spec.Members.Select(m => m.JsonName));
        Assert.Null(spec.Members[1].ColumnBefore);
        Assert.Equal(3, spec.Diagnostics.Count);
        Assert.All(spec.Diagnostics, d => Assert.Equal("GTG004", d.Descriptor.Id));
        Assert.Contains("sideways", spec.Diagnostics[0].ToDiagnostic().GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("nowhere", spec.Diagnostics[2].ToDiagnostic().GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_another_schema_reruns_no_envelope_step()
    {
        var record = TestFiles.RepoSchema(RecordSchema);
        var createVault = TestFiles.RepoSchema("glacier/CreateVault.schema.json");
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class Existing { } }");
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new[] { record, createVault }, RuntimeOptions), compilation);
        string edited = createVault.GetText()!.ToString().Replace("\"vaultName\": {", "\"tagCount\": { \"type\": \"integer\" },\n        \"vaultName\": {", StringComparison.Ordinal);

        var second = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(createVault, new InMemoryAdditionalText(createVault.Path, edited)), compilation);

        var outputs = second.Result.TrackedSteps[TrackingNames.Envelope].SelectMany(s => s.Outputs).ToList();
        Assert.Contains(outputs, o => o.Value is EnvelopeSpec);
        Assert.All(outputs, o => Assert.Contains(o.Reason, new[] { IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged }));
        foreach (string hint in EnvelopeSources)
        {
            Assert.Equal(first.Source(hint), second.Source(hint));
        }

        Assert.All(outputs, o => Assert.Empty(StepOutputWalker.FindForbidden(o.Value, TrackingNames.Envelope)));
    }

    [Fact]
    public void Whitespace_only_edit_of_the_record_schema_regenerates_no_envelope()
    {
        var record = TestFiles.RepoSchema(RecordSchema);
        var compilation = GeneratorHarness.CreateCompilation("namespace Consumer { internal static class Existing { } }");
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(new[] { record }, RuntimeOptions), compilation);
        string spaced = record.GetText()!.ToString().Replace("\n", "\n  ", StringComparison.Ordinal);

        var second = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(record, new InMemoryAdditionalText(record.Path, spaced)), compilation);

        var envelope = second.Result.TrackedSteps[TrackingNames.Envelope].SelectMany(s => s.Outputs).Single();
        Assert.Equal(IncrementalStepRunReason.Unchanged, envelope.Reason);
        var rerunOutputs = second.Result.TrackedOutputSteps
            .SelectMany(pair => pair.Value.SelectMany(s => s.Outputs))
            .Where(o => o.Value is EnvelopeOutput && o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Empty(rerunOutputs);
        foreach (string hint in EnvelopeSources)
        {
            Assert.Equal(first.Source(hint), second.Source(hint));
        }
    }
}
