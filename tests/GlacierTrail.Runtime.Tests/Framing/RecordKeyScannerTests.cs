using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CsCheck;
using GlacierTrail.Framing;
using Xunit;

namespace GlacierTrail.Runtime.Tests;

/// <summary>
/// The non-validating skim of a record (<see cref="RecordKeyScanner.Skim"/>) against the validating walk
/// it stands in for (<see cref="RecordKeyScanner.TryScan"/>): same length and keys whenever it
/// says Complete, on every path (scalar, 16-byte and 32-byte vectors, and the one the machine
/// picks). GLACIERTRAIL_FUZZ_CASES sets the number of generated cases (default 2,000).
/// </summary>
public sealed class RecordKeyScannerTests
{
    private const int DefaultDepth = 64;

    private delegate SkimResult SkimPath(ReadOnlySpan<byte> data, int maxDepth, out int length, out RecordKeys keys);

    private static readonly (string Name, SkimPath Skim)[] Paths =
    [
        ("scalar", RecordKeyScanner.SkimScalar),
        ("vector128", (ReadOnlySpan<byte> data, int maxDepth, out int length, out RecordKeys keys) =>
            RecordKeyScanner.SkimBlocks(data, maxDepth, wide: false, out length, out keys)),
        ("vector256", (ReadOnlySpan<byte> data, int maxDepth, out int length, out RecordKeys keys) =>
            RecordKeyScanner.SkimBlocks(data, maxDepth, wide: true, out length, out keys)),
        ("default", RecordKeyScanner.Skim),
    ];

    private static long Cases => long.TryParse(Environment.GetEnvironmentVariable("GLACIERTRAIL_FUZZ_CASES"), out long n) ? n : 2000;

    [Theory]
    [MemberData(nameof(TestPaths.FixtureNames), MemberType = typeof(TestPaths))]
    public void Every_fixture_record_is_skimmed_as_the_reader_scans_it(string fixture)
    {
        byte[] record = File.ReadAllBytes(Path.Combine(TestPaths.Fixtures, fixture));
        int end = Array.LastIndexOf(record, (byte)'}') + 1;
        using var json = JsonDocument.Parse(record);

        var skimmed = SkimAll(record);

        Assert.Equal(SkimResult.Complete, skimmed.Result);
        Assert.Equal(end, skimmed.Length);
        Assert.Equal(json.RootElement.GetProperty("eventSource").GetString(), skimmed.Source);
        Assert.Equal(json.RootElement.GetProperty("eventName").GetString(), skimmed.Name);
        Assert.Equal(Reference(record), skimmed);
    }

    [Fact]
    public void TryFind_answers_as_the_walk_where_the_skim_cannot_vouch()
    {
        // A duplicate dispatch key: the skim leaves it to the walk, where the last one counts.
        byte[] twice = """{"eventName":"A","eventSource":"s","eventName":"B"} trailing"""u8.ToArray();

        Assert.Equal(SkimResult.Fallback, RecordKeyScanner.Skim(twice, DefaultDepth, out _, out _));
        Assert.True(RecordKeyScanner.TryFind(twice, isFinal: false, DefaultDepth, suspectPast: 1 << 20, out int length, out var keys));
        Assert.Equal(Reference(twice), Skimmed.Of(SkimResult.Complete, length, keys, twice));
        Assert.Equal("B", Encoding.UTF8.GetString(keys.Name.Utf8(twice)));
    }

    [Fact]
    public void TryFind_trusts_an_open_record_only_up_to_the_suspect_length()
    {
        // A control character inside a string: the skim, which checks nothing, reads on for the
        // closing quote; the walk finds the damage at once.
        byte[] open = [.. """{"eventSource":"s","eventName":"A","note":"a"""u8, 0x01, .. new byte[100].AsSpan()];
        open.AsSpan(open.Length - 100).Fill((byte)'x');

        Assert.Equal(SkimResult.NeedMore, RecordKeyScanner.Skim(open, DefaultDepth, out _, out _));
        Assert.False(RecordKeyScanner.TryFind(open, isFinal: false, DefaultDepth, suspectPast: open.Length, out _, out _));
        Assert.ThrowsAny<JsonException>(() => RecordKeyScanner.TryFind(open, isFinal: false, DefaultDepth, suspectPast: open.Length - 1, out _, out _));
    }

    [Fact]
    public void Each_element_of_a_log_is_skimmed_with_the_rest_of_the_log_after_it()
    {
        byte[] log = File.ReadAllBytes(TestPaths.ExampleLog);
        var reader = new Utf8JsonReader(log);
        int elements = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2)
            {
                var rest = log.AsSpan((int)reader.TokenStartIndex);

                var skimmed = SkimAll(rest);

                Assert.Equal(SkimResult.Complete, skimmed.Result);
                Assert.Equal(Reference(rest), skimmed);
                Assert.Equal("glacier.amazonaws.com", skimmed.Source);
                Assert.NotNull(skimmed.Name);
                elements++;
            }
        }

        Assert.Equal(4, elements);
    }

    [Theory]
    [InlineData("""{"eventSource":"s","eventName":"n","requestParameters":{"a":[1,{"b":"c"}]}}""")]
    [InlineData("""{"requestParameters":{"a":[1,{"b":"c"}]},"userIdentity":{},"eventSource":"s","x":[],"eventName":"n"}""")]
    [InlineData("""{"a":{"eventSource":"x","eventName":"y"},"eventSource":"s","b":[{"eventName":"z"}],"eventName":"n"}""")]
    [InlineData("""{"userAgent":"\"eventSource\":\"x\"","eventSource":"s","m":"\"eventName\":\"y\"","eventName":"n"}""")]
    [InlineData("""{"x":"eventSource","eventSource":"s","eventName":"n","y":"eventName"}""")]
    [InlineData("{ \"eventSource\" : \"s\" ,\"eventName\"\t:\r\n\"n\" }")]
    [InlineData("""{"a":"{[}]\"}","b":["]}"],"eventSource":"s","c":"{{{{","eventName":"n"}""")]
    [InlineData("""{"a":"x\\","eventSource":"s","b":"y\\\\","eventName":"n","c":"z\\\"}"}""")]
    [InlineData("""{"a":{"event\\Source":"x","\\":["\\"]},"eventSource":"s","eventName":"n"}""")]
    public void Top_level_keys_are_found_wherever_they_stand(string json)
    {
        byte[] data = Encoding.UTF8.GetBytes(json);

        var skimmed = SkimAll(data);

        Assert.Equal(SkimResult.Complete, skimmed.Result);
        Assert.Equal(data.Length, skimmed.Length);
        Assert.Equal("s", skimmed.Source);
        Assert.Equal("n", skimmed.Name);
        Assert.Equal(Reference(data), skimmed);
    }

    [Fact]
    public void A_dispatch_value_may_be_the_other_key_name()
    {
        byte[] data = """{"eventSource":"eventName","eventName":"eventSource"}"""u8.ToArray();

        var skimmed = SkimAll(data);

        Assert.Equal(SkimResult.Complete, skimmed.Result);
        Assert.Equal("eventName", skimmed.Source);
        Assert.Equal("eventSource", skimmed.Name);
        Assert.Equal(Reference(data), skimmed);
    }

    [Theory]
    [InlineData("""{"eventSource":null,"eventName":1}""")]
    [InlineData("""{"eventSource":true,"eventName":-1.5e3}""")]
    [InlineData("""{"eventSource":{"eventSource":"x"},"eventName":["n"]}""")]
    [InlineData("""{"eventSource":[],"eventName":{}}""")]
    [InlineData("""{"a":1}""")]
    [InlineData("""{}""")]
    public void Dispatch_keys_that_are_absent_or_not_strings_are_not_present(string json)
    {
        byte[] data = Encoding.UTF8.GetBytes(json);

        var skimmed = SkimAll(data);

        Assert.Equal(SkimResult.Complete, skimmed.Result);
        Assert.Equal(data.Length, skimmed.Length);
        Assert.Null(skimmed.Source);
        Assert.Null(skimmed.Name);
        Assert.Equal(Reference(data), skimmed);
    }

    [Fact]
    public void Empty_dispatch_values_are_present()
    {
        byte[] data = """{"eventSource":"","eventName":""}"""u8.ToArray();

        var skimmed = SkimAll(data);

        Assert.Equal(SkimResult.Complete, skimmed.Result);
        Assert.Equal("", skimmed.Source);
        Assert.Equal("", skimmed.Name);
        Assert.Equal(Reference(data), skimmed);
    }

    [Fact]
    public void Multi_byte_utf8_is_passed_over_and_kept_in_values()
    {
        byte[] data = Encoding.UTF8.GetBytes("""{"é":"日本🧊{","eventSource":"glacier.é.amazonaws.com","ключ":["😀]"],"eventName":"Créer日本"}""");

        var skimmed = SkimAll(data);

        Assert.Equal(SkimResult.Complete, skimmed.Result);
        Assert.Equal(data.Length, skimmed.Length);
        Assert.Equal("glacier.é.amazonaws.com", skimmed.Source);
        Assert.Equal("Créer日本", skimmed.Name);
        Assert.Equal(Reference(data), skimmed);
    }

    /// <summary>
    /// Backslash runs, escaped quotes, brackets in strings and whole strings moved across every
    /// 16-, 32- and 64-byte boundary by a padding member of every length from 0 to 130.
    /// </summary>
    [Fact]
    public void Escapes_and_strings_that_straddle_block_boundaries_are_delimited_exactly()
    {
        string[] tails =
        [
            """ "a\\\\","eventSource":"s","b":"a\\\"}]","eventName":"n" """,
            """ "\\","eventSource":"s","eventName":"n","c":"\"\"\\\"\\\\\"" """,
            """ "x\\\\\\\\\\\"{[","eventName":"n","d":{"e":"\\\\\\"},"eventSource":"s" """,
            """ "\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"\\\"","eventSource":"s","eventName":"n" """,
            """ "eventSource","eventSource" : "s", "eventName":"n", "userAgent":"\"eventName\":\"x\"" """,
        ];
        int[] runs = [0, 1, 2, 3, 4, 5, 6, 7, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 129];
        foreach (string tail in tails.Concat(runs.Select(Backslashes)))
        {
            for (int pad = 0; pad <= 130; pad++)
            {
                byte[] data = Encoding.UTF8.GetBytes("{\"p\":\"" + new string('x', pad) + "\",\"t\":" + tail.Trim() + "}");
                var skimmed = SkimAll(data);

                Assert.Equal(SkimResult.Complete, skimmed.Result);
                Assert.Equal(data.Length, skimmed.Length);
                Assert.Equal("s", skimmed.Source);
                Assert.Equal("n", skimmed.Name);
                Assert.Equal(Reference(data), skimmed);
            }
        }
    }

    /// <summary>A string with a run of backslashes before a quote, which the run escapes when it is odd, then the keys.</summary>
    private static string Backslashes(int run) =>
        "\"a" + new string('\\', run) + (run % 2 == 1 ? "\"}]\"" : "\"") + ",\"eventSource\":\"s\",\"z\":\"" + new string('\\', 2 * run) + "\",\"eventName\":\"n\"";

    [Fact]
    public void Top_level_keys_that_straddle_block_boundaries_are_found()
    {
        for (int pad = 0; pad <= 130; pad++)
        {
            string filler = new('y', pad % 7);
            byte[] data = Encoding.UTF8.GetBytes(
                "{\"" + new string('k', pad) + "\":\"" + filler + "\",\"eventSource\":\"src" + filler + "\",\"q\":[\"\\\\\"],"
                + "\"eventName\":\"" + new string('n', pad) + "\",\"x\":{\"event\\\\Name\":1}}");

            var skimmed = SkimAll(data);

            Assert.Equal(SkimResult.Complete, skimmed.Result);
            Assert.Equal(data.Length, skimmed.Length);
            Assert.Equal("src" + filler, skimmed.Source);
            Assert.Equal(new string('n', pad), skimmed.Name);
            Assert.Equal(Reference(data), skimmed);
        }
    }

    [Fact]
    public void Data_after_the_record_is_not_read()
    {
        byte[] data = """{"eventSource":"s","eventName":"n"},{"eventSource":"t"]}}}"""u8.ToArray();

        var skimmed = SkimAll(data);

        Assert.Equal(SkimResult.Complete, skimmed.Result);
        Assert.Equal(35, skimmed.Length);
        Assert.Equal(Reference(data), skimmed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(64)]
    public void Nesting_deeper_than_the_limit_falls_back(int maxDepth)
    {
        byte[] deepest = Encoding.UTF8.GetBytes("{\"a\":" + new string('[', maxDepth - 1) + "1" + new string(']', maxDepth - 1) + "}");
        byte[] deeper = Encoding.UTF8.GetBytes("{\"a\":" + new string('[', maxDepth) + "1" + new string(']', maxDepth) + "}");

        Assert.Equal(SkimResult.Complete, SkimAll(deepest, maxDepth).Result);
        Assert.Equal(Reference(deepest, maxDepth), SkimAll(deepest, maxDepth));
        Assert.Equal(SkimResult.Fallback, SkimAll(deeper, maxDepth).Result);
        Assert.ThrowsAny<JsonException>(() => Reference(deeper, maxDepth));
    }

    [Fact]
    public void A_zero_limit_means_64_and_nesting_past_64_always_falls_back()
    {
        byte[] depth64 = Encoding.UTF8.GetBytes("{\"a\":" + new string('[', 63) + new string(']', 63) + "}");
        byte[] depth65 = Encoding.UTF8.GetBytes("{\"a\":" + new string('[', 64) + new string(']', 64) + "}");

        Assert.Equal(SkimResult.Complete, SkimAll(depth64, 0).Result);
        Assert.Equal(SkimResult.Fallback, SkimAll(depth65, 0).Result);
        Assert.Equal(SkimResult.Fallback, SkimAll(depth65, 100).Result); // the reader would take it
        Assert.Equal(SkimResult.Complete, Reference(depth65, 100).Result);
    }

    [Theory]
    [InlineData("""{"a":[1}]}""")]
    [InlineData("""{"a":{]}""")]
    [InlineData("""{"a":1]""")]
    [InlineData("""{"a":[{"b":[]]}]}""")]
    public void A_bracket_closed_by_the_other_kind_falls_back(string json) =>
        Assert.Equal(SkimResult.Fallback, SkimAll(Encoding.UTF8.GetBytes(json)).Result);

    [Theory]
    [InlineData("""{"event\u0053ource":"s","eventName":"n"}""")]
    [InlineData("""{"eventSource":"s","eventNam\u0065":"n"}""")]
    [InlineData("""{"a\nb":1,"eventSource":"s","eventName":"n"}""")]
    [InlineData("""{"eventSource":"s","eventName":"n","\"":1}""")]
    [InlineData("""{"eventSource":"gl\u0061cier","eventName":"n"}""")]
    [InlineData("""{"eventSource":"s","eventName":"\"n\""}""")]
    [InlineData("""{"eventSource":"s","eventName":"n\\"}""")]
    public void An_escaped_top_level_name_or_dispatch_value_falls_back(string json)
    {
        byte[] data = Encoding.UTF8.GetBytes(json);

        Assert.Equal(SkimResult.Fallback, SkimAll(data).Result);
        Assert.Equal(SkimResult.Complete, Reference(data).Result);
    }

    /// <summary>
    /// An escaped top-level name is left to the reader when it may decode to a dispatch key (a
    /// backslash among its first six bytes, or those bytes are <c>eventS</c> or <c>eventN</c>),
    /// wherever the name and its escape fall in the blocks; any other escaped name is passed over.
    /// </summary>
    [Fact]
    public void An_escaped_top_level_name_falls_back_where_it_may_be_a_dispatch_key_wherever_it_falls_in_the_blocks()
    {
        for (int pad = 0; pad <= 130; pad++)
        {
            string name = new string('k', pad) + "\\u0041" + new string('k', 200 - pad);
            byte[] data = Encoding.UTF8.GetBytes("{\"eventSource\":\"s\",\"" + name + "\":1,\"eventName\":\"n\"}");
            byte[] asValue = Encoding.UTF8.GetBytes("{\"eventSource\":\"s\",\"v\":\"" + name + "\",\"eventName\":\"n\"}");

            var skimmed = SkimAll(data);
            if (pad < 6)
            {
                Assert.Equal(SkimResult.Fallback, skimmed.Result);
            }
            else
            {
                Assert.Equal(SkimResult.Complete, skimmed.Result);
                Assert.Equal(Reference(data), skimmed);
            }

            Assert.Equal(Reference(asValue), SkimAll(asValue));

            string filler = new('x', pad);
            foreach (string key in new[] { "event\\u0053ource", "eventSourc\\u0065", "eventNam\\u0065", "\\u0065ventName" })
            {
                byte[] shifted = Encoding.UTF8.GetBytes("{\"p\":\"" + filler + "\",\"" + key + "\":\"s\",\"eventName\":\"n\"}");
                Assert.Equal(SkimResult.Fallback, SkimAll(shifted).Result);
                Assert.Equal(SkimResult.Complete, Reference(shifted).Result);
            }
        }
    }

    [Fact]
    public void Escapes_in_deeper_names_and_in_other_values_do_not_fall_back()
    {
        byte[] data = """{"a":{"event\u0053ource":"x","\"":"\\"},"eventSource":"s","b":"\u00e9\"","eventName":"n"}"""u8.ToArray();

        var skimmed = SkimAll(data);

        Assert.Equal(SkimResult.Complete, skimmed.Result);
        Assert.Equal(Reference(data), skimmed);
    }

    [Theory]
    [InlineData("""{"eventSource":"s","eventName":"n","eventSource":"t"}""")]
    [InlineData("""{"eventName":null,"eventSource":"s","eventName":"n"}""")]
    [InlineData("""{"eventName":"n","eventSource":{},"eventSource":"s"}""")]
    public void A_dispatch_key_given_twice_falls_back(string json) =>
        Assert.Equal(SkimResult.Fallback, SkimAll(Encoding.UTF8.GetBytes(json)).Result);

    [Fact]
    public void Repeated_keys_deeper_or_other_repeated_names_do_not_fall_back()
    {
        byte[] data = """{"a":1,"a":2,"x":{"eventSource":"1","eventSource":"2"},"eventSource":"s","eventName":"n"}"""u8.ToArray();

        var skimmed = SkimAll(data);

        Assert.Equal(SkimResult.Complete, skimmed.Result);
        Assert.Equal(Reference(data), skimmed);
    }

    [Fact]
    public void Every_prefix_of_a_record_needs_more_or_falls_back()
    {
        string fixture = File.ReadAllText(Path.Combine(TestPaths.Fixtures, "AbortVaultLock.success.json")).Trim();

        // Escapes, a dispatch key split anywhere, and brackets in strings, as well as the real record.
        string record = fixture[..^1] + ""","z":"\\\"}]\\","eventSourceX":{"k":["\"{"]}}""";
        byte[] data = Encoding.UTF8.GetBytes(record);
        Assert.Equal(SkimResult.Complete, SkimAll(data).Result);

        for (int cut = 0; cut < data.Length; cut++)
        {
            var skimmed = SkimAll(data.AsSpan(0, cut));

            Assert.True(skimmed.Result is SkimResult.NeedMore or SkimResult.Fallback, $"cut at {cut}: {skimmed}");
        }
    }

    [Fact]
    public void Data_that_is_not_an_object_falls_back_and_no_data_needs_more()
    {
        Assert.Equal(SkimResult.NeedMore, SkimAll([]).Result);
        Assert.Equal(SkimResult.Fallback, SkimAll("[1]"u8).Result);
        Assert.Equal(SkimResult.Fallback, SkimAll(" {}"u8).Result);
    }

    /// <summary>
    /// Random objects, random whitespace, random escapes, sometimes cut short, sometimes with more
    /// data after them: whenever the skim says Complete it agrees exactly with the validating scan,
    /// and it says Complete for every whole object that has nothing it must leave to the reader.
    /// </summary>
    [Fact]
    public void Generated_records_are_skimmed_as_the_reader_scans_them()
    {
        JsonGen.Case.Sample(
            c =>
            {
                byte[] data = Encoding.UTF8.GetBytes(c.Data);
                Skimmed reference;
                try
                {
                    reference = Reference(data, c.MaxDepth);
                }
                catch (JsonException)
                {
                    // Valid JSON here, so only the depth limit throws.
                    Assert.Equal(SkimResult.Fallback, SkimAll(data, c.MaxDepth).Result);
                    return;
                }

                var skimmed = SkimAll(data, c.MaxDepth);
                if (skimmed.Result == SkimResult.Complete)
                {
                    Assert.Equal(reference, skimmed);
                }
                else if (reference.Result == SkimResult.Complete)
                {
                    Assert.True(LeavesToReader(data), $"{skimmed.Result} for a record with nothing to leave to the reader");
                }
            },
            iter: Cases);
    }

    /// <summary>Runs every path and checks they agree; the agreed outcome.</summary>
    private static Skimmed SkimAll(ReadOnlySpan<byte> data, int maxDepth = DefaultDepth)
    {
        Skimmed? first = null;
        foreach (var (name, skim) in Paths)
        {
            var result = skim(data, maxDepth, out int length, out var keys);
            var skimmed = Skimmed.Of(result, length, keys, data);
            if (first is null)
            {
                first = skimmed;
            }
            else
            {
                Assert.True(first == skimmed, $"{name} gave {skimmed}, the scalar skim {first}");
            }
        }

        return first!.Value;
    }

    private static Skimmed Reference(ReadOnlySpan<byte> data, int maxDepth = DefaultDepth) =>
        RecordKeyScanner.TryScan(data, isFinal: false, maxDepth, out int length, out var keys)
            ? Skimmed.Of(SkimResult.Complete, length, keys, data)
            : new Skimmed(SkimResult.NeedMore, 0, null, -1, null, -1);

    /// <summary>Whether the whole object at the start has what the skim leaves to the reader: an escaped top-level name or dispatch value, or a dispatch key given twice.</summary>
    private static bool LeavesToReader(byte[] data)
    {
        var reader = new Utf8JsonReader(data, new JsonReaderOptions { MaxDepth = 1000 });
        reader.Read();
        int seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return true;
            }

            int which = reader.ValueTextEquals("eventSource"u8) ? 1 : reader.ValueTextEquals("eventName"u8) ? 2 : 0;
            if ((seen & which) != 0)
            {
                return true;
            }

            seen |= which;
            reader.Read();
            if (which != 0 && reader.TokenType == JsonTokenType.String && reader.ValueIsEscaped)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }

    /// <summary>An outcome to compare: the keys as text and as offsets into the data (-2 when decoded, -1 when absent).</summary>
    private readonly record struct Skimmed(SkimResult Result, int Length, string? Source, int SourceAt, string? Name, int NameAt)
    {
        public static Skimmed Of(SkimResult result, int length, RecordKeys keys, ReadOnlySpan<byte> data)
        {
            if (result != SkimResult.Complete)
            {
                return new Skimmed(result, 0, null, -1, null, -1);
            }

            var (source, sourceAt) = Where(keys.Source, data);
            var (name, nameAt) = Where(keys.Name, data);
            return new Skimmed(result, length, source, sourceAt, name, nameAt);
        }

        private static (string? Text, int At) Where(RecordKeys.KeyValue key, ReadOnlySpan<byte> data)
        {
            if (!key.Present)
            {
                return (null, -1);
            }

            var value = key.Utf8(data);
            long at = Unsafe.ByteOffset(ref MemoryMarshal.GetReference(data), ref MemoryMarshal.GetReference(value));
            return (Encoding.UTF8.GetString(value), at >= 0 && at + value.Length <= data.Length ? (int)at : -2);
        }
    }

    private sealed record SkimCase(string Data, int MaxDepth);

    /// <summary>JSON objects written by hand, so whitespace, escapes and repeated names are random too.</summary>
    private static class JsonGen
    {
        private static readonly Gen<string> Space = Gen.Frequency(
            (8, Gen.Const("")),
            (1, Gen.OneOf(" ", "\n", "\t", "\r\n  ", "   ")));

        private static readonly Gen<string> PlainPiece = Gen.Frequency(
            (8, Gen.Char['a', 'z'].Select(c => c.ToString())),
            (1, Gen.Char['a', 'z'].Array[20, 70].Select(c => new string(c))),
            (2, Gen.OneOf("é", "日本", "🧊", " ", "{", "}", "[", "]", ":", ",", "eventSource", "eventName", "/")));

        private static readonly Gen<string> Piece = Gen.Frequency(
            (11, PlainPiece),
            (3, Gen.OneOf("\\\":", "\\\"", "\\\\", "\\/", "\\n", "\\t", "\\u0041", "\\u00e9", "\\ud83d\\ude00", "\\\\\\\"", "\\\\\\\\", "\\\\\\\\\\\\", "\\\"\\\"")));

        private static readonly Gen<string> Text = Piece.Array[0, 10].Select(p => "\"" + string.Concat(p) + "\"");

        private static readonly Gen<string> NearNames = Gen.OneOf("\"eventSource\"", "\"eventName\"", "\"a\"", "\"requestParameters\"", "\"eventSourceX\"", "\"eventNam\"");

        private static readonly Gen<string> EscapedNames = Gen.OneOf("\"event\\u0053ource\"", "\"eventNam\\u0065\"", "\"\\\"\"");

        private static readonly Gen<string> Name = Gen.Frequency((6, Text), (3, NearNames), (1, EscapedNames));

        // Escaped names at the top level make the skim fall back, so they are kept rare there.
        private static readonly Gen<string> TopName = Gen.Frequency(
            (30, PlainPiece.Array[0, 6].Select(p => "\"" + string.Concat(p) + "\"")),
            (10, Gen.OneOf("\"eventsource\"", "\"a\"", "\"requestParameters\"", "\"eventSourceX\"", "\"eventNam\"", "\"EventName\"")),
            (1, EscapedNames));

        private static readonly Gen<string> Scalar = Gen.Frequency(
            (4, Text),
            (2, Gen.OneOf("0", "-1", "12.5", "3e7", "-0.25E-3", "1234567890123")),
            (1, Gen.OneOf("true", "false", "null")));

        private static readonly Gen<string> Value = Gen.Recursive<string>((depth, value) => depth >= 4
            ? Scalar
            : Gen.Frequency(
                (5, Scalar),
                (1, Members(Name, value).Select(m => Obj(m))),
                (1, Gen.Select(Space, value, Space, (a, v, b) => a + v + b).Array[0, 4].Select(items => "[" + string.Join(",", items) + "]"))));

        private static readonly Gen<string> DispatchValue = Gen.Frequency(
            (6, Gen.OneOf("\"glacier.amazonaws.com\"", "\"InitiateJob\"", "\"\"", "\"eventName\"", "\"日本\"")),
            (2, Value));

        private static readonly Gen<string> Dispatch = Gen.Select(
            Gen.OneOf("\"eventSource\"", "\"eventName\""), Space, Space, DispatchValue, (name, a, b, value) => name + a + ":" + b + value);

        private static readonly Gen<string> Padding = Gen.Int[0, 130].Select(n => "\"p\":\"" + new string('x', n) + "\"");

        private static readonly Gen<string> Record = Gen.Select(
            Members(TopName, Value),
            Gen.Frequency((12, Gen.OneOf(0, 1, 2)), (1, Gen.Const(3))).SelectMany(n => Dispatch.Array[n]),
            Gen.Int[0, 1000].Array[3],
            Gen.Bool,
            Padding,
            (members, dispatch, at, padded, padding) =>
            {
                var all = members.ToList();
                for (int i = 0; i < dispatch.Length; i++)
                {
                    all.Insert(at[i] % (all.Count + 1), dispatch[i]);
                }

                if (padded)
                {
                    all.Insert(0, padding);
                }

                return Obj(all);
            });

        private static readonly Gen<string> After = Gen.OneOf("", "", ",{\"eventSource\":\"t\",\"eventName\":\"u\"}]}", "]}", "\n", " ,{", "}]\"");

        public static readonly Gen<SkimCase> Case = Gen.Select(
            Record,
            After,
            Gen.Int[0, 3],
            Gen.Int[0, 100_000],
            Gen.OneOf(0, 2, 3, 4, 64),
            (record, after, cut, cutAt, maxDepth) =>
            {
                string data = record + after;
                if (cut == 0)
                {
                    data = data[..Math.Max(1, cutAt % data.Length)];
                    if (char.IsHighSurrogate(data[^1]))
                    {
                        data = data[..^1];
                    }
                }

                return new SkimCase(data, maxDepth);
            });

        private static Gen<string[]> Members(Gen<string> name, Gen<string> value) =>
            Gen.Select(Space, name, Space, Space, value, Space, (a, name, b, c, v, d) => a + name + b + ":" + c + v + d).Array[0, 6];

        private static string Obj(IEnumerable<string> members) => "{" + string.Join(",", members) + "}";
    }
}
