using System;
using System.Globalization;
using System.IO;
using System.Linq;
using GlacierTrail.Gen.Diagnostics;
using GlacierTrail.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace GlacierTrail.Gen.Tests.Diagnostics;

/// <summary>
/// One or more tests per diagnostic id: id, severity and the exact place in the schema file,
/// and that the output still compiles (a bad schema never makes generated code fail).
/// </summary>
public sealed class GeneratorDiagnosticTests
{
    private const string Root = TestFiles.VirtualSchemaRoot;

    [Fact]
    public void Descriptors_are_GTG001_to_GTG012_in_order()
    {
        Assert.Equal(
            Enumerable.Range(1, 12).Select(i => $"GTG{i:000}"),
            DiagnosticDescriptors.All.Select(d => d.Id).Distinct());

        // The messages of one id are cases of one diagnostic: one title and severity.
        Assert.All(DiagnosticDescriptors.All.GroupBy(d => d.Id), id =>
        {
            Assert.Single(id.Select(d => d.Title.ToString(CultureInfo.InvariantCulture)).Distinct());
            Assert.Single(id.Select(d => d.DefaultSeverity).Distinct());
        });
    }

    [Fact]
    public void Every_message_is_written_in_the_table_not_passed_as_an_argument()
    {
        // A message that is only a placeholder would let call sites write their own sentences.
        Assert.All(DiagnosticDescriptors.All, d =>
        {
            string message = d.MessageFormat.ToString(CultureInfo.InvariantCulture);
            Assert.DoesNotMatch(@"^\s*\{\d+\}\s*$", message);
            Assert.Equal(message.Trim(), message);
        });
        Assert.Equal(DiagnosticDescriptors.All.Length, DiagnosticDescriptors.All.Select(d => d.MessageFormat.ToString(CultureInfo.InvariantCulture)).Distinct().Count());
    }

    [Fact]
    public void Every_help_link_is_an_anchor_of_the_schema_page()
    {
        // The link a build error shows must land on the entry that explains it.
        const string page = "https://github.com/glaciertrail/GlacierTrail.Gen/blob/main/docs/schemas.md#";
        string text = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "docs", "schemas.md"));
        Assert.All(DiagnosticDescriptors.All, d =>
        {
            string anchor = d.Id.ToLowerInvariant();
            Assert.Equal(page + anchor, d.HelpLinkUri);
            Assert.Contains($"<a id=\"{anchor}\"></a>{d.Id}", text, StringComparison.Ordinal);
        });
    }

    // GTG001 ------------------------------------------------------------------------------

    [Fact]
    public void GTG001_invalid_JSON_points_at_the_offending_token()
    {
        const string text = "{\n  \"x-cloudtrail\": { \"eventSource\": \"a.example.com\", \"eventName\": \"Broken\" }\n  \"type\": \"object\"\n}\n";
        var run = RunOne("diag/Broken.schema.json", text);

        var diagnostic = run.Single("GTG001");
        DiagnosticAssert.Descriptor(diagnostic, "GTG001", DiagnosticSeverity.Error);
        DiagnosticAssert.AtPoint(diagnostic, Root + "diag/Broken.schema.json", text, "\"type\"");
        run.AssertGeneratorDiagnostics("GTG001");
        Assert.DoesNotContain("BrokenEvent.g.cs", run.HintNames);
        run.AssertNoCompilationErrors();
    }

    [Fact]
    public void GTG001_column_counts_characters_not_UTF8_bytes()
    {
        // "❄" is three UTF-8 bytes and "é" two: a byte column would land three characters too far.
        const string text = "{\n  \"description\": \"Vault ❄ café\" \"type\": \"object\"\n}\n";
        var run = RunOne("diag/Snow.schema.json", text);

        var diagnostic = run.Single("GTG001");
        DiagnosticAssert.Descriptor(diagnostic, "GTG001", DiagnosticSeverity.Error);
        DiagnosticAssert.AtPoint(diagnostic, Root + "diag/Snow.schema.json", text, "\"type\"");
        run.AssertNoCompilationErrors();
    }

    [Fact]
    public void GTG001_empty_file_is_reported_at_its_start()
    {
        var run = RunOne("diag/Empty.schema.json", string.Empty);

        var diagnostic = run.Single("GTG001");
        DiagnosticAssert.Descriptor(diagnostic, "GTG001", DiagnosticSeverity.Error);
        var lineSpan = diagnostic.Location.GetLineSpan();
        Assert.Equal(Root + "diag/Empty.schema.json", lineSpan.Path);
        Assert.Equal(new Microsoft.CodeAnalysis.Text.LinePosition(0, 0), lineSpan.StartLinePosition);
        run.AssertNoCompilationErrors();
    }

    [Fact]
    public void GTG001_lone_surrogate_escape_is_invalid_JSON_at_the_string()
    {
        string text = Event("Surrogate", "\"vaultName\": { \"type\": \"string\", \"description\": \"half \\ud800 a pair\" }");
        var run = RunOne("diag/Surrogate.schema.json", text);

        var diagnostic = run.Single("GTG001");
        DiagnosticAssert.Descriptor(diagnostic, "GTG001", DiagnosticSeverity.Error);
        DiagnosticAssert.AtPoint(diagnostic, Root + "diag/Surrogate.schema.json", text, "\"half ");
        run.AssertGeneratorDiagnostics("GTG001");
        run.AssertNoCompilationErrors();
    }

    // GTG002 ------------------------------------------------------------------------------

    [Fact]
    public void GTG002_missing_x_cloudtrail_points_at_the_root_object()
    {
        const string text = "\n{\n  \"type\": \"object\",\n  \"properties\": {}\n}\n";
        var run = RunOne("diag/NoBinding.schema.json", text);

        var diagnostic = run.Single("GTG002");
        DiagnosticAssert.Descriptor(diagnostic, "GTG002", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, Root + "diag/NoBinding.schema.json", text, "{");
        Assert.Contains("x-cloudtrail", diagnostic.GetMessage(), StringComparison.Ordinal);
        run.AssertGeneratorDiagnostics("GTG002");
        run.AssertNoCompilationErrors();
    }

    [Fact]
    public void GTG002_malformed_x_cloudtrail_points_at_its_value()
    {
        const string text = "{\n  \"x-cloudtrail\": \"CreateVault\",\n  \"type\": \"object\"\n}\n";
        var run = RunOne("diag/StringBinding.schema.json", text);

        var diagnostic = run.Single("GTG002");
        DiagnosticAssert.Descriptor(diagnostic, "GTG002", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, Root + "diag/StringBinding.schema.json", text, "\"CreateVault\"");
        run.AssertGeneratorDiagnostics("GTG002");
        run.AssertNoCompilationErrors();
    }

    [Fact]
    public void GTG002_x_cloudtrail_without_eventName_points_at_the_object()
    {
        const string text = "{\n  \"x-cloudtrail\": { \"eventSource\": \"glacier.amazonaws.com\", \"eventName\": \"\" },\n  \"type\": \"object\"\n}\n";
        var run = RunOne("diag/EmptyName.schema.json", text);

        var diagnostic = run.Single("GTG002");
        DiagnosticAssert.Descriptor(diagnostic, "GTG002", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, Root + "diag/EmptyName.schema.json", text, "{ \"eventSource\": \"glacier.amazonaws.com\", \"eventName\": \"\" }");
        run.AssertNoCompilationErrors();
    }

    // GTG003 ------------------------------------------------------------------------------

    [Fact]
    public void GTG003_duplicate_event_names_both_files_and_points_at_the_losers_binding()
    {
        string first = Event("CreateVault", "\"vaultName\": { \"type\": \"string\" }");
        string second = "{\n  \"title\": \"a second copy\",\n" + Event("CreateVault", "\"name\": { \"type\": \"string\" }").Substring(2);
        var run = GeneratorHarness.Run(new[]
        {
            TestFiles.Inline("z/CreateVault.schema.json", second),
            TestFiles.Inline("a/CreateVault.schema.json", first),
        });

        var diagnostic = run.Single("GTG003");
        DiagnosticAssert.Descriptor(diagnostic, "GTG003", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, Root + "z/CreateVault.schema.json", second, "\"x-cloudtrail\"");
        string message = diagnostic.GetMessage();
        Assert.Contains(Root + "a/CreateVault.schema.json", message, StringComparison.Ordinal);
        Assert.Contains(Root + "z/CreateVault.schema.json", message, StringComparison.Ordinal);
        run.AssertGeneratorDiagnostics("GTG003");

        // The first path wins: its members are generated, the loser's are not, and the dispatcher lists the event once.
        Assert.Contains("VaultName", run.Source("CreateVaultEvent.g.cs"), StringComparison.Ordinal);
        Assert.Single(run.HintNames, n => n == "CreateVaultEvent.g.cs");
        Assert.Single(AllIndexesOf(run.Source("GlacierTrailEvents.g.cs"), "\"CreateVault\"u8"));
        run.AssertNoCompilationErrors();
    }

    // GTG004 ------------------------------------------------------------------------------

    [Fact]
    public void GTG004_oneOf_is_a_warning_and_the_value_is_kept_raw()
    {
        string text = Event("Choice", "\"choice\": { \"oneOf\": [ { \"type\": \"string\" }, { \"type\": \"integer\" } ] }");
        var run = RunOne("diag/Choice.schema.json", text);

        var diagnostic = run.Single("GTG004");
        DiagnosticAssert.Descriptor(diagnostic, "GTG004", DiagnosticSeverity.Warning);
        DiagnosticAssert.At(diagnostic, Root + "diag/Choice.schema.json", text, "\"oneOf\"");
        run.AssertGeneratorDiagnostics("GTG004");
        Assert.Contains("public global::GlacierTrail.RawJson? Choice { get; set; }", run.Source("ChoiceEvent.g.cs"), StringComparison.Ordinal);
        run.AssertNoCompilationErrors();
    }

    [Fact]
    public void GTG004_pattern_is_a_warning_and_is_ignored()
    {
        string text = Event("Pattern", "\"code\": { \"type\": \"string\", \"pattern\": \"^[A-Z]+$\" }");
        var run = RunOne("diag/Pattern.schema.json", text);

        var diagnostic = run.Single("GTG004");
        DiagnosticAssert.Descriptor(diagnostic, "GTG004", DiagnosticSeverity.Warning);
        DiagnosticAssert.At(diagnostic, Root + "diag/Pattern.schema.json", text, "\"pattern\"");
        Assert.Contains("public string? Code { get; set; }", run.Source("PatternEvent.g.cs"), StringComparison.Ordinal);
        run.AssertNoCompilationErrors();
    }

    // GTG005 ------------------------------------------------------------------------------

    [Fact]
    public void GTG005_unusable_key_without_x_csharp_name_points_at_the_key()
    {
        string text = Event("AmzId", "\"x-amz-id\": { \"type\": \"string\" },\n        \"vaultName\": { \"type\": \"string\" }");
        var run = RunOne("diag/AmzId.schema.json", text);

        var diagnostic = run.Single("GTG005");
        DiagnosticAssert.Descriptor(diagnostic, "GTG005", DiagnosticSeverity.Warning);
        DiagnosticAssert.At(diagnostic, Root + "diag/AmzId.schema.json", text, "\"x-amz-id\"");
        Assert.Contains("x-amz-id", diagnostic.GetMessage(), StringComparison.Ordinal);
        run.AssertGeneratorDiagnostics("GTG005");
        string source = run.Source("AmzIdEvent.g.cs");
        Assert.Contains("VaultName", source, StringComparison.Ordinal);
        Assert.DoesNotContain("PropertyIs(\"x-amz-id\"u8)", source, StringComparison.Ordinal);
        run.AssertNoCompilationErrors();
    }

    // GTG006 ------------------------------------------------------------------------------

    [Fact]
    public void GTG006_keys_mapping_to_one_name_point_at_the_second_key()
    {
        string text = Event("Twins", "\"vaultName\": { \"type\": \"string\" },\n        \"VaultName\": { \"type\": \"string\" }");
        var run = RunOne("diag/Twins.schema.json", text);

        var diagnostic = run.Single("GTG006");
        DiagnosticAssert.Descriptor(diagnostic, "GTG006", DiagnosticSeverity.Warning);
        DiagnosticAssert.At(diagnostic, Root + "diag/Twins.schema.json", text, "\"VaultName\"");
        string message = diagnostic.GetMessage();
        Assert.Contains("'vaultName'", message, StringComparison.Ordinal);
        Assert.Contains("'VaultName'", message, StringComparison.Ordinal);
        run.AssertGeneratorDiagnostics("GTG006");
        Assert.Single(AllIndexesOf(run.Source("TwinsEvent.g.cs"), "public string? VaultName"));
        run.AssertNoCompilationErrors();
    }

    // GTG007 ------------------------------------------------------------------------------

    [Fact]
    public void GTG007_ref_to_a_missing_local_definition_points_at_the_ref()
    {
        string text = Event("LocalRef", "\"policy\": { \"$ref\": \"#/$defs/Missing\" }");
        var run = RunOne("diag/LocalRef.schema.json", text);

        var diagnostic = run.Single("GTG007");
        DiagnosticAssert.Descriptor(diagnostic, "GTG007", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, Root + "diag/LocalRef.schema.json", text, "\"#/$defs/Missing\"");
        run.AssertGeneratorDiagnostics("GTG007");
        Assert.Contains("public global::GlacierTrail.RawJson? Policy { get; set; }", run.Source("LocalRefEvent.g.cs"), StringComparison.Ordinal);
        run.AssertNoCompilationErrors();
    }

    [Fact]
    public void GTG007_ref_to_a_missing_file_points_at_the_ref()
    {
        string text = Event("FileRef", "\"policy\": { \"$ref\": \"../shared/missing.schema.json#/$defs/Policy\" }");
        var run = RunOne("glacier/FileRef.schema.json", text);

        var diagnostic = run.Single("GTG007");
        DiagnosticAssert.Descriptor(diagnostic, "GTG007", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, Root + "glacier/FileRef.schema.json", text, "\"../shared/missing.schema.json#/$defs/Policy\"");
        Assert.Contains(Root + "shared/missing.schema.json#/$defs/Policy", diagnostic.GetMessage(), StringComparison.Ordinal);
        run.AssertGeneratorDiagnostics("GTG007");
        Assert.Contains("public global::GlacierTrail.RawJson? Policy { get; set; }", run.Source("FileRefEvent.g.cs"), StringComparison.Ordinal);
        run.AssertNoCompilationErrors();
    }

    [Fact]
    public void GTG007_ref_to_a_missing_definition_in_an_existing_file()
    {
        string text = Event("DefRef", "\"policy\": { \"$ref\": \"../shared/glacier-types.schema.json#/$defs/NoSuchPolicy\" }");
        var run = GeneratorHarness.Run(new[] { TestFiles.Inline("glacier/DefRef.schema.json", text), TestFiles.SharedTypes });

        var diagnostic = run.Single("GTG007");
        DiagnosticAssert.Descriptor(diagnostic, "GTG007", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, Root + "glacier/DefRef.schema.json", text, "\"../shared/glacier-types.schema.json#/$defs/NoSuchPolicy\"");
        run.AssertGeneratorDiagnostics("GTG007");
        run.AssertNoCompilationErrors();
    }

    // GTG008 ------------------------------------------------------------------------------

    // GTG008 (internal error) is the generator's safety net: SchemaParser.Parse and AddSource turn
    // an unexpected exception into it. No valid or invalid schema should reach it by design (an
    // escaped lone surrogate once did; it is now GTG001, see above), so instead of provoking it
    // these tests feed pathological inputs and require that the generator neither throws (the
    // harness fails on GeneratorRunResult.Exception) nor reports GTG008, and that whatever it
    // generates compiles.
    [Theory]
    [InlineData("deep-properties")]
    [InlineData("deep-arrays")]
    [InlineData("too-deep")]
    [InlineData("lone-surrogate")]
    [InlineData("huge-integer-enum")]
    [InlineData("self-ref-class")]
    [InlineData("bom-and-nul")]
    public void Pathological_input_does_not_throw_or_report_internal_error(string kind)
    {
        string text = Pathological(kind);
        var run = RunOne("diag/Pathological.schema.json", text);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "GTG008");
        run.AssertNoCompilationErrors();
    }

    // GTG009 ------------------------------------------------------------------------------

    [Fact]
    public void GTG009_invalid_property_x_csharp_name_points_at_the_name()
    {
        string text = Event("BadName", "\"vault-name\": { \"type\": \"string\", \"x-csharp-name\": \"1stVault\" }");
        var run = RunOne("diag/BadName.schema.json", text);

        var diagnostic = run.Single("GTG009");
        DiagnosticAssert.Descriptor(diagnostic, "GTG009", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, Root + "diag/BadName.schema.json", text, "\"1stVault\"");
        Assert.Contains("1stVault", diagnostic.GetMessage(), StringComparison.Ordinal);
        run.AssertNoCompilationErrors();
    }

    [Fact]
    public void GTG009_invalid_top_level_x_csharp_name_points_at_the_name()
    {
        string text = "{\n  \"x-csharp-name\": \"Vault Event\",\n" + Event("Spaced", "\"a\": { \"type\": \"string\" }").Substring(2);
        var run = RunOne("diag/Spaced.schema.json", text);

        var diagnostic = run.Single("GTG009");
        DiagnosticAssert.Descriptor(diagnostic, "GTG009", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, Root + "diag/Spaced.schema.json", text, "\"Vault Event\"");
        run.AssertGeneratorDiagnostics("GTG009");
        Assert.Equal(new[] { "GlacierTrailEvents.Metadata.g.cs", "GlacierTrailEvents.g.cs" }, run.HintNames);
        run.AssertNoCompilationErrors();
    }

    // GTG010 ------------------------------------------------------------------------------

    [Fact]
    public void GTG010_alias_cycle_points_at_the_ref_that_closes_it()
    {
        string text = "{\n  \"$defs\": {\n    \"A\": { \"$ref\": \"#/$defs/B\" },\n    \"B\": { \"$ref\": \"#/$defs/A\" }\n  },\n"
            + Event("Cycle", "\"loop\": { \"$ref\": \"#/$defs/A\" }").Substring(2);
        var run = RunOne("diag/Cycle.schema.json", text);

        var diagnostic = run.Single("GTG010");
        DiagnosticAssert.Descriptor(diagnostic, "GTG010", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, Root + "diag/Cycle.schema.json", text, "\"#/$defs/A\"");
        run.AssertGeneratorDiagnostics("GTG010");
        Assert.Contains("public global::GlacierTrail.RawJson? Loop { get; set; }", run.Source("CycleEvent.g.cs"), StringComparison.Ordinal);
        run.AssertNoCompilationErrors();
    }

    [Fact]
    public void Self_reference_through_an_object_is_not_a_cycle()
    {
        string text = "{\n  \"$defs\": {\n    \"Node\": { \"type\": \"object\", \"properties\": { \"next\": { \"$ref\": \"#/$defs/Node\" } } }\n  },\n"
            + Event("Linked", "\"head\": { \"$ref\": \"#/$defs/Node\" }").Substring(2);
        var run = RunOne("diag/Linked.schema.json", text);

        run.AssertGeneratorDiagnostics();
        Assert.Contains("public global::GlacierTrail.Events.LinkedNode? Next { get; set; }", run.Source("LinkedEvent.g.cs"), StringComparison.Ordinal);
        run.AssertCompilationClean();
    }

    // GTG011 ------------------------------------------------------------------------------

    [Theory]
    [InlineData("Contoso.Audit-Events")]
    [InlineData("Contoso.class")]
    [InlineData("Contoso..Events")]
    [InlineData("1Contoso")]
    public void GTG011_invalid_namespace_falls_back_to_the_default(string @namespace)
    {
        var run = GeneratorHarness.Run(
            new[] { TestFiles.RepoSchema("glacier/CreateVault.schema.json") },
            TestFiles.Options(@namespace: @namespace));

        var diagnostic = run.Single("GTG011");
        DiagnosticAssert.Descriptor(diagnostic, "GTG011", DiagnosticSeverity.Error);
        Assert.Equal(Location.None, diagnostic.Location);
        Assert.Contains(@namespace, diagnostic.GetMessage(), StringComparison.Ordinal);
        run.AssertGeneratorDiagnostics("GTG011");
        Assert.Contains("namespace GlacierTrail.Events", run.Source("CreateVaultEvent.g.cs"), StringComparison.Ordinal);
        run.AssertNoCompilationErrors();
    }

    // GTG012 ------------------------------------------------------------------------------

    [Fact]
    public void GTG012_class_name_collision_names_both_files_and_points_at_the_losers_binding()
    {
        string winner = Event("CreateVault", "\"vaultName\": { \"type\": \"string\" }");
        string loser = "{\n  \"x-csharp-name\": \"CreateVaultEvent\",\n" + Event("CreateVaultLegacy", "\"name\": { \"type\": \"string\" }").Substring(2);
        var run = GeneratorHarness.Run(new[]
        {
            TestFiles.Inline("b/CreateVaultLegacy.schema.json", loser),
            TestFiles.Inline("a/CreateVault.schema.json", winner),
        });

        var diagnostic = run.Single("GTG012");
        DiagnosticAssert.Descriptor(diagnostic, "GTG012", DiagnosticSeverity.Error);
        DiagnosticAssert.At(diagnostic, Root + "b/CreateVaultLegacy.schema.json", loser, "\"x-cloudtrail\"");
        string message = diagnostic.GetMessage();
        Assert.Contains("CreateVaultEvent", message, StringComparison.Ordinal);
        Assert.Contains(Root + "a/CreateVault.schema.json", message, StringComparison.Ordinal);
        Assert.Contains(Root + "b/CreateVaultLegacy.schema.json", message, StringComparison.Ordinal);
        Assert.Contains("Give one a top-level \"x-csharp-name\", such as \"GlacierCreateVaultLegacy\"", message, StringComparison.Ordinal);
        run.AssertGeneratorDiagnostics("GTG012");
        Assert.DoesNotContain("CreateVaultLegacy", run.Source("GlacierTrailEvents.g.cs"), StringComparison.Ordinal);
        run.AssertNoCompilationErrors();
    }

    [Fact]
    public void GTG012_one_eventName_in_two_services_suggests_a_type_named_after_the_service()
    {
        var run = GeneratorHarness.Run(new[]
        {
            TestFiles.Inline("iam/CreateUser.schema.json", ServiceEvent(null, "iam.amazonaws.com", "CreateUser")),
            TestFiles.Inline("transfer/CreateUser.schema.json", ServiceEvent(null, "transfer.amazonaws.com", "CreateUser")),
            TestFiles.Inline("sso-directory/CreateUser.schema.json", ServiceEvent(null, "sso-directory.amazonaws.com", "CreateUser")),
        });

        run.AssertGeneratorDiagnostics("GTG012", "GTG012");
        var messages = run.GeneratorDiagnostics.Select(d => d.GetMessage()).ToList();
        Assert.Contains(messages, m => m.Contains("such as \"TransferCreateUser\" for '" + Root + "transfer/CreateUser.schema.json'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("such as \"SsoDirectoryCreateUser\" for '" + Root + "sso-directory/CreateUser.schema.json'", StringComparison.Ordinal));
        run.AssertNoCompilationErrors();
    }

    [Fact]
    public void A_top_level_x_csharp_name_gives_each_service_its_own_type_for_one_eventName()
    {
        var run = GeneratorHarness.Run(new[]
        {
            TestFiles.Inline("iam/CreateUser.schema.json", ServiceEvent(null, "iam.amazonaws.com", "CreateUser")),
            TestFiles.Inline("transfer/CreateUser.schema.json", ServiceEvent("TransferCreateUser", "transfer.amazonaws.com", "CreateUser")),
        });

        run.AssertGeneratorDiagnostics();
        run.AssertCompilationClean();
        Assert.Contains("class CreateUserEvent", run.Source("CreateUserEvent.g.cs"), StringComparison.Ordinal);
        Assert.Contains("class TransferCreateUserEvent", run.Source("TransferCreateUserEvent.g.cs"), StringComparison.Ordinal);
        string dispatcher = run.Source("GlacierTrailEvents.g.cs");
        Assert.Contains("TransferCreateUserEvent", dispatcher, StringComparison.Ordinal);
        Assert.Contains("global::GlacierTrail.Events.CreateUserEvent", dispatcher, StringComparison.Ordinal);
    }

    private static string ServiceEvent(string? csharpName, string eventSource, string eventName) =>
        "{\n" +
        (csharpName is null ? string.Empty : "  \"x-csharp-name\": \"" + csharpName + "\",\n") +
        "  \"x-cloudtrail\": { \"eventSource\": \"" + eventSource + "\", \"eventName\": \"" + eventName + "\" },\n" +
        "  \"type\": \"object\",\n" +
        "  \"properties\": { \"requestParameters\": { \"type\": \"object\", \"properties\": { \"userName\": { \"type\": \"string\" } } } }\n" +
        "}\n";

    [Fact]
    public void GTG012_two_definitions_files_with_the_same_type_keep_the_first_and_still_compile()
    {
        string tag = "{\n  \"$defs\": {\n    \"Tag\": { \"type\": \"object\", \"properties\": { \"key\": { \"type\": \"string\" } } }\n  }\n}\n";
        string otherTag = "{\n  \"$defs\": {\n    \"Tag\": { \"type\": \"object\", \"properties\": { \"name\": { \"type\": \"string\" } } }\n  }\n}\n";
        var run = GeneratorHarness.Run(new[]
        {
            TestFiles.Inline("b/shared/tags.schema.json", otherTag),
            TestFiles.Inline("a/shared/tags.schema.json", tag),
        });

        var diagnostic = run.Single("GTG012");
        DiagnosticAssert.Descriptor(diagnostic, "GTG012", DiagnosticSeverity.Error);
        Assert.Equal(Root + "b/shared/tags.schema.json", diagnostic.Location.GetLineSpan().Path);
        string message = diagnostic.GetMessage();
        Assert.Contains("'Tag'", message, StringComparison.Ordinal);
        Assert.Contains(Root + "a/shared/tags.schema.json", message, StringComparison.Ordinal);
        run.AssertGeneratorDiagnostics("GTG012");
        run.AssertNoCompilationErrors();
    }

    [Fact]
    public void Definitions_files_with_the_same_folder_and_name_get_distinct_outputs()
    {
        // Output names come from the folder and file name; two such files must not collide
        // (the compiler rejects a repeated output name) and both must be emitted.
        string first = "{ \"$defs\": { \"FirstThing\": { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } } } }";
        string second = "{ \"$defs\": { \"SecondThing\": { \"type\": \"object\", \"properties\": { \"b\": { \"type\": \"string\" } } } } }";
        var run = GeneratorHarness.Run(new[]
        {
            TestFiles.Inline("x/shared/types.schema.json", first),
            TestFiles.Inline("y/shared/types.schema.json", second),
        });

        run.AssertGeneratorDiagnostics();
        run.AssertNoCompilationErrors();
        Assert.Contains("class FirstThing", run.Source("Definitions.shared.types.g.cs"), StringComparison.Ordinal);
        Assert.Contains("class SecondThing", run.Source("Definitions.shared.types_2.g.cs"), StringComparison.Ordinal);
    }

    // Helpers -----------------------------------------------------------------------------

    private static GeneratorRun RunOne(string relativePath, string text) =>
        GeneratorHarness.Run(new[] { TestFiles.Inline(relativePath, text) });

    /// <summary>An event schema whose requestParameters have the given members (JSON text).</summary>
    private static string Event(string eventName, string requestMembers) =>
        "{\n" +
        "  \"x-cloudtrail\": { \"eventSource\": \"glacier.amazonaws.com\", \"eventName\": \"" + eventName + "\" },\n" +
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

    private static string Pathological(string kind)
    {
        switch (kind)
        {
            case "deep-properties":
                {
                    // 120 nested object levels (240 JSON levels), within the reader's depth limit.
                    string inner = "{ \"type\": \"string\" }";
                    for (int i = 0; i < 120; i++)
                    {
                        inner = "{ \"type\": \"object\", \"properties\": { \"n" + i + "\": " + inner + " } }";
                    }

                    return Event("DeepProperties", "\"root\": " + inner);
                }

            case "deep-arrays":
                {
                    string inner = "{ \"type\": \"string\", \"format\": \"date-time\" }";
                    for (int i = 0; i < 60; i++)
                    {
                        inner = (i % 2 == 0 ? "{ \"type\": \"array\", \"items\": " : "{ \"type\": \"object\", \"additionalProperties\": ") + inner + " }";
                    }

                    return Event("DeepArrays", "\"root\": " + inner);
                }

            case "too-deep":
                return new string('[', 5000) + new string(']', 5000);
            case "lone-surrogate":
                return Event("Surrogate", "\"\\ud800\": { \"type\": \"string\", \"description\": \"\\udc00\" }");
            case "huge-integer-enum":
                return Event("HugeEnum", "\"size\": { \"type\": \"integer\", \"enum\": [1e400, -0, 99999999999999999999999999] }, \"e\": { \"enum\": [\"\", \"-\", \"_\", \"1\", \"Value\", \"value\", null, 3] }");
            case "self-ref-class":
                return "{\n  \"$defs\": { \"T\": { \"properties\": { \"t\": { \"$ref\": \"#/$defs/T\" }, \"list\": { \"type\": \"array\", \"items\": { \"$ref\": \"#/$defs/T\" } } } } },\n"
                    + Event("SelfRef", "\"t\": { \"$ref\": \"#/$defs/T\" }, \"T\": { \"type\": \"string\" }, \"SelfRefRequestParameters\": { \"type\": \"string\" }").Substring(2);
            case "bom-and-nul":
                return "\uFEFF" + Event("Bom", "\"a\\u0000b\": { \"type\": \"string\", \"x-csharp-name\": \"Nul\", \"description\": \"\\u0000 */ \\\" \" }");
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private static int[] AllIndexesOf(string text, string value)
    {
        var result = new System.Collections.Generic.List<int>();
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            result.Add(i);
        }

        return result.ToArray();
    }
}
