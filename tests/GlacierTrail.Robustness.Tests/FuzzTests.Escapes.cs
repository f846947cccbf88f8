using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using GlacierTrail.Events;
using Xunit;

namespace GlacierTrail.Robustness.Tests;

/// <summary>
/// Escapes and encodings in every container shape: lone surrogate escapes (<c>\ud800</c>,
/// <c>\udc00</c>), <c>\u0000</c>, a truncated <c>\u12</c>, invalid UTF-8 bytes, and member names
/// made of them, put inside member names at every level (the container's own included), inside
/// string values, as new members and at any byte. Each input is read through ReadAsync over a
/// stream that hands out a few bytes at a time (so the framer, not the in-memory path, reads it),
/// through Read over memory, and through ParseRecord when it is one record; in default and Strict
/// mode, with Throw and with Skip. The properties: nothing but <see cref="CloudTrailReadException"/>
/// escapes (nothing at all with Skip), every error is placed within the input, every delivered
/// event writes back valid JSON, and in default mode a record that is still a JSON object with a
/// lone surrogate in a member name or string value is delivered with an InvalidUnicode problem.
/// GLACIERTRAIL_FUZZ_CASES scales the number of cases (default 2,000 gives 600 escape cases).
/// </summary>
public partial class FuzzTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The input that ended the command-line tool with an unhandled exception (issue 12).</summary>
    private const string LoneSurrogateName = "{\"\\ud800\":1}";

    /// <summary>Lone surrogates in timestamp strings (the envelope's and a nested one) failed their record instead of being delivered.</summary>
    private static readonly string[] LoneSurrogateFinds =
    [
        "{\"eventTime\":\"2025-05-16T18:52:27Z\\ud800\"}",
        "{\"eventTime\":\"2025-05-16\\udc00T18:52:27Z\"}",
        "{\"userIdentity\":{\"sessionContext\":{\"attributes\":{\"creationDate\":\"2025-08-23T07\\ud800:31:08Z\"}}}}",
    ];

    /// <summary>The reader's entry points.</summary>
    public enum Entry
    {
        Stream,
        Memory,
        File,
        Record,
    }

    [Fact]
    public void Escapes_and_invalid_utf8_in_every_shape_survive()
    {
        EscapeFuzzCase? smallest = null;
        int smallestLength = int.MaxValue;
        long run = 0, delivered = 0;
        try
        {
            EscapeFuzzCase.Gen.Sample(
                c =>
                {
                    Interlocked.Increment(ref run);
                    try
                    {
                        if (CheckEscapes(c))
                        {
                            Interlocked.Increment(ref delivered);
                        }
                    }
                    catch
                    {
                        lock (output)
                        {
                            int length = c.Build().Input.Length;
                            if (length < smallestLength)
                            {
                                (smallest, smallestLength) = (c, length);
                            }
                        }

                        throw;
                    }
                },
                iter: Cases * 3 / 10,
                print: c => c.Describe);
        }
        catch when (smallest is not null)
        {
            SaveEscape(smallest);
            throw;
        }

        output.WriteLine($"{run} escape cases, {delivered} of them a lone surrogate that had to be delivered with its problem");
    }

    [Fact]
    public void Saved_escape_regressions_still_pass()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "Corpus", "escape-regressions");
        foreach (string file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json") : [])
        {
            CheckEscapes(JsonSerializer.Deserialize<EscapeFuzzCase>(File.ReadAllText(file))!);
        }
    }

    /// <summary>
    /// Fixed cases, each a JSON object with a lone surrogate escape, through every entry point.
    /// The first is the input of issue 12 that ended the command-line tool with an unhandled
    /// exception (12 bytes; the issue says 11); the others are the fuzzer's finds, minimised.
    /// </summary>
    public static TheoryData<string, Entry> LoneSurrogateRegressions()
    {
        var data = new TheoryData<string, Entry>();
        foreach (string input in (string[])[LoneSurrogateName, .. LoneSurrogateFinds])
        {
            foreach (var entry in Enum.GetValues<Entry>())
            {
                data.Add(input, entry);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LoneSurrogateRegressions))]
    public void A_lone_surrogate_is_delivered_with_its_problem(string text, Entry entry)
    {
        byte[] input = Encoding.UTF8.GetBytes(text);
        var outcome = ReadThrough(entry, input, chunk: 3, strict: false, CloudTrailErrorHandling.Throw, text);
        Assert.Empty(outcome.Errors);
        var evt = Assert.Single(outcome.Events);
        Assert.Contains(evt.Problems, p => p.Kind == CloudTrailProblemKind.InvalidUnicode);
        CheckEvents(outcome, text);

        var skipped = ReadThrough(entry, input, chunk: 3, strict: true, CloudTrailErrorHandling.Skip, text + " (strict)");
        Assert.Empty(skipped.Events);
        CheckPlacement(Assert.Single(skipped.Errors), input.Length, text + " (strict)");

        // Throw mode: ReadThrough fails on any other exception type.
        var thrown = ReadThrough(entry, input, chunk: 3, strict: true, CloudTrailErrorHandling.Throw, text + " (strict)");
        var error = Assert.Single(thrown.Errors);
        Assert.Equal((skipped.Errors[0].Detail, skipped.Errors[0].RecordIndex, skipped.Errors[0].ByteOffset), (error.Detail, error.RecordIndex, error.ByteOffset));
    }

    /// <summary>Checks one case; says whether it was one whose record had to be delivered with an InvalidUnicode problem.</summary>
    private static bool CheckEscapes(EscapeFuzzCase c)
    {
        var (input, records, mutated, must) = c.Build();
        string describe = $"{c.Describe}\ninput: {Show(input)}";
        byte[]? single = c.InRecord ? records[mutated] : c.Shape == Shape.Bare ? input : null;
        foreach (bool strict in (bool[])[false, true])
        {
            foreach (var entry in (Entry[])[Entry.Stream, Entry.Memory, Entry.Record])
            {
                byte[]? bytes = entry == Entry.Record ? single : input;
                if (bytes is null)
                {
                    continue;
                }

                var skipped = ReadThrough(entry, bytes, c.Chunk, strict, CloudTrailErrorHandling.Skip, describe);
                var thrown = ReadThrough(entry, bytes, c.Chunk, strict, CloudTrailErrorHandling.Throw, describe);
                foreach (var outcome in (Outcome[])[skipped, thrown])
                {
                    CheckEvents(outcome, describe);
                    foreach (var error in outcome.Errors)
                    {
                        CheckPlacement(error, bytes.Length, describe);
                    }
                }

                if (skipped.Errors.Count > 0)
                {
                    Assert.True(thrown.Errors.Count == 1, $"{entry}: Skip reported an error, Throw threw none\n{describe}");
                    Assert.Equal(skipped.Errors[0].Message, thrown.Errors[0].Message);
                }

                if (must && !strict)
                {
                    int expected = entry == Entry.Record ? 1 : c.RecordCount;
                    var evt = entry == Entry.Record ? skipped.Events.FirstOrDefault() : skipped.Events.ElementAtOrDefault(mutated);
                    Assert.True(
                        skipped.Errors.Count == 0 && skipped.Events.Count == expected && evt is not null && evt.Problems.Any(p => p.Kind == CloudTrailProblemKind.InvalidUnicode),
                        $"{entry}: a JSON object with a lone surrogate escape must be delivered with an InvalidUnicode problem; got\n{skipped}{string.Join("\n", evt?.Problems.Select(p => $"problem {p.Kind} {p}") ?? [])}\n{describe}");
                }
            }
        }

        return must;
    }

    /// <summary>Reads through one entry point with a deadline, failing on any exception but <see cref="CloudTrailReadException"/> (and on any at all with Skip).</summary>
    private static Outcome ReadThrough(Entry entry, byte[] input, int chunk, bool strict, CloudTrailErrorHandling mode, string describe)
    {
        var task = Task.Run(async () =>
        {
            var events = new List<CloudTrailEvent>();
            var errors = new List<CloudTrailReadException>();
            var options = new CloudTrailReaderOptions { ErrorHandling = mode, OnError = errors.Add, Strict = strict };
            string? file = null;
            try
            {
                switch (entry)
                {
                    case Entry.Stream:
                        await foreach (var evt in GlacierTrailEvents.ReadAsync(new ChunkedStream(input, chunk), options, "fuzz"))
                        {
                            events.Add(evt);
                        }

                        break;
                    case Entry.Memory:
                        foreach (var evt in GlacierTrailEvents.Read(input, options, "fuzz"))
                        {
                            events.Add(evt);
                        }

                        break;
                    case Entry.File:
                        file = Path.Combine(Path.GetTempPath(), $"glaciertrail-fuzz-{Guid.NewGuid():N}.json");
                        await File.WriteAllBytesAsync(file, input);
                        await foreach (var evt in GlacierTrailEvents.ReadFileAsync(file, options))
                        {
                            events.Add(evt);
                        }

                        break;
                    default:
                        try
                        {
                            events.Add(GlacierTrailEvents.ParseRecord(input, options));
                        }
                        catch (CloudTrailReadException ex) when (mode == CloudTrailErrorHandling.Skip)
                        {
                            // ParseRecord has no Skip: its one record's error is thrown either way.
                            errors.Add(ex);
                        }

                        break;
                }
            }
            catch (CloudTrailReadException ex) when (mode == CloudTrailErrorHandling.Throw)
            {
                errors.Add(ex);
            }
            catch (Exception ex)
            {
                Assert.Fail($"{entry} ({(strict ? "strict" : "default")}, {mode}) let {ex.GetType().FullName} escape:\n{ex}\n{describe}");
            }
            finally
            {
                if (file is not null)
                {
                    File.Delete(file);
                }
            }

            return new Outcome(events, errors, []);
        });
        if (!task.Wait(CaseTimeout + TimeSpan.FromSeconds(5)))
        {
            throw new TimeoutException($"{entry} did not finish within the case's time limit (a hang?)\n{describe}");
        }

        return task.GetAwaiter().GetResult();
    }

    /// <summary>Every delivered event writes back JSON that is valid UTF-8 and parses.</summary>
    private static void CheckEvents(Outcome outcome, string describe)
    {
        foreach (var evt in outcome.Events)
        {
            string json;
            try
            {
                json = evt.ToJson();
                _ = evt.Problems.Count;
            }
            catch (Exception ex)
            {
                Assert.Fail($"ToJson of a delivered {evt.GetType().Name} threw {ex.GetType().FullName}:\n{ex}\n{describe}");
                throw;
            }

            try
            {
                using var document = JsonDocument.Parse(StrictUtf8.GetBytes(json));
            }
            catch (Exception ex) when (ex is JsonException or EncoderFallbackException or ArgumentException)
            {
                Assert.Fail($"a delivered event's ToJson() is not valid JSON ({ex.Message}): {json}\n{describe}");
            }
        }
    }

    /// <summary>An error's record index and byte offset are -1 or within the input.</summary>
    private static void CheckPlacement(CloudTrailReadException error, int length, string describe)
    {
        Assert.True(error.RecordIndex == -1 || (error.RecordIndex >= 0 && error.RecordIndex <= length), $"record index {error.RecordIndex} outside a {length}-byte input: {error.Message}\n{describe}");
        Assert.True(error.ByteOffset == -1 || (error.ByteOffset >= 0 && error.ByteOffset <= length), $"byte offset {error.ByteOffset} outside a {length}-byte input: {error.Message}\n{describe}");
    }

    /// <summary>The input as text with every byte outside printable ASCII as \xNN.</summary>
    private static string Show(byte[] input)
    {
        var text = new StringBuilder();
        foreach (byte b in input.Length > 4000 ? input[..4000] : input)
        {
            text.Append(b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return input.Length > 4000 ? text.Append("...").ToString() : text.ToString();
    }

    private static void SaveEscape(EscapeFuzzCase c, [CallerFilePath] string thisFile = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(thisFile)!, "Corpus", "escape-regressions");
        Directory.CreateDirectory(folder);
        string json = JsonSerializer.Serialize(c);
        File.WriteAllText(Path.Combine(folder, $"{c.Shape.ToString().ToLowerInvariant()}-{(uint)json.GetHashCode(StringComparison.Ordinal):x8}.json"), json);
    }
}
