using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using GlacierTrail.Gen;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace GlacierTrail.Bench.Generator;

/// <summary>
/// What the generator benchmarks run: a compilation that references the runtime, and schema
/// sets (the built-in ones, and N synthetic ones shaped like real Glacier schemas).
/// </summary>
internal sealed class GeneratorWorkload
{
    private GeneratorWorkload(CSharpCompilation compilation, ImmutableArray<AdditionalText> schemas)
    {
        Compilation = compilation;
        Schemas = schemas;
    }

    public CSharpCompilation Compilation { get; }

    public ImmutableArray<AdditionalText> Schemas { get; }

    public static GeneratorWorkload BuiltIn(string repoRoot)
    {
        var files = Directory.GetFiles(Path.Combine(repoRoot, "schemas", "glacier"), "*.schema.json")
            .Concat(Directory.GetFiles(Path.Combine(repoRoot, "schemas", "shared"), "*.schema.json"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => (AdditionalText)new InMemoryText(f, File.ReadAllText(f)))
            .ToImmutableArray();
        return new GeneratorWorkload(CreateCompilation(), files);
    }

    public static GeneratorWorkload Synthetic(int count)
    {
        var files = Enumerable.Range(0, count)
            .Select(i => (AdditionalText)new InMemoryText($"/synthetic/Op{i:D5}.schema.json", SyntheticSchema(i, 0)))
            .ToImmutableArray();
        return new GeneratorWorkload(CreateCompilation(), files);
    }

    /// <summary>A schema shaped like a mid-sized real one: URI labels, headers, a nested object, an enum, a map.</summary>
    public static string SyntheticSchema(int index, int revision) => $$"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "description": "Synthetic operation {{index}} (revision {{revision}}).",
          "x-cloudtrail": { "eventSource": "synthetic{{index % 7}}.amazonaws.com", "eventName": "Op{{index:D5}}" },
          "type": "object",
          "properties": {
            "requestParameters": {
              "type": ["object", "null"],
              "properties": {
                "accountId": { "type": "string" },
                "vaultName": { "type": "string", "description": "The vault." },
                "limit": { "type": "string" },
                "marker": { "type": ["string", "null"] },
                "createdAt": { "type": "string", "format": "date-time" },
                "job": {
                  "type": "object",
                  "properties": {
                    "type": { "type": "string", "enum": ["archive-retrieval", "inventory-retrieval", "select"] },
                    "tier": { "type": "string", "enum": ["Expedited", "Standard", "Bulk"] },
                    "sizeInBytes": { "type": "integer" },
                    "ranges": { "type": "array", "items": { "type": "string" } }
                  }
                },
                "tags": { "type": "object", "additionalProperties": { "type": "string" } },
                "revision{{revision}}": { "type": "boolean" }
              },
              "required": ["accountId", "vaultName"]
            },
            "responseElements": {
              "type": ["object", "null"],
              "properties": { "location": { "type": ["string", "null"] }, "jobId": { "type": ["string", "null"] } }
            }
          }
        }
        """;

    public GeneratorDriver CreateDriver(bool trackSteps = false) =>
        CSharpGeneratorDriver.Create(
            new[] { new GlacierTrailGenerator().AsSourceGenerator() },
            Schemas,
            CSharpParseOptions.Default,
            new EmptyOptions(),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackSteps));

    private static CSharpCompilation CreateCompilation()
    {
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var references = tpa.Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(CloudTrailEvent).Assembly.Location));
        return CSharpCompilation.Create(
            "GeneratorBenchmark",
            new[] { CSharpSyntaxTree.ParseText("namespace Consumer; internal static class Anchor { }") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    internal sealed class InMemoryText : AdditionalText
    {
        private readonly SourceText _text;

        public InMemoryText(string path, string text)
        {
            Path = path;
            _text = SourceText.From(text);
        }

        public override string Path { get; }

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class EmptyOptions : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options();

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => GlobalOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => GlobalOptions;

        private sealed class Options : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = string.Empty;
                return false;
            }
        }
    }
}
