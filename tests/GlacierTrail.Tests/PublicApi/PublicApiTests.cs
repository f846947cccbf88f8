using System;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using GlacierTrail.Parquet;
using GlacierTrail.Testing;
using PublicApiGenerator;
using Xunit;

namespace GlacierTrail.Tests.PublicApi;

/// <summary>
/// The public surface of each shipped library, rendered as C# and compared with a checked-in
/// baseline, so every change to what users can name (and to what generated code calls) is a
/// reviewed diff. Rewrite the baselines with <c>GLACIERTRAIL_ACCEPT_SNAPSHOTS=1</c>.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_runtime_public_API_matches_its_baseline() => Verify(typeof(CloudTrailEvent).Assembly);

    [Fact]
    public void The_Parquet_public_API_matches_its_baseline() => Verify(typeof(ParquetDatasetWriter).Assembly);

    // The baseline cannot show this: the renderer leaves EditorBrowsable out as not API.
    [Fact]
    public void Serialization_types_are_hidden_from_editors()
    {
        var types = typeof(CloudTrailEvent).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "GlacierTrail.Serialization")
            .ToList();

        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Equal(EditorBrowsableState.Never, t.GetCustomAttribute<EditorBrowsableAttribute>()?.State));
    }

    private static void Verify(Assembly assembly, [CallerFilePath] string testFile = "")
    {
        // The assembly's own attributes (version, target framework, InternalsVisibleTo) are
        // build facts, not API; leaving them out keeps a version bump from changing a baseline.
        // So are the state machines the compiler names for async and iterator methods: their
        // numbering moves when an unrelated method is added.
        string api = assembly.GeneratePublicApi(new ApiGeneratorOptions
        {
            IncludeAssemblyAttributes = false,
            ExcludeAttributes = new[]
            {
                typeof(AsyncIteratorStateMachineAttribute).FullName!,
                typeof(AsyncStateMachineAttribute).FullName!,
                typeof(IteratorStateMachineAttribute).FullName!,
            },
        });
        string directory = Path.GetDirectoryName(testFile)!;
        string name = assembly.GetName().Name!;
        SnapshotFile.Verify(
            api + "\n",
            Path.Combine(directory, $"{name}.public-api.verified.txt"),
            Path.Combine(directory, $"{name}.public-api.received.txt"));
    }
}
