using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GlacierTrail.Integrity;
using GlacierTrail.Testing.Integrity;
using Xunit;

namespace GlacierTrail.Tests.Integrity;

/// <summary>A fresh folder per test, and validation over it with the shared test keys.</summary>
public abstract class IntegrityTestBase : IDisposable
{
    protected IntegrityTestBase()
    {
        Root = Path.Combine(Path.GetTempPath(), "glaciertrail-integrity-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    protected string Root { get; }

    public void Dispose()
    {
        Directory.Delete(Root, recursive: true);
        GC.SuppressFinalize(this);
    }

    internal static Task<DigestValidationResult> Validate(string root, IReadOnlyDictionary<string, string>? signatures = null, IReadOnlyList<DigestPublicKey>? keys = null, bool strict = false, DateTimeOffset? since = null, DateTimeOffset? until = null) =>
        DigestValidator.ValidateAsync([root], new DigestValidationOptions
        {
            PublicKeys = keys ?? [TestKey.A.Public, TestKey.B.Public],
            Signatures = signatures ?? new Dictionary<string, string>(),
            Strict = strict,
            Since = since,
            Until = until,
            MaxParallelFiles = 3,
        });

    /// <summary>A chain of <paramref name="hours"/> digests signed with key A, two log files an hour.</summary>
    internal ChainWriter Chain(int hours, int logFilesPerHour = 2)
    {
        var writer = new ChainWriter(Root);
        for (int i = 0; i < hours; i++)
        {
            writer.Hour(TestKey.A, logFilesPerHour);
        }

        return writer;
    }

    internal static IntegrityFinding Single(DigestValidationResult result, IntegrityFindingKind kind)
    {
        var found = result.Findings.Where(f => f.Kind == kind).ToList();
        Assert.True(found.Count == 1, $"expected one {kind}, found: {Describe(result)}");
        return found[0];
    }

    internal static string Describe(DigestValidationResult result) =>
        result.Findings.Count == 0 ? "(no findings)" : string.Join("\n", result.Findings.Select(f => $"{f.Severity} {f.Kind} {f.File.S3Key}: {f.Detail}"));

    internal static void AssertKinds(DigestValidationResult result, params IntegrityFindingKind[] kinds) =>
        Assert.True(
            kinds.Order().SequenceEqual(result.Findings.Select(f => f.Kind).Order()),
            $"expected [{string.Join(", ", kinds)}], found:\n{Describe(result)}");
}
