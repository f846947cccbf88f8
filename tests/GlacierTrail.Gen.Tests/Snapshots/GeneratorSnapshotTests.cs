using System.Linq;
using GlacierTrail.Gen.Tests.Infrastructure;
using Xunit;

namespace GlacierTrail.Gen.Tests.Snapshots;

/// <summary>
/// Baselines of generated code for representative schemas: one checked-in file per generated
/// source, compared after newline normalisation, so every change to generated code is a
/// reviewed diff. Each run also checks that the generator reported nothing, that the output
/// compiles with nothing above Info, and that it produced exactly the expected files.
/// </summary>
public sealed class GeneratorSnapshotTests
{
    private const string Dispatcher = "GlacierTrailEvents.g.cs";
    private const string Metadata = "GlacierTrailEvents.Metadata.g.cs";
    private const string SharedDefinitions = "Definitions.shared.glacier_types.g.cs";

    [Fact]
    public void CreateVault_schema_generates_its_baseline()
    {
        var run = GeneratorHarness.Run(new[] { TestFiles.RepoSchema("glacier/CreateVault.schema.json") });

        AssertCleanRun(run, "CreateVaultEvent.g.cs", Dispatcher);
        SnapshotVerifier.Verify(run, new[] { "CreateVaultEvent.g.cs" });
    }

    [Fact]
    public void InitiateJob_schema_generates_its_baseline()
    {
        var run = GeneratorHarness.Run(new[] { TestFiles.RepoSchema("glacier/InitiateJob.schema.json"), TestFiles.SharedTypes });

        AssertCleanRun(run, "InitiateJobEvent.g.cs", SharedDefinitions, Dispatcher);
        SnapshotVerifier.Verify(run, new[] { "InitiateJobEvent.g.cs" });
    }

    [Fact]
    public void SetVaultNotifications_schema_generates_its_baseline()
    {
        var run = GeneratorHarness.Run(new[] { TestFiles.RepoSchema("glacier/SetVaultNotifications.schema.json"), TestFiles.SharedTypes });

        AssertCleanRun(run, "SetVaultNotificationsEvent.g.cs", SharedDefinitions, Dispatcher);
        SnapshotVerifier.Verify(run, new[] { "SetVaultNotificationsEvent.g.cs" });
    }

    [Fact]
    public void Shared_definitions_file_generates_its_baseline()
    {
        var run = GeneratorHarness.Run(new[] { TestFiles.SharedTypes });

        AssertCleanRun(run, SharedDefinitions, Dispatcher);
        SnapshotVerifier.Verify(run, new[] { SharedDefinitions });
    }

    [Fact]
    public void Dispatcher_for_glacier_events_matches_its_baseline()
    {
        var run = GeneratorHarness.Run(new[]
        {
            TestFiles.RepoSchema("glacier/CreateVault.schema.json"),
            TestFiles.RepoSchema("glacier/InitiateJob.schema.json"),
            TestFiles.RepoSchema("glacier/SetVaultNotifications.schema.json"),
            TestFiles.SharedTypes,
        });

        AssertCleanRun(run, "CreateVaultEvent.g.cs", "InitiateJobEvent.g.cs", "SetVaultNotificationsEvent.g.cs", SharedDefinitions, Dispatcher);
        SnapshotVerifier.Verify(run, new[] { Dispatcher });
    }

    [Fact]
    public void Metadata_of_glacier_events_and_every_type_generates_its_baseline()
    {
        var run = GeneratorHarness.Run(new[]
        {
            TestFiles.RepoSchema("glacier/CreateVault.schema.json"),
            TestFiles.RepoSchema("glacier/InitiateJob.schema.json"),
            TestFiles.RepoSchema("glacier/SetVaultNotifications.schema.json"),
            TestFiles.SharedTypes,
            TestFiles.TestSchema("TypeTable.schema.json"),
        });

        AssertCleanRun(run, "CreateVaultEvent.g.cs", "InitiateJobEvent.g.cs", "SetVaultNotificationsEvent.g.cs", "TypeTableEvent.g.cs", SharedDefinitions, Dispatcher);
        SnapshotVerifier.Verify(run, new[] { Metadata });
    }

    [Fact]
    public void Type_table_schema_generates_its_baseline()
    {
        var run = GeneratorHarness.Run(new[] { TestFiles.TestSchema("TypeTable.schema.json") });

        AssertCleanRun(run, "TypeTableEvent.g.cs", Dispatcher);
        SnapshotVerifier.Verify(run, new[] { "TypeTableEvent.g.cs" });
    }

    [Fact]
    public void Custom_namespace_is_the_dispatchers_namespace()
    {
        var run = GeneratorHarness.Run(
            new[] { TestFiles.RepoSchema("glacier/CreateVault.schema.json") },
            TestFiles.Options(@namespace: "Contoso.Audit.Glacier"));

        AssertCleanRun(run, "CreateVaultEvent.g.cs", Dispatcher);
        SnapshotVerifier.Verify(run, new[] { Dispatcher });
    }

    [Fact]
    public void Record_schema_envelope_generates_its_baseline()
    {
        // The runtime's own mode: its output completes internal partial types of the runtime, so
        // the runtime's build compiles it; here each source must parse.
        var run = GeneratorHarness.Run(new[] { TestFiles.RepoSchema(Envelope.EnvelopeGeneratorTests.RecordSchema) }, Envelope.EnvelopeGeneratorTests.RuntimeOptions);

        run.AssertGeneratorDiagnostics();
        Assert.Equal(Envelope.EnvelopeGeneratorTests.EnvelopeSources.Append(Envelope.EnvelopeGeneratorTests.RecordDefinitions).OrderBy(n => n, System.StringComparer.Ordinal), run.HintNames);
        Assert.All(run.Result.GeneratedSources, source => Assert.Empty(source.SyntaxTree.GetDiagnostics()));
        SnapshotVerifier.Verify(run, Envelope.EnvelopeGeneratorTests.EnvelopeSources);
    }

    private static void AssertCleanRun(GeneratorRun run, params string[] expectedHintNames)
    {
        run.AssertGeneratorDiagnostics();
        run.AssertCompilationClean();

        // The member metadata is a part of the dispatcher class, emitted with it.
        if (expectedHintNames.Contains(Dispatcher))
        {
            expectedHintNames = expectedHintNames.Append(Metadata).ToArray();
        }

        Assert.Equal(expectedHintNames.OrderBy(n => n, System.StringComparer.Ordinal), run.HintNames);
    }
}
