using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using GlacierTrail.Events;
using Xunit;
using Xunit.Abstractions;

namespace GlacierTrail.Robustness.Tests;

/// <summary>One fuzz case: a valid log (Records or NDJSON) of fixture records, and one mutation of it.</summary>
public sealed record FuzzCase(int[] Picks, bool Ndjson, bool Gzip, int Mutation, int Where, int What)
{
    private static readonly string[] Tokens = ["{", "}", "[", "]", ",", ":", "\"", "null", "1e999", "\"x\"", "\0", "\n", "\\", "{\"eventName\":5}", "\uFEFF", "\u00e9"];

    public string Describe => $"{(Gzip ? "gzip " : string.Empty)}{(Ndjson ? "ndjson" : "log")} of [{string.Join(",", Picks)}], {MutationName} at {Where} ({What})";

    private string MutationName => (Mutation % 5) switch { 0 => "truncate", 1 => "flip", 2 => "insert", 3 => "delete", _ => "swap type" };

    public static Gen<FuzzCase> Gen(bool gzip) => CsCheck.Gen.Select(
        CsCheck.Gen.Int[0, Records.Fixtures.Count - 1].Array[1, 5],
        CsCheck.Gen.Bool,
        CsCheck.Gen.Int[0, 4],
        CsCheck.Gen.Int[0, 1_000_000],
        CsCheck.Gen.Int[0, 1_000_000],
        (picks, ndjson, mutation, where, what) => new FuzzCase(picks, ndjson, gzip, mutation, where, what));

    /// <summary>The valid input, the spans of its records, the mutated input and the offset of the first damaged byte (in the uncompressed content when <see cref="Gzip"/> is false).</summary>
    public (byte[] Original, (int Start, int End)[] Spans, byte[] Mutated, int Damage) Build()
    {
        var records = Picks.Select(i => Records.Fixtures[i]).ToArray();
        var (original, spans) = Ndjson ? Records.Ndjson(records) : Records.Log(records);
        byte[] target = Gzip ? Compress(original) : original;
        int at = Where % (target.Length + 1);
        byte[] mutated;
        switch (Mutation % 5)
        {
            case 0:
                mutated = target[..at];
                break;
            case 1:
                at = Math.Min(at, target.Length - 1);
                mutated = (byte[])target.Clone();
                mutated[at] ^= (byte)(1 + (What % 255));
                break;
            case 2:
                byte[] token = Encoding.UTF8.GetBytes(Tokens[What % Tokens.Length]);
                mutated = [.. target[..at], .. token, .. target[at..]];
                break;
            case 3:
                int length = 1 + (What % 16);
                mutated = [.. target[..at], .. target[Math.Min(target.Length, at + length)..]];
                break;
            default:
                (mutated, at) = Gzip ? (target[..at], at) : SwapType(target, What);
                break;
        }

        return (original, spans, mutated, at);
    }

    private static (byte[], int) SwapType(byte[] input, int what)
    {
        var scalars = new List<(int Start, int End, JsonTokenType Type)>();
        var reader = new Utf8JsonReader(input, new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null)
            {
                scalars.Add(((int)reader.TokenStartIndex, (int)reader.BytesConsumed, reader.TokenType));
            }
        }

        var (start, end, type) = scalars[what % scalars.Count];
        string[] others = type switch
        {
            JsonTokenType.String => ["5", "null", "{}", "[]", "true", "{\"a\":[1]}"],
            JsonTokenType.Number => ["\"5\"", "null", "{}", "false"],
            JsonTokenType.Null => ["0", "\"\"", "[]"],
            _ => ["\"true\"", "1", "{}"],
        };
        byte[] swap = Encoding.UTF8.GetBytes(others[(what / scalars.Count) % others.Length]);
        return ([.. input[..start], .. swap, .. input[end..]], start);
    }

    private static byte[] Compress(byte[] data)
    {
        var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }
}

/// <summary>
/// Property-based mutation fuzzing over the 66 valid fixtures: random truncation, byte flips,
/// inserted and deleted tokens, swapped value types, in plain and gzip inputs. The properties: no
/// exception but <see cref="CloudTrailReadException"/>, no hang, and every record that ends before
/// the first damaged byte delivered unchanged. GLACIERTRAIL_FUZZ_CASES sets the number of cases
/// (default 2,000: 1,600 plain, 400 gzip); a failing case is shrunk by CsCheck and the smallest is
/// saved under Corpus/fuzz-regressions/, which <see cref="SavedRegressionsStillPass"/> replays.
/// Escapes and invalid UTF-8 in every container shape are fuzzed in FuzzTests.Escapes.cs (their
/// failures are saved under Corpus/escape-regressions/), and through the command-line process
/// in FuzzTests.Cli.cs.
/// </summary>
public partial class FuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(10);

    private static long Cases => long.TryParse(Environment.GetEnvironmentVariable("GLACIERTRAIL_FUZZ_CASES"), out long n) ? n : 2000;

    [Fact]
    public void Plain_inputs_survive_mutation() => Run(gzip: false, Cases * 4 / 5);

    [Fact]
    public void Gzip_inputs_survive_mutation() => Run(gzip: true, Cases / 5);

    [Fact]
    public void Saved_regressions_still_pass()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "Corpus", "fuzz-regressions");
        foreach (string file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json") : [])
        {
            var saved = JsonSerializer.Deserialize<FuzzCase>(File.ReadAllText(file))!;
            Check(saved);
        }
    }

    private void Run(bool gzip, long cases)
    {
        FuzzCase? smallest = null;
        int smallestLength = int.MaxValue;
        long run = 0;
        try
        {
            FuzzCase.Gen(gzip).Sample(
                c =>
                {
                    Interlocked.Increment(ref run);
                    try
                    {
                        Check(c);
                    }
                    catch
                    {
                        lock (output)
                        {
                            int length = c.Build().Mutated.Length;
                            if (length < smallestLength)
                            {
                                (smallest, smallestLength) = (c, length);
                            }
                        }

                        throw;
                    }
                },
                iter: cases,
                print: c => c.Describe);
        }
        catch when (smallest is not null)
        {
            Save(smallest);
            throw;
        }

        output.WriteLine($"{run} {(gzip ? "gzip" : "plain")} cases");
    }

    private static void Check(FuzzCase c)
    {
        var (original, spans, mutated, damage) = c.Build();
        var expected = Read(original, CloudTrailErrorHandling.Skip).Events.Select(e => e.ToJson()).ToArray();
        Assert.Equal(spans.Length, expected.Length);

        var skipped = Read(mutated, CloudTrailErrorHandling.Skip);
        foreach (var error in skipped.Errors)
        {
            Assert.InRange(error.RecordIndex, -1, long.MaxValue);
            Assert.InRange(error.ByteOffset, -1, c.Gzip ? long.MaxValue : mutated.Length);
        }

        if (!c.Gzip)
        {
            int before = spans.Count(s => s.End <= damage);
            Assert.True(skipped.Events.Count >= before, $"{skipped.Events.Count} events delivered, {before} records end before the damage at {damage}:\n{skipped}");
            for (int i = 0; i < before; i++)
            {
                Assert.Equal(expected[i], skipped.Events[i].ToJson());
            }
        }

        // Throw mode: the same events up to the first error, then that error, and nothing else.
        var thrown = Read(mutated, CloudTrailErrorHandling.Throw);
        Assert.Equal(skipped.Events.Count == 0 && skipped.Errors.Count == 0, thrown.Events.Count == 0 && thrown.Errors.Count == 0);
        if (skipped.Errors.Count > 0)
        {
            Assert.Equal(skipped.Errors[0].Message, Assert.Single(thrown.Errors).Message);
        }
    }

    /// <summary>Reads with a deadline: a hang fails the case instead of the run.</summary>
    private static Outcome Read(byte[] input, CloudTrailErrorHandling mode)
    {
        using var cts = new CancellationTokenSource(CaseTimeout);
        var task = Task.Run(async () =>
        {
            var events = new List<CloudTrailEvent>();
            var errors = new List<CloudTrailReadException>();
            var options = new CloudTrailReaderOptions { ErrorHandling = mode, OnError = errors.Add };
            try
            {
                await foreach (var evt in GlacierTrailEvents.ReadAsync(new MemoryStream(input), options, "fuzz", cts.Token))
                {
                    events.Add(evt);
                }
            }
            catch (CloudTrailReadException ex) when (mode == CloudTrailErrorHandling.Throw)
            {
                errors.Add(ex);
            }

            return new Outcome(events, errors, []);
        });
        if (!task.Wait(CaseTimeout + TimeSpan.FromSeconds(5)))
        {
            throw new TimeoutException("the reader did not finish within the case's time limit (a hang?)");
        }

        return task.Result;
    }

    private static void Save(FuzzCase c, [CallerFilePath] string thisFile = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(thisFile)!, "Corpus", "fuzz-regressions");
        Directory.CreateDirectory(folder);
        string json = JsonSerializer.Serialize(c);
        string name = $"{(c.Gzip ? "gzip" : c.Ndjson ? "ndjson" : "log")}-{(uint)json.GetHashCode(StringComparison.Ordinal):x8}.json";
        File.WriteAllText(Path.Combine(folder, name), json);
    }
}
