using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using Xunit;

namespace GlacierTrail.Package.Tests;

/// <summary>
/// Packs the real nupkg, restores it from a folder feed into an empty packages folder, and
/// builds and runs a fresh consumer that knows GlacierTrail.Gen only as that package. This is
/// the one test that proves the package: props that never flow, a DLL left out of
/// analyzers/dotnet/cs or a schema not shipped all fail here and nowhere else.
/// </summary>
public sealed class PackedPackageTests
{
    [Fact]
    public void Fresh_consumer_builds_and_reads_typed_events_from_built_in_and_own_schemas()
    {
        string work = Directory.CreateTempSubdirectory("glaciertrail-package-").FullName;
        try
        {
            string version = "0.1.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            string feed = Path.Combine(work, "feed");
            string consumer = Path.Combine(work, "consumer");
            Dotnet(RepoRoot(), "pack", "runtime/GlacierTrail.csproj", "-c", "Release", "-o", feed, $"-p:Version={version}");

            string nupkg = Directory.GetFiles(feed, "GlacierTrail.Gen.*.nupkg").Single();
            AssertPackageLayout(nupkg);

            CopyConsumer(consumer, version);
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <configuration>
                  <packageSources><clear /><add key="local" value="{feed}" /></packageSources>
                  <config><add key="globalPackagesFolder" value="{Path.Combine(work, "packages")}" /></config>
                </configuration>
                """);
            Dotnet(consumer, "build", "-c", "Release");
            string output = Dotnet(consumer, "run", "-c", "Release", "--no-build", "--", Path.Combine(consumer, "logs"));

            // A built-in schema, typed, with envelope fields.
            Assert.Contains("CreateVaultEvent 2014-12-10T19:05:15.0000000+00:00 arn=arn:aws:iam::999999999999:user/myUserName vault=myVaultName location=/999999999999/vaults/myVaultName", output, StringComparison.Ordinal);

            // The consumer's own schema, typed, including its enum and integer.
            Assert.Contains("RotateWidgetEvent 2025-03-14T09:26:53.0000000+00:00 arn=arn:aws:iam::111122223333:user/ops widget=w-42 generation=7 mode=safe", output, StringComparison.Ordinal);

            // A service with no schema keeps its payload verbatim.
            Assert.Contains("UnknownCloudTrailEvent", output, StringComparison.Ordinal);
            Assert.Contains("raw={\"bucketName\":\"b\",\"key\":\"k\"}", output, StringComparison.Ordinal);

            // 33 built-in Glacier events + the consumer's one.
            Assert.Contains("known=34", output, StringComparison.Ordinal);
        }
        finally
        {
            TryDelete(work);
        }
    }

    [Fact]
    public void A_consumer_on_an_older_target_framework_gets_one_error_naming_the_framework_needed()
    {
        string work = Directory.CreateTempSubdirectory("glaciertrail-package-old-").FullName;
        try
        {
            string version = "0.1.0-test" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
            string feed = Path.Combine(work, "feed");
            string consumer = Path.Combine(work, "consumer");
            Dotnet(RepoRoot(), "pack", "runtime/GlacierTrail.csproj", "-c", "Release", "-o", feed, $"-p:Version={version}");
            Directory.CreateDirectory(consumer);
            File.WriteAllText(Path.Combine(consumer, "Old.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><TargetFramework>netstandard2.0</TargetFramework></PropertyGroup>
                  <ItemGroup><PackageReference Include="GlacierTrail.Gen" Version="{version}" /></ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(consumer, "Old.cs"), "namespace Old { public static class Nothing { } }\n");

            // netstandard2.0's reference assemblies come from the packages already on this
            // machine, beside the packed feed: nothing is downloaded.
            string machinePackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } packages
                ? packages
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
                <configuration>
                  <packageSources><clear /><add key="local" value="{feed}" /><add key="machine" value="{machinePackages}" /></packageSources>
                  <config><add key="globalPackagesFolder" value="{Path.Combine(work, "packages")}" /></config>
                </configuration>
                """);

            var (code, output) = Run(consumer, "build", "-c", "Release");

            // One error, shown where it happens and again in the build's summary; no compiler error.
            Assert.NotEqual(0, code);
            var errors = output.Split('\n').Where(line => line.Contains(": error ", StringComparison.Ordinal)).Select(line => line.Trim()).Distinct().ToList();
            var error = Assert.Single(errors);
            Assert.DoesNotContain("error CS", output, StringComparison.Ordinal);
            Assert.Contains("error GTGB001: GlacierTrail.Gen needs a project that targets net10.0 or later; this project targets netstandard2.0.", error, StringComparison.Ordinal);
        }
        finally
        {
            TryDelete(work);
        }
    }

    private static void AssertPackageLayout(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        string[] required =
        {
            "lib/net10.0/GlacierTrail.dll",
            "analyzers/dotnet/cs/GlacierTrail.Gen.SourceGeneration.dll",
            "analyzers/dotnet/cs/System.Text.Json.dll",
            "analyzers/dotnet/cs/System.Text.Encodings.Web.dll",
            "analyzers/dotnet/cs/Microsoft.Bcl.AsyncInterfaces.dll",
            "build/GlacierTrail.Gen.props",
            "build/GlacierTrail.Gen.targets",
            "schemas/glacier/CreateVault.schema.json",
            "schemas/shared/glacier-types.schema.json",
        };
        foreach (string entry in required)
        {
            Assert.Contains(entry, entries);
        }

        Assert.Equal(33, entries.Count(e => e.StartsWith("schemas/glacier/", StringComparison.Ordinal) && e.EndsWith(".schema.json", StringComparison.Ordinal)));

        // Roslyn belongs to the compiler host; shipping it would shadow the host's.
        Assert.DoesNotContain(entries, e => e.StartsWith("analyzers/dotnet/cs/Microsoft.CodeAnalysis", StringComparison.Ordinal));

        // The generator assembly is not named like the package: an analyzer named GlacierTrail.Gen.dll
        // beside it would be a second copy of the generator, and every type would be generated twice.
        Assert.DoesNotContain("analyzers/dotnet/cs/GlacierTrail.Gen.dll", entries);
    }

    private static void CopyConsumer(string destination, string version)
    {
        string source = Path.Combine(AppContext.BaseDirectory, "Consumer");
        foreach (string file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file);
            string target = Path.Combine(destination, relative.EndsWith(".template", StringComparison.Ordinal) ? relative[..^".template".Length] : relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, File.ReadAllText(file).Replace("$VERSION$", version, StringComparison.Ordinal));
        }
    }

    private static string Dotnet(string workingDirectory, params string[] arguments)
    {
        var (code, output) = Run(workingDirectory, arguments);
        Assert.True(code == 0, $"dotnet {string.Join(' ', arguments)} failed with {code}:\n{output}");
        return output;
    }

    /// <summary>Runs dotnet; the exit code and what it wrote (stdout, then stderr).</summary>
    private static (int Code, string Output) Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The outer `dotnet test` sets MSBuild variables that would leak into the nested builds.
        foreach (string name in new[] { "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "DOTNET_HOST_PATH" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { stdout.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { stderr.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet {string.Join(' ', arguments)} timed out");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout + "\n" + stderr);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GlacierTrail.Gen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with GlacierTrail.Gen.sln) was not found above " + AppContext.BaseDirectory);
    }

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
