using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Xunit;

namespace GlacierTrail.Gen.Tests.Infrastructure;

/// <summary>The harness's own checks must be able to fail, or the tests built on them prove nothing.</summary>
public sealed class HarnessSelfTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "glaciertrail-harness-" + Guid.NewGuid().ToString("N"));

    public HarnessSelfTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public void Snapshot_mismatch_writes_received_and_shows_an_inline_diff()
    {
        string verified = Path.Combine(_directory, "T.M#X.g.verified.cs");
        string received = Path.Combine(_directory, "T.M#X.g.received.cs");
        File.WriteAllText(verified, "line one\r\nline two\r\nline three\r\n");

        string? failure = SnapshotVerifier.Compare("line one\nline 2\nline three\n", verified, received, accept: false);

        Assert.NotNull(failure);
        Assert.Contains("- line two", failure, StringComparison.Ordinal);
        Assert.Contains("+ line 2", failure, StringComparison.Ordinal);
        Assert.Equal("line one\nline 2\nline three\n", File.ReadAllText(received));
    }

    [Fact]
    public void Snapshot_match_after_newline_normalisation_passes_and_removes_received()
    {
        string verified = Path.Combine(_directory, "T.M#X.g.verified.cs");
        string received = Path.Combine(_directory, "T.M#X.g.received.cs");
        File.WriteAllText(verified, "a\r\nb\r\n");
        File.WriteAllText(received, "stale");

        Assert.Null(SnapshotVerifier.Compare(SnapshotVerifier.Normalize("a\r\nb\n"), verified, received, accept: false));
        Assert.False(File.Exists(received));
    }

    [Fact]
    public void Missing_snapshot_fails_unless_accepting()
    {
        string verified = Path.Combine(_directory, "T.M#New.g.verified.cs");
        string received = Path.Combine(_directory, "T.M#New.g.received.cs");

        Assert.NotNull(SnapshotVerifier.Compare("x\n", verified, received, accept: false));
        Assert.True(File.Exists(received));
        Assert.Null(SnapshotVerifier.Compare("x\n", verified, received, accept: true));
        Assert.Equal("x\n", File.ReadAllText(verified));
        Assert.False(File.Exists(received));
    }

    [Fact]
    public void Normalize_replaces_the_generator_version()
    {
        string text = "[global::System.CodeDom.Compiler.GeneratedCode(\"GlacierTrail.Gen\", \"1.2.3\")]\r\n";

        Assert.Equal("[global::System.CodeDom.Compiler.GeneratedCode(\"GlacierTrail.Gen\", \"x.y.z\")]\n", SnapshotVerifier.Normalize(text));
    }

    [Fact]
    public void Every_baseline_belongs_to_a_snapshot_test()
    {
        string snapshots = Path.Combine(TestFiles.TestProjectDirectory, "Snapshots");
        var tests = typeof(Snapshots.GeneratorSnapshotTests).GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).ToHashSet();
        var baselines = Directory.GetFiles(snapshots, "*.verified.cs").Select(Path.GetFileName).ToList();

        Assert.NotEmpty(baselines);
        Assert.All(baselines, name =>
        {
            string prefix = name!.Substring(0, name.IndexOf('#', StringComparison.Ordinal));
            Assert.StartsWith(nameof(Snapshots.GeneratorSnapshotTests) + ".", prefix, StringComparison.Ordinal);
            Assert.Contains(prefix.Substring(prefix.IndexOf('.', StringComparison.Ordinal) + 1), tests);
        });
    }

    [Fact]
    public void Compilation_check_catches_broken_doc_comments()
    {
        // DocumentationMode.Diagnose: an XML-hostile description that broke a doc comment would show up.
        const string source = "/// <summary>unclosed & broken</remarks>\npublic sealed class Broken { }\n";
        var run = GeneratorHarness.Run(Array.Empty<InMemoryAdditionalText>(), null, source);

        Assert.Throws<Xunit.Sdk.XunitException>(run.AssertCompilationClean);
        run.AssertNoCompilationErrors();
    }

    [Fact]
    public void Generator_diagnostic_check_fails_on_an_unexpected_diagnostic()
    {
        var run = GeneratorHarness.Run(new[] { TestFiles.Inline("x/Bad.schema.json", "{") });

        Assert.Throws<Xunit.Sdk.XunitException>(() => run.AssertGeneratorDiagnostics());
        run.AssertGeneratorDiagnostics("GTG001");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
