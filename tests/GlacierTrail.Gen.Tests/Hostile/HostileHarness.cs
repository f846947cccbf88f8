using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GlacierTrail.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace GlacierTrail.Gen.Tests.Hostile;

/// <summary>
/// Schema builders and checks for hostile input, on top of <see cref="GeneratorHarness"/>: the
/// generator runs with a small probe program, so every case also proves the output compiles
/// together with code that calls it.
/// </summary>
internal static class HostileHarness
{
    public const string Root = TestFiles.VirtualSchemaRoot;
    public const string Source = "hostile.example.com";

    /// <summary>
    /// Compiler warnings that are a consequence of names the schema author chose, not of broken
    /// generated code: CS8981 is a type named only in lower-case ASCII (e.g. <c>x-csharp-name: "class"</c>).
    /// </summary>
    private static readonly HashSet<string> AllowedWarnings = new(StringComparer.Ordinal) { "CS8981" };

    private const string Probe = """
        namespace Probe
        {
            /// <summary>Calls the generated dispatcher.</summary>
            public static class Entry
            {
                /// <summary>Parses one record.</summary>
                public static global::GlacierTrail.CloudTrailEvent Parse(byte[] utf8, int maxDepth) =>
                    global::GlacierTrail.Events.GlacierTrailEvents.ParseRecord(utf8, new global::GlacierTrail.CloudTrailReaderOptions { MaxDepth = maxDepth });
            }
        }
        """;

    public static InMemoryAdditionalText File(string relativePath, string text) => TestFiles.Inline(relativePath, text);

    public static GeneratorRun Run(params InMemoryAdditionalText[] schemas) => GeneratorHarness.Run(schemas, null, Probe);

    /// <summary>An event schema (JSON text) whose requestParameters have the given members; names are JSON string contents, already escaped.</summary>
    public static string Event(string eventName, string requestMembers, string topLevel = "", string eventSource = Source) =>
        "{\n" +
        "  \"x-cloudtrail\": { \"eventSource\": \"" + eventSource + "\", \"eventName\": \"" + eventName + "\" },\n" +
        topLevel +
        "  \"type\": \"object\",\n" +
        "  \"properties\": {\n" +
        "    \"requestParameters\": {\n" +
        "      \"type\": \"object\",\n" +
        "      \"properties\": {\n" +
        "        " + requestMembers + "\n" +
        "      }\n" +
        "    }\n" +
        "  }\n" +
        "}\n";

    /// <summary>
    /// The generator reported exactly <paramref name="expectedIds"/>, never an internal error, and the
    /// output compiles with no error and no warning (broken doc XML would be a warning) beyond the allowed ones.
    /// </summary>
    public static void AssertSafe(GeneratorRun run, params string[] expectedIds)
    {
        run.AssertGeneratorDiagnostics(expectedIds);
        run.AssertNoCompilationErrors();
        var problems = run.CompilationDiagnostics
            .Where(d => d.Severity > DiagnosticSeverity.Info && !AllowedWarnings.Contains(d.Id))
            .ToList();
        if (problems.Count > 0)
        {
            throw new Xunit.Sdk.XunitException($"The output compilation has warnings:\n{GeneratorRun.Describe(problems)}");
        }
    }

    /// <summary>Every generated source, concatenated (for text checks across files).</summary>
    public static string AllSources(GeneratorRun run) => string.Join("\n", run.HintNames.Select(run.Source));

    /// <summary>The generated code compiled to memory, with the probe; emit errors fail the test.</summary>
    public static InMemoryAssembly Load(GeneratorRun run) => InMemoryAssembly.Load(run.OutputCompilation);

    public static CloudTrailEvent Parse(InMemoryAssembly assembly, string record, int maxDepth = 64) =>
        (CloudTrailEvent)assembly.InvokeStatic("Probe.Entry", "Parse", Encoding.UTF8.GetBytes(record), maxDepth)!;

    /// <summary>A minimal record; source and name are plain strings, JSON-escaped here.</summary>
    public static string Record(string eventName, string requestParameters, string eventSource = Source) =>
        "{\"eventVersion\":\"1.08\",\"eventTime\":\"2025-01-02T03:04:05Z\",\"eventSource\":" + JsonSerializer.Serialize(eventSource) +
        ",\"eventName\":" + JsonSerializer.Serialize(eventName) + ",\"awsRegion\":\"us-east-1\",\"requestParameters\":" + requestParameters + "}";

    public static void AssertWritesBackEqual(CloudTrailEvent evt, string record)
    {
        string written = evt.ToJson();
        var deep = new JsonDocumentOptions { MaxDepth = 1024 };
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(record, null, deep), JsonNode.Parse(written, null, deep)), $"Written back:\n{written}\nRead:\n{record}");
    }

    /// <summary>The generated type the event was read into (not the unknown-event fallback).</summary>
    public static void AssertTyped(CloudTrailEvent evt, string className)
    {
        Assert.IsNotType<UnknownCloudTrailEvent>(evt);
        Assert.Equal("GlacierTrail.Events." + className, evt.GetType().FullName);
    }

    /// <summary>
    /// Injection check on the syntax, not the text: <paramref name="marker"/> occurs in no token
    /// but a string literal (comments are trivia, not tokens), and the only directive is <c>#nullable</c>.
    /// </summary>
    public static void AssertNotCode(string source, params string[] markers)
    {
        var root = CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions).GetRoot();
        foreach (string marker in markers)
        {
            var leaks = root.DescendantTokens()
                .Where(t => !t.IsKind(SyntaxKind.StringLiteralToken) && !t.IsKind(SyntaxKind.Utf8StringLiteralToken))
                .Where(t => t.Text.Contains(marker, StringComparison.Ordinal))
                .ToList();
            Assert.True(leaks.Count == 0, $"'{marker}' is code in: {string.Join(", ", leaks)}");
        }

        Assert.All(root.DescendantTrivia().Where(t => t.IsDirective), t => Assert.True(t.IsKind(SyntaxKind.NullableDirectiveTrivia), t.ToFullString()));
    }
}
