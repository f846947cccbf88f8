using System.IO;
using System.Runtime.CompilerServices;
using Xunit;

namespace GlacierTrail.Parquet.Tests;

/// <summary>
/// A test of the NativeAOT binary, skipped (with the reason) when it has not been built:
/// <c>bash cli/publish-aot.sh artifacts/glaciertrail-aot</c> builds it, as CI does before the tests.
/// </summary>
public sealed class NativeBinaryFactAttribute : FactAttribute
{
    public NativeBinaryFactAttribute()
    {
        if (!File.Exists(BinaryPath()))
        {
            Skip = $"the NativeAOT binary is not built at {BinaryPath()} (bash cli/publish-aot.sh artifacts/glaciertrail-aot builds it)";
        }
    }

    public static string RepositoryRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    public static string BinaryPath() => Path.Combine(RepositoryRoot(), "artifacts", "glaciertrail-aot", "glaciertrail");
}
