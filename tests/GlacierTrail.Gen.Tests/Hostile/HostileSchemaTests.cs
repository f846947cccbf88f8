using System;
using System.Linq;
using System.Text;
using GlacierTrail.Gen.Tests.Diagnostics;
using GlacierTrail.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using static GlacierTrail.Gen.Tests.Hostile.HostileHarness;

namespace GlacierTrail.Gen.Tests.Hostile;

/// <summary>
/// Issue 5: hostile schema files never inject code and never make generated source fail to
/// compile. Each case either gets safe output (escaped literals, <c>@keyword</c>, sanitised doc
/// comments), proven by compiling and running it, or a GTG diagnostic at the offending text.
/// </summary>
public sealed class HostileSchemaTests
{
    // Property names ------------------------------------------------------------------------

    [Fact]
    public void Property_names_with_quotes_backslashes_newlines_and_comment_markers_are_exact_literals()
    {
        // Each hostile key is named through x-csharp-name; the key itself reaches the code only as a literal.
        const string members =
            "\"a\\\"); System.Environment.Exit(1); (\\\"\": { \"type\": \"string\", \"x-csharp-name\": \"Quote\" },\n" +
            "\"back\\\\slash\\\\\": { \"type\": \"string\", \"x-csharp-name\": \"Backslash\" },\n" +
            "\"line\\nsplitmarker\\r\\u2028\\u0085\": { \"type\": \"string\", \"x-csharp-name\": \"Newline\" },\n" +
            "\"*/ #error injected /*\": { \"type\": \"string\", \"x-csharp-name\": \"Comment\" },\n" +
            "\"\\u00e9t\\u00e9\": { \"type\": \"string\" },\n" +
            "\"\\ud83d\\ude00\": { \"type\": \"string\", \"x-csharp-name\": \"Emoji\" }";
        var run = Run(File("h/Keys.schema.json", Event("Keys", members)));

        AssertSafe(run);
        string source = run.Source("KeysEvent.g.cs");
        Assert.Contains("public string? Été { get; set; }", source, StringComparison.Ordinal);
        AssertNotCode(source, "Exit", "injected", "splitmarker");

        string request = "{\"a\\\"); System.Environment.Exit(1); (\\\"\":\"q\",\"back\\\\slash\\\\\":\"b\",\"line\\nsplitmarker\\r\\u2028\\u0085\":\"n\",\"*/ #error injected /*\":\"c\",\"\\u00e9t\\u00e9\":\"e\",\"\\ud83d\\ude00\":\"s\"}";
        string record = Record("Keys", request);
        using var assembly = Load(run);
        var evt = Parse(assembly, record);
        AssertTyped(evt, "KeysEvent");
        var parameters = ReflectionValues.Get(evt, "RequestParameters");
        Assert.Equal("q", ReflectionValues.Get(parameters, "Quote"));
        Assert.Equal("b", ReflectionValues.Get(parameters, "Backslash"));
        Assert.Equal("n", ReflectionValues.Get(parameters, "Newline"));
        Assert.Equal("c", ReflectionValues.Get(parameters, "Comment"));
        Assert.Equal("e", ReflectionValues.Get(parameters, "Été"));
        Assert.Equal("s", ReflectionValues.Get(parameters, "Emoji"));
        Assert.Null(ReflectionValues.Get(parameters, "ExtensionData"));
        AssertWritesBackEqual(evt, record);
    }

    [Fact]
    public void Property_names_that_are_not_identifiers_are_reported_at_the_key_and_kept_raw()
    {
        string text = Event("BadKeys", "\"a\\\"b\": { \"type\": \"string\" },\n\"#define X\": { \"type\": \"string\" },\n\"x\\u0000y\": { \"type\": \"string\" },\n\"ok\": { \"type\": \"string\" }");
        var run = Run(File("h/BadKeys.schema.json", text));

        AssertSafe(run, "GTG005", "GTG005", "GTG005");
        var diagnostics = run.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
        DiagnosticAssert.At(diagnostics[0], Root + "h/BadKeys.schema.json", text, "\"a\\\"b\"");
        DiagnosticAssert.At(diagnostics[1], Root + "h/BadKeys.schema.json", text, "\"#define X\"");
        DiagnosticAssert.At(diagnostics[2], Root + "h/BadKeys.schema.json", text, "\"x\\u0000y\"");

        string record = Record("BadKeys", "{\"a\\\"b\":\"1\",\"#define X\":\"2\",\"x\\u0000y\":\"3\",\"ok\":\"4\"}");
        using var assembly = Load(run);
        var evt = Parse(assembly, record);
        AssertTyped(evt, "BadKeysEvent");
        Assert.Equal("4", ReflectionValues.Path(evt, "RequestParameters.Ok"));
        AssertWritesBackEqual(evt, record);
    }

    [Fact]
    public void JSON_key_with_a_NUL_character_round_trips_through_its_literal()
    {
        var run = Run(File("h/Nul.schema.json", Event("Nul", "\"a\\u0000b\": { \"type\": \"integer\", \"x-csharp-name\": \"WithNul\" }")));

        AssertSafe(run);
        Assert.Contains("PropertyIs(\"a\\u0000b\"u8)", run.Source("NulEvent.g.cs"), StringComparison.Ordinal);
        string record = Record("Nul", "{\"a\\u0000b\":42,\"ab\":1}");
        using var assembly = Load(run);
        var evt = Parse(assembly, record);
        Assert.Equal(42L, ReflectionValues.Path(evt, "RequestParameters.WithNul"));
        AssertWritesBackEqual(evt, record);
    }

    [Fact]
    public void Keyword_keys_become_PascalCase_and_keyword_x_csharp_names_get_an_at()
    {
        const string members =
            "\"class\": { \"type\": \"string\" },\n" +
            "\"event\": { \"type\": \"string\" },\n" +
            "\"namespace\": { \"type\": \"string\" },\n" +
            "\"k1\": { \"type\": \"string\", \"x-csharp-name\": \"class\" },\n" +
            "\"k2\": { \"type\": \"string\", \"x-csharp-name\": \"event\" },\n" +
            "\"k3\": { \"type\": \"string\", \"x-csharp-name\": \"namespace\" },\n" +
            "\"k4\": { \"type\": \"string\", \"x-csharp-name\": \"string\" }";
        var run = Run(File("h/Keywords.schema.json", Event("Keywords", members)));

        AssertSafe(run);
        string source = run.Source("KeywordsEvent.g.cs");
        Assert.Contains("public string? Class { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("public string? @class { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("public string? @event { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("public string? @namespace { get; set; }", source, StringComparison.Ordinal);
        Assert.Contains("public string? @string { get; set; }", source, StringComparison.Ordinal);

        string record = Record("Keywords", "{\"class\":\"C\",\"event\":\"E\",\"namespace\":\"N\",\"k1\":\"1\",\"k2\":\"2\",\"k3\":\"3\",\"k4\":\"4\"}");
        using var assembly = Load(run);
        var evt = Parse(assembly, record);
        var parameters = ReflectionValues.Get(evt, "RequestParameters");
        Assert.Equal("C", ReflectionValues.Get(parameters, "Class"));
        Assert.Equal("1", ReflectionValues.Get(parameters, "class"));
        Assert.Equal("2", ReflectionValues.Get(parameters, "event"));
        Assert.Equal("4", ReflectionValues.Get(parameters, "string"));
        AssertWritesBackEqual(evt, record);
    }

    [Fact]
    public void Keyword_x_csharp_names_for_types_get_an_at()
    {
        string text =
            "{\n" +
            "  \"x-cloudtrail\": { \"eventSource\": \"hostile.example.com\", \"eventName\": \"TypeKeywords\" },\n" +
            "  \"x-csharp-name\": \"class\",\n" +
            "  \"$defs\": {\n" +
            "    \"a\": { \"type\": \"object\", \"x-csharp-name\": \"event\", \"properties\": { \"n\": { \"type\": \"integer\" } } },\n" +
            "    \"b\": { \"type\": \"string\", \"x-csharp-name\": \"namespace\", \"enum\": [ \"x\" ] }\n" +
            "  },\n" +
            "  \"type\": \"object\",\n" +
            "  \"properties\": { \"requestParameters\": { \"type\": \"object\", \"properties\": {\n" +
            "    \"a\": { \"$ref\": \"#/$defs/a\" }, \"b\": { \"$ref\": \"#/$defs/b\" } } } }\n" +
            "}\n";
        var run = Run(File("h/TypeKeywords.schema.json", text));

        AssertSafe(run);
        string source = run.Source("classEvent.g.cs");
        Assert.Contains("public sealed partial class @event", source, StringComparison.Ordinal);
        Assert.Contains("public readonly partial record struct @namespace", source, StringComparison.Ordinal);
        string record = Record("TypeKeywords", "{\"a\":{\"n\":1},\"b\":\"x\"}");
        using var assembly = Load(run);
        var evt = Parse(assembly, record);
        AssertTyped(evt, "classEvent");
        Assert.Equal(1L, ReflectionValues.Path(evt, "RequestParameters.A.N"));
        Assert.Equal(true, ReflectionValues.Path(evt, "RequestParameters.B.IsKnown"));
        AssertWritesBackEqual(evt, record);
    }

    [Fact]
    public void Names_differing_only_in_case_are_reported_at_the_second_key()
    {
        string text = Event("Case", "\"vaultName\": { \"type\": \"string\" },\n\"VaultName\": { \"type\": \"integer\" }");
        var run = Run(File("h/Case.schema.json", text));

        AssertSafe(run, "GTG006");
        DiagnosticAssert.At(run.Single("GTG006"), Root + "h/Case.schema.json", text, "\"VaultName\"");
        string record = Record("Case", "{\"vaultName\":\"v\",\"VaultName\":7}");
        using var assembly = Load(run);
        var evt = Parse(assembly, record);
        Assert.Equal("v", ReflectionValues.Path(evt, "RequestParameters.VaultName"));
        AssertWritesBackEqual(evt, record);
    }

    [Fact]
    public void Property_named_like_its_containing_class_is_reported()
    {
        // requestParameters of "Self" is the class SelfRequestParameters; a member may not share its name.
        string text = Event("Self", "\"selfRequestParameters\": { \"type\": \"string\" },\n\"other\": { \"type\": \"string\", \"x-csharp-name\": \"SelfRequestParameters\" }");
        var run = Run(File("h/Self.schema.json", text));

        AssertSafe(run, "GTG006", "GTG006");
        var diagnostics = run.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
        DiagnosticAssert.At(diagnostics[0], Root + "h/Self.schema.json", text, "\"selfRequestParameters\"");
        DiagnosticAssert.At(diagnostics[1], Root + "h/Self.schema.json", text, "\"other\"");
    }

    [Fact]
    public void Properties_named_like_generated_members_are_reported()
    {
        string text = Event("Members", "\"extensionData\": { \"type\": \"string\" },\n\"read\": { \"type\": \"string\" },\n\"writeTo\": { \"type\": \"string\" },\n\"x\": { \"type\": \"string\", \"x-csharp-name\": \"ToString\" }");
        var run = Run(File("h/Members.schema.json", text));

        AssertSafe(run, "GTG006", "GTG006", "GTG006", "GTG006");
        var diagnostics = run.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
        DiagnosticAssert.At(diagnostics[0], Root + "h/Members.schema.json", text, "\"extensionData\"");
        DiagnosticAssert.At(diagnostics[1], Root + "h/Members.schema.json", text, "\"read\"");
        DiagnosticAssert.At(diagnostics[2], Root + "h/Members.schema.json", text, "\"writeTo\"");
        DiagnosticAssert.At(diagnostics[3], Root + "h/Members.schema.json", text, "\"x\"");
        string record = Record("Members", "{\"extensionData\":\"e\",\"read\":\"r\",\"writeTo\":\"w\",\"x\":\"x\"}");
        using var assembly = Load(run);
        AssertWritesBackEqual(Parse(assembly, record), record);
    }

    [Fact]
    public void Properties_named_like_the_generated_codes_locals_still_read_and_write()
    {
        // The reader and writer use locals and parameters (reader, writer, extensionData, v0,
        // seen0, value0, item0, pair0, element0, list0, map0, key0, mark, verbatim): a property
        // with one of those names must not be mistaken for them.
        string[] names = { "reader", "writer", "extensionData", "v0", "seen0", "value0", "value1", "item0", "pair0", "element0", "list0", "map0", "key0", "mark", "verbatim" };
        string members = string.Join(",\n", names.Select((n, i) => $"\"k{i}\": {{ \"type\": \"string\", \"x-csharp-name\": \"{n}\" }}")) +
            ",\n\"list\": { \"type\": \"array\", \"items\": { \"type\": [\"string\", \"null\"] } },\n\"map\": { \"type\": \"object\", \"additionalProperties\": { \"type\": \"string\", \"format\": \"date-time\" } }";
        var run = Run(File("h/Locals.schema.json", Event("Locals", members)));

        AssertSafe(run);
        string request = "{" + string.Join(",", names.Select((n, i) => $"\"k{i}\":\"{n}!\"")) + ",\"list\":[\"a\",null],\"map\":{\"t\":\"2025-01-02T03:04:05Z\"}}";
        string record = Record("Locals", request);
        using var assembly = Load(run);
        var evt = Parse(assembly, record);
        var parameters = ReflectionValues.Get(evt, "RequestParameters");
        foreach (string name in names)
        {
            Assert.Equal(name + "!", ReflectionValues.Get(parameters, name));
        }

        AssertWritesBackEqual(evt, record);
    }

    // Descriptions -------------------------------------------------------------------------

    [Fact]
    public void Descriptions_cannot_close_the_doc_comment_or_start_a_directive()
    {
        const string hostile = "q\\\"uote \\\\ back */ end /* open </summary> <script>alert(1)</script> &amp; ]]> <![CDATA[ x\\n#region r\\n#error boom\\r#pragma warning disable\\u2028#line 1 \\\"x\\\"\\u0085#if X\\u0000 nul \\n\\n   \\n}";
        string members = "\"v\": { \"type\": \"string\", \"description\": \"" + hostile + "\" },\n\"e\": { \"type\": \"string\", \"enum\": [\"a\"], \"description\": \"" + hostile + "\" }";
        string text = Event("Described", members, "  \"description\": \"" + hostile + "\",\n  \"x-evidence\": \"" + hostile + "\",\n");
        var run = Run(File("h/Described.schema.json", text));

        AssertSafe(run);
        string source = run.Source("DescribedEvent.g.cs");
        AssertNotCode(source, "script", "boom", "alert", "uote", "CDATA");
        Assert.DoesNotContain("<script>", source, StringComparison.Ordinal);
        Assert.Contains("&lt;/summary&gt; &lt;script&gt;alert(1)&lt;/script&gt; &amp;amp; ]]&gt;", source, StringComparison.Ordinal);
        foreach (string line in source.Split('\n').Where(l => l.Contains("*/", StringComparison.Ordinal) || l.Contains("boom", StringComparison.Ordinal)))
        {
            Assert.StartsWith("///", line.TrimStart(), StringComparison.Ordinal);
        }

        // Event summary and evidence, both properties, and the enum type (its schema is the property's).
        Assert.Equal(5, source.Split('\n').Count(l => l.Trim() == "/// #error boom"));
    }

    [Fact]
    public void Huge_description_is_one_doc_line_per_line()
    {
        string description = string.Concat(Enumerable.Repeat("A line with </summary> and */ in it.\\n", 20_000));
        var run = Run(File("h/LongDoc.schema.json", Event("LongDoc", "\"v\": { \"type\": \"string\", \"description\": \"" + description + "\" }")));

        AssertSafe(run);
        Assert.Equal(20_000, run.Source("LongDocEvent.g.cs").Split('\n').Count(l => l.Trim() == "/// A line with &lt;/summary&gt; and */ in it."));
    }

    // Events -------------------------------------------------------------------------------

    [Fact]
    public void An_eventName_that_is_not_an_identifier_is_reported_at_the_binding()
    {
        string text = Event("Create Vault!\\\"; }", "\"v\": { \"type\": \"string\" }");
        var run = Run(File("h/BadName.schema.json", text));

        AssertSafe(run, "GTG005");
        DiagnosticAssert.At(run.Single("GTG005"), Root + "h/BadName.schema.json", text, "{ \"eventSource\": \"hostile.example.com\", \"eventName\": \"Create Vault!\\\"; }\" }");
        Assert.Equal(new[] { "GlacierTrailEvents.Metadata.g.cs", "GlacierTrailEvents.g.cs" }, run.HintNames);
    }

    [Fact]
    public void EventSource_and_eventName_with_quotes_backslashes_and_newlines_dispatch_exactly()
    {
        // eventSource and eventName appear in u8 literals (the dispatcher), string literals (Key) and doc comments.
        const string source = "evil\\\"src\\\\.example.com\\n*/ </summary>";
        const string name = "Do\\\"It\\\\\\r\\n#error x \\u2028\\ud83d\\ude00";
        var run = Run(File("h/Evil.schema.json", Event(name, "\"v\": { \"type\": \"string\" }", "  \"x-csharp-name\": \"Evil\",\n", source)));

        AssertSafe(run);
        AssertNotCode(AllSources(run), "evil", "error", "summary");
        string plainSource = "evil\"src\\.example.com\n*/ </summary>";
        string plainName = "Do\"It\\\r\n#error x \u2028\U0001F600";
        string record = Record(plainName, "{\"v\":\"ok\"}", plainSource);
        using var assembly = Load(run);
        var evt = Parse(assembly, record);
        AssertTyped(evt, "EvilEvent");
        Assert.Equal(plainName, evt.EventName);
        Assert.Equal(plainSource, evt.EventSource);
        Assert.Equal("ok", ReflectionValues.Path(evt, "RequestParameters.V"));
        Assert.IsType<UnknownCloudTrailEvent>(Parse(assembly, Record(plainName.Replace("\\", string.Empty, StringComparison.Ordinal), "{}", plainSource)));
        AssertWritesBackEqual(evt, record);
    }

    [Fact]
    public void Two_events_whose_names_differ_only_in_case_are_reported()
    {
        string first = Event("CaseEvent", "\"a\": { \"type\": \"string\" }");
        string second = Event("caseEvent", "\"b\": { \"type\": \"string\" }");
        var run = Run(File("h/a.schema.json", first), File("h/b.schema.json", second));

        // Both derive the class CaseEventEvent: the second is left out, and says so at its binding.
        AssertSafe(run, "GTG012");
        DiagnosticAssert.At(run.Single("GTG012"), Root + "h/b.schema.json", second, "\"x-cloudtrail\"");
    }

    [Fact]
    public void Two_events_whose_class_names_differ_only_in_case_are_reported()
    {
        // Distinct C# types, but the class name is the hint name, and hint names (like file names
        // on some systems) ignore case: before the fix the generator crashed here.
        string first = Event("Upper", "\"a\": { \"type\": \"string\" }", "  \"x-csharp-name\": \"Thing\",\n");
        string second = Event("lower", "\"b\": { \"type\": \"string\" }", "  \"x-csharp-name\": \"thing\",\n");
        var run = Run(File("h/Upper.schema.json", first), File("h/lower.schema.json", second));

        AssertSafe(run, "GTG012");
        DiagnosticAssert.At(run.Single("GTG012"), Root + "h/lower.schema.json", second, "\"x-cloudtrail\"");
        using var assembly = Load(run);
        AssertTyped(Parse(assembly, Record("Upper", "{\"a\":\"1\"}")), "ThingEvent");
        Assert.IsType<UnknownCloudTrailEvent>(Parse(assembly, Record("lower", "{\"b\":\"2\"}")));
    }

    [Fact]
    public void Names_longer_than_metadata_allows_are_reported()
    {
        string longKey = new('k', 300);
        string longName = new('N', 300);
        string text = Event("Long", "\"" + longKey + "\": { \"type\": \"string\" },\n\"x\": { \"type\": \"string\", \"x-csharp-name\": \"" + longName + "\" }");
        var run = Run(File("h/Long.schema.json", text));

        AssertSafe(run, "GTG005", "GTG009");
        DiagnosticAssert.At(run.Single("GTG005"), Root + "h/Long.schema.json", text, "\"" + longKey + "\"");
        DiagnosticAssert.At(run.Single("GTG009"), Root + "h/Long.schema.json", text, "\"" + longName + "\"");
    }

    // Enums ---------------------------------------------------------------------------------

    [Fact]
    public void Enum_values_with_quotes_newlines_and_comment_markers_are_exact_literals()
    {
        const string values = "\"a\\\"b\", \"c\\\\d\", \"e\\nf\", \"*/\", \"/*\", \"#error x\", \"\", \"Value\", \"Read\", \"known values\", \"\\u0000\", \"\\ud83d\\ude00\", \"class\", \"1st\", \"\\u0660\"";
        var run = Run(File("h/Enum.schema.json", Event("Enum", "\"e\": { \"type\": \"array\", \"items\": { \"type\": \"string\", \"enum\": [" + values + "] } }")));

        AssertSafe(run);
        string[] plain = { "a\"b", "c\\d", "e\nf", "*/", "/*", "#error x", string.Empty, "Value", "Read", "known values", "\0", "\U0001F600", "class", "1st", "\u0660" };
        string record = Record("Enum", "{\"e\":[" + values + ",\"other\"]}");
        using var assembly = Load(run);
        var evt = Parse(assembly, record);
        var items = ((System.Collections.IEnumerable)ReflectionValues.Path(evt, "RequestParameters.E")!).Cast<object>().ToList();
        Assert.Equal(plain.Append("other"), items.Select(i => (string)ReflectionValues.Get(i, "Value")!));
        Assert.Equal(plain.Select(_ => true).Append(false), items.Select(i => (bool)ReflectionValues.Get(i, "IsKnown")!));
        AssertWritesBackEqual(evt, record);
    }

    [Fact]
    public void Enum_value_with_a_lone_surrogate_escape_is_invalid_JSON_at_the_value()
    {
        string text = Event("Lone", "\"e\": { \"type\": \"string\", \"enum\": [\"ok\", \"\\udc00x\"] }");
        var run = Run(File("h/Lone.schema.json", text));

        AssertSafe(run, "GTG001");
        DiagnosticAssert.AtPoint(run.Single("GTG001"), Root + "h/Lone.schema.json", text, "\"\\udc00x\"");
    }

    // $ref ---------------------------------------------------------------------------------

    [Fact]
    public void Ref_cycles_are_reported_or_kept_raw()
    {
        string local =
            "{\n  \"x-cloudtrail\": { \"eventSource\": \"hostile.example.com\", \"eventName\": \"Cycle\" },\n" +
            "  \"$defs\": { \"a\": { \"$ref\": \"#/$defs/b\" }, \"b\": { \"$ref\": \"#/$defs/a\" },\n" +
            "    \"node\": { \"type\": \"object\", \"properties\": { \"next\": { \"$ref\": \"#/$defs/node\" }, \"far\": { \"$ref\": \"other.schema.json#/$defs/x\" } } } },\n" +
            "  \"type\": \"object\",\n  \"properties\": { \"requestParameters\": { \"type\": \"object\", \"properties\": {\n" +
            "    \"a\": { \"$ref\": \"#/$defs/a\" }, \"node\": { \"$ref\": \"#/$defs/node\" } } } }\n}\n";

        // Across files: x → this file's y → other file's x: resolution stops and keeps the value raw.
        const string other = "{ \"$defs\": { \"x\": { \"$ref\": \"third.schema.json#/$defs/y\" } } }";
        const string third = "{ \"$defs\": { \"y\": { \"$ref\": \"other.schema.json#/$defs/x\" } } }";
        var run = Run(File("h/Cycle.schema.json", local), File("h/other.schema.json", other), File("h/third.schema.json", third));

        AssertSafe(run, "GTG010");
        DiagnosticAssert.At(run.Single("GTG010"), Root + "h/Cycle.schema.json", local, "\"#/$defs/a\"");
        string record = Record("Cycle", "{\"a\":[1],\"node\":{\"next\":{\"next\":{\"far\":{\"deep\":true}}}}}");
        using var assembly = Load(run);
        var evt = Parse(assembly, record);
        Assert.NotNull(ReflectionValues.Path(evt, "RequestParameters.Node.Next.Next.Far"));
        AssertWritesBackEqual(evt, record);
    }

    [Fact]
    public void Refs_that_climb_out_of_defs_or_the_file_tree_are_unresolved()
    {
        string text = Event("Climb", "\"a\": { \"$ref\": \"#/$defs/../../etc\" },\n\"b\": { \"$ref\": \"../../../../../etc/passwd#/$defs/root\" },\n\"c\": { \"$ref\": \"#/$defs/\" },\n\"d\": { \"$ref\": \"#\" }");
        var run = Run(File("h/Climb.schema.json", text));

        AssertSafe(run, "GTG007", "GTG007", "GTG007", "GTG007");
        var diagnostics = run.GeneratorDiagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
        DiagnosticAssert.At(diagnostics[0], Root + "h/Climb.schema.json", text, "\"#/$defs/../../etc\"");
        DiagnosticAssert.At(diagnostics[1], Root + "h/Climb.schema.json", text, "\"../../../../../etc/passwd#/$defs/root\"");
        DiagnosticAssert.At(diagnostics[2], Root + "h/Climb.schema.json", text, "\"#/$defs/\"");
        DiagnosticAssert.At(diagnostics[3], Root + "h/Climb.schema.json", text, "\"#\"");
    }

    // Type names ---------------------------------------------------------------------------

    [Fact]
    public void Definitions_named_like_generated_members_or_the_dispatcher_still_compile()
    {
        // A shared file's types carry no prefix: a class named Read would hold a method Read,
        // an enum type named Value a property Value, and GlacierTrailEvents is the dispatcher.
        const string shared =
            "{ \"$defs\": {\n" +
            "  \"read\": { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } },\n" +
            "  \"writeTo\": { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } },\n" +
            "  \"extensionData\": { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } },\n" +
            "  \"value\": { \"type\": \"string\", \"enum\": [\"x\"] },\n" +
            "  \"isKnown\": { \"type\": \"string\", \"enum\": [\"x\"] },\n" +
            "  \"knownValues\": { \"type\": \"string\", \"enum\": [\"x\"] },\n" +
            "  \"glacierTrailEvents\": { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } }\n" +
            "} }";
        string evt = Event("UsesShared", "\"r\": { \"$ref\": \"shared.schema.json#/$defs/read\" },\n\"v\": { \"$ref\": \"shared.schema.json#/$defs/value\" },\n\"g\": { \"$ref\": \"shared.schema.json#/$defs/glacierTrailEvents\" }");
        var run = Run(File("h/shared.schema.json", shared), File("h/UsesShared.schema.json", evt));

        AssertSafe(run);
        string record = Record("UsesShared", "{\"r\":{\"a\":\"1\"},\"v\":\"x\",\"g\":{\"a\":\"2\"}}");
        using var assembly = Load(run);
        var parsed = Parse(assembly, record);
        Assert.Equal("1", ReflectionValues.Path(parsed, "RequestParameters.R.A"));
        Assert.Equal(true, ReflectionValues.Path(parsed, "RequestParameters.V.IsKnown"));
        Assert.Equal("2", ReflectionValues.Path(parsed, "RequestParameters.G.A"));
        AssertWritesBackEqual(parsed, record);
    }

    // Size ---------------------------------------------------------------------------------

    [Fact]
    public void Ten_thousand_properties_generate_and_compile()
    {
        // Execution is left to the other tests: compiling 10 MB of generated code twice (diagnostics,
        // then emit) would double the slowest test in the suite for nothing new.
        const int count = 10_000;
        string[] types = { "string", "integer", "boolean", "number" };
        string members = string.Join(",\n", Enumerable.Range(0, count).Select(i => $"\"p{i}\": {{ \"type\": \"{types[i % 4]}\" }}"));
        var run = Run(File("h/Wide.schema.json", Event("Wide", members)));

        AssertSafe(run);
        Assert.Equal(count, run.Source("WideEvent.g.cs").Split('\n').Count(l => l.Contains("PropertyIs(\"p", StringComparison.Ordinal)));
        // Not a speed measure (that is the bench's job, and test machines share their cores): a
        // bound that only work growing faster than the input, such as a quadratic pass, could reach.
        Assert.True(run.Driver.GetTimingInfo().ElapsedTime < TimeSpan.FromMinutes(2), $"The generator took {run.Driver.GetTimingInfo().ElapsedTime}.");
    }

    [Fact]
    public void Nesting_two_hundred_deep_generates_and_round_trips()
    {
        const int depth = 200;
        string schema = "{ \"type\": \"string\" }";
        for (int i = 0; i < depth; i++)
        {
            schema = "{ \"type\": \"object\", \"properties\": { \"child\": " + schema + " } }";
        }

        var run = Run(File("h/Deep.schema.json", Event("Deep", "\"root\": " + schema)));

        AssertSafe(run);
        string value = "\"leaf\"";
        for (int i = 0; i < depth; i++)
        {
            value = "{\"child\":" + value + "}";
        }

        string record = Record("Deep", "{\"root\":" + value + "}");
        using var assembly = Load(run);
        var evt = Parse(assembly, record, maxDepth: 512);
        Assert.Equal("leaf", ReflectionValues.Path(evt, "RequestParameters.Root" + string.Concat(Enumerable.Repeat(".Child", depth))));
        AssertWritesBackEqual(evt, record);
    }

    [Fact]
    public void Nesting_beyond_the_readers_limit_is_invalid_JSON_not_a_crash()
    {
        string schema = string.Concat(Enumerable.Repeat("[", 100_000)) + string.Concat(Enumerable.Repeat("]", 100_000));
        var run = Run(File("h/TooDeep.schema.json", schema));

        AssertSafe(run, "GTG001");
        Assert.Equal(0, run.Single("GTG001").Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Fifty_megabyte_schema_completes_with_small_output()
    {
        // The realistic hostile shape: a schema that embeds a huge sample log in "examples" (an
        // annotation). The generator must read all 50 MB, not hang or crash, and emit only the
        // types it describes; 50 MB of *generated* code would measure the C# compiler, not us.
        var text = new StringBuilder(52 * 1024 * 1024);
        text.Append("{\n  \"x-cloudtrail\": { \"eventSource\": \"hostile.example.com\", \"eventName\": \"Big\" },\n  \"examples\": [\n");
        const string sample = "    { \"vaultName\": \"vault-\\\"quoted\\\"-\\u00e9\", \"tags\": [\"*/\", \"#error\", \"</summary>\"], \"size\": 123456789 },\n";
        while (text.Length < 50 * 1024 * 1024)
        {
            text.Append(sample);
        }

        text.Append("    {}\n  ],\n  \"type\": \"object\",\n  \"properties\": { \"requestParameters\": { \"type\": \"object\", \"properties\": {\n");
        text.Append("    \"vaultName\": { \"type\": \"string\" }, \"oops\": { \"type\": \"strnig\" } } } }\n}\n");
        string schema = text.ToString();
        var run = Run(File("h/Big.schema.json", schema));

        AssertSafe(run, "GTG004");
        DiagnosticAssert.At(run.Single("GTG004"), Root + "h/Big.schema.json", schema, "\"strnig\"");
        Assert.True(run.Source("BigEvent.g.cs").Length < 20_000);
        // Not a speed measure (that is the bench's job, and test machines share their cores): a
        // bound that only work growing faster than the input, such as a quadratic pass, could reach.
        Assert.True(run.Driver.GetTimingInfo().ElapsedTime < TimeSpan.FromMinutes(2), $"The generator took {run.Driver.GetTimingInfo().ElapsedTime}.");
        using var assembly = Load(run);
        Assert.Equal("v", ReflectionValues.Path(Parse(assembly, Record("Big", "{\"vaultName\":\"v\"}")), "RequestParameters.VaultName"));
    }
}
