using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace GlacierTrail.Cli.Tests;

/// <summary>
/// <c>check --all --suggest</c> over records of many services at once, then the suggested
/// schemas and the built-in ones through the generator together, as a consumer's build would:
/// not one diagnostic, and a type for every event.
/// </summary>
public class SuggestedSchemaBuildTests
{
    private static readonly string[] Records =
    {
        Record("iam.amazonaws.com", "CreateUser", """{"userName":"ana","tags":[{"key":"team","value":"audit"}],"x-amz-meta":"m"}""", """{"user":{"userName":"ana","arn":"arn:aws:iam::111122223333:user/ana","createDate":"Mar 14, 2025 9:00:00 AM"}}"""),
        Record("transfer.amazonaws.com", "CreateUser", """{"serverId":"s-1","userName":"sftp","homeDirectoryMappings":[{"entry":"/","target":"/bucket/home"}]}""", """{"serverId":"s-1","userName":"sftp"}"""),
        Record("sso-directory.amazonaws.com", "CreateUser", """{"identityStoreId":"d-1","userName":"ana"}""", "null"),
        Record("s3.amazonaws.com", "PutObject", """{"bucketName":"b","key":"k","x-amz-acl":"private","x-amz-server-side-encryption":"aws:kms","Host":"b.s3.amazonaws.com"}""", """{"x-amz-version-id":"v1","x-amz-server-side-encryption":"aws:kms"}"""),
        Record("ec2.amazonaws.com", "RunInstances", """{"instancesSet":{"items":[{"imageId":"ami-1","x-tag":"t"}]},"vaultName":"a","VaultName":"b","toString":1,"read":true,"1st":"x","ExtensionData":2,"runInstancesRequestParameters":3,"":4}""", "null"),
        Record("kms.amazonaws.com", "Decrypt", """{"encryptionContext":{"aws:s3:arn":"arn:aws:s3:::b/k","aws:pi":"x"},"encryptionAlgorithm":"SYMMETRIC_DEFAULT"}""", "null"),
        Record("backup.amazonaws.com", "CreateVault", """{"backupVaultName":"v"}""", "null"),
        Record("example.amazonaws.com", "Get-Thing.v2", """{"id":1}""", "null"),
        Record("example.amazonaws.com", "Value", """{"id":1}""", "null"),
    };

    [Fact]
    public async Task Suggested_schemas_of_many_services_build_with_no_diagnostic()
    {
        string folder = InputTests.TempFolder();
        try
        {
            string log = Path.Combine(folder, "log.json");
            File.WriteAllLines(log, Records);
            string suggested = Path.Combine(folder, "suggested");

            var check = await CliRunner.RunAsync("check", "--all", "--suggest", suggested, log);

            Assert.Equal(1, check.Code);
            Assert.Equal(Records.Length, check.Out.Split('\n').Count(l => l.StartsWith("suggested schema: ", StringComparison.Ordinal)));
            var files = Directory.GetFiles(suggested, "*.schema.json", SearchOption.AllDirectories);
            var builtIn = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "schemas", "glacier"))
                .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "schemas", "shared")));
            var (generatorDiagnostics, compilation) = Generate(builtIn.Concat(files));

            Assert.Empty(generatorDiagnostics);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity > DiagnosticSeverity.Info));
            string[] types = ["IamCreateUserEvent", "TransferCreateUserEvent", "SsoDirectoryCreateUserEvent", "PutObjectEvent", "RunInstancesEvent", "DecryptEvent", "BackupCreateVaultEvent", "CreateVaultEvent", "ExampleGetThingV2Event", "ValueEvent"];
            foreach (string type in types)
            {
                Assert.True(compilation.GetTypeByMetadataName("GlacierTrail.Events." + type) is not null, type + " missing: " + string.Join(", ", compilation.SyntaxTrees.Select(t => Path.GetFileName(t.FilePath))));
            }

            // The keys that are not C# names are named, and only those.
            using var putObject = JsonDocument.Parse(File.ReadAllText(Path.Combine(suggested, "s3", "PutObject.schema.json")));
            var request = putObject.RootElement.GetProperty("properties").GetProperty("requestParameters").GetProperty("properties");
            Assert.Equal("XAmzAcl", request.GetProperty("x-amz-acl").GetProperty("x-csharp-name").GetString());
            Assert.False(request.GetProperty("bucketName").TryGetProperty("x-csharp-name", out _));
            Assert.False(putObject.RootElement.TryGetProperty("x-csharp-name", out _));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Suggest_says_when_it_wrote_nothing_and_why()
    {
        string folder = InputTests.TempFolder();
        try
        {
            var glacierOnly = await CliRunner.RunAsync("check", "--suggest", folder, CliRunner.Fixtures);
            var everything = await CliRunner.RunAsync("check", "--all", "--suggest", folder, CliRunner.Fixtures);

            Assert.Contains("--suggest wrote no schema: every event read already has a schema; only records of glacier.amazonaws.com were read: add --all", glacierOnly.Out, StringComparison.Ordinal);
            Assert.Contains("--suggest wrote no schema: every event read already has a schema.\n", everything.Out, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Record(string source, string name, string request, string response) => new RecordBuilder()
        .Set("eventVersion", "1.09")
        .Set("userIdentity", new RecordBuilder().Set("type", "IAMUser").Set("arn", "arn:aws:iam::111122223333:user/ana"))
        .Set("eventTime", "2025-03-14T09:00:00Z")
        .Set("eventSource", source)
        .Set("eventName", name)
        .Set("awsRegion", "us-east-1")
        .Set("sourceIPAddress", "192.0.2.1")
        .SetJson("requestParameters", request)
        .SetJson("responseElements", response)
        .Set("eventID", Guid.NewGuid().ToString())
        .Set("eventType", "AwsApiCall")
        .Set("recipientAccountId", "111122223333")
        .ToString();

    private static (ImmutableArray<Diagnostic> Diagnostics, Compilation Output) Generate(IEnumerable<string> schemaFiles)
    {
        string framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => string.Equals(Path.GetDirectoryName(p), framework, StringComparison.Ordinal) && p.EndsWith(".dll", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "GlacierTrail.dll")));
        var parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);
        var compilation = CSharpCompilation.Create(
            "SuggestedSchemas",
            [CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Nothing { } }", parse)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var texts = schemaFiles.Select(f => (AdditionalText)new FileText(f)).ToImmutableArray();
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new GlacierTrail.Gen.GlacierTrailGenerator().AsSourceGenerator()], texts, parse);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return (diagnostics, output);
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(path), Encoding.UTF8);
    }
}
