using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using GlacierTrail.Testing;

namespace GlacierTrail.Robustness.Tests;

/// <summary>The container shapes the reader accepts, each holding fixture records.</summary>
public enum Shape
{
    /// <summary><c>{"Records":[...]}</c>, as CloudTrail writes to S3.</summary>
    Log,

    /// <summary>One record a line.</summary>
    Ndjson,

    /// <summary>A JSON array of records.</summary>
    Array,

    /// <summary>One record, bare.</summary>
    Bare,

    /// <summary><c>{"detail-type":"AWS API Call via CloudTrail","detail":{record}}</c>, one a line.</summary>
    EventBridge,

    /// <summary><c>{"Events":[{"CloudTrailEvent":"&lt;record as a JSON string&gt;"}]}</c>.</summary>
    LookupString,

    /// <summary><c>{"Events":[{"CloudTrailEvent":{record}}]}</c>.</summary>
    LookupObject,

    /// <summary><c>{"messageType":"DATA_MESSAGE","logEvents":[{"id":"1","timestamp":1,"message":"&lt;record as a JSON string&gt;"}]}</c>.</summary>
    CloudWatch,
}

/// <summary>Where in the JSON text a piece goes.</summary>
public enum Site
{
    /// <summary>Inside a member name, between two characters.</summary>
    InName,

    /// <summary>A member name replaced by one made of pieces.</summary>
    WholeName,

    /// <summary>Inside a string value, between two characters.</summary>
    InString,

    /// <summary>A new member, named with pieces, first in an object.</summary>
    NewMember,

    /// <summary>At any byte.</summary>
    AnyByte,
}

/// <summary>
/// One escape-and-encoding fuzz case: fixture records in a container shape, with one piece of
/// the alphabet (lone surrogate escapes, a NUL escape, a truncated escape, invalid UTF-8 bytes,
/// or a member name made of them) put at one site. <see cref="InRecord"/> puts it in one record's
/// own text before the record is wrapped (so for the shapes that carry a record as a JSON string,
/// it is escaped once more with the rest of the record); otherwise it goes anywhere in the whole
/// input, the container's own member names and the wrappers' included.
/// </summary>
public sealed record EscapeFuzzCase(int[] Picks, Shape Shape, bool InRecord, int Target, Site Site, int Piece, int Where, int Chunk)
{
    /// <summary>The alphabet. Each is the bytes put into the JSON text as they are.</summary>
    public static readonly byte[][] Pieces =
    [
        "\\ud800"u8.ToArray(),           // 0: lone high surrogate
        "\\udc00"u8.ToArray(),           // 1: lone low surrogate
        "\\udc00\\ud800"u8.ToArray(),    // 2: a pair the wrong way round
        "\\ud800\\ud800"u8.ToArray(),    // 3: two highs
        "\\uDBFF\\u0041"u8.ToArray(),    // 4: a high followed by a letter escape
        "\\u0000"u8.ToArray(),           // 5: NUL
        "\\u12"u8.ToArray(),             // 6: truncated escape
        "\\ud800\\udc00"u8.ToArray(),    // 7: a valid pair (U+10000)
        [0xC3],                          // 8: a lead byte alone
        [0xFF],                          // 9: never valid in UTF-8
        [0xED, 0xA0, 0x80],              // 10: a surrogate encoded in UTF-8 (CESU)
        [0xC0, 0x80],                    // 11: overlong NUL
        [0xF4, 0x90, 0x80, 0x80],        // 12: beyond U+10FFFF
        [0xF0, 0x9F],                    // 13: a 4-byte sequence cut short
        "\\"u8.ToArray(),                // 14: a backslash alone
        "\\ud800"u8.ToArray().Concat("\\u0000"u8.ToArray()).ToArray(), // 15
    ];

    /// <summary>Pieces that are JSON escapes holding a lone surrogate (valid JSON, invalid Unicode).</summary>
    public static bool IsLoneSurrogate(int piece) => piece is >= 0 and <= 4 or 15;

    /// <summary>Pieces that keep a JSON string syntactically valid and its bytes valid UTF-8.</summary>
    public static bool IsValidEscape(int piece) => piece is >= 0 and <= 5 or 7 or 15;

    [JsonIgnore]
    public string Describe => $"{Shape} of [{string.Join(",", Picks)}], {(InRecord ? $"record {Target}" : "whole input")}, {Site} piece {Piece} at {Where}, chunk {Chunk}";

    public static Gen<EscapeFuzzCase> Gen => CsCheck.Gen.Select(
        CsCheck.Gen.Int[0, Records.Fixtures.Count - 1].Array[1, 3],
        CsCheck.Gen.Enum<Shape>(),
        CsCheck.Gen.Bool,
        CsCheck.Gen.Int[0, 2],
        CsCheck.Gen.Enum<Site>(),
        CsCheck.Gen.Int[0, Pieces.Length - 1],
        CsCheck.Gen.Int[0, 1_000_000],
        CsCheck.Gen.Int[1, 4096],
        (picks, shape, inRecord, target, site, piece, where, chunk) => new EscapeFuzzCase(picks, shape, inRecord, target, site, piece, where, chunk));

    /// <summary>A case from a seeded random source, for the command-line run (the same files every time).</summary>
    public static EscapeFuzzCase Random(Random random) => new(
        Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(Records.Fixtures.Count)).ToArray(),
        (Shape)random.Next(Enum.GetValues<Shape>().Length),
        random.Next(2) == 0,
        random.Next(3),
        (Site)random.Next(Enum.GetValues<Site>().Length),
        random.Next(Pieces.Length),
        random.Next(1_000_000),
        random.Next(1, 4097));

    /// <summary>How many records the shape holds (bare and single-record shapes hold one).</summary>
    [JsonIgnore]
    public int RecordCount => Shape == Shape.Bare ? 1 : Picks.Length;

    /// <summary>
    /// The mutated input; the records as they went into the container (the mutated one
    /// included); which record was mutated (-1 when the piece went into the whole input); and
    /// whether that record is still a JSON object holding a lone surrogate escape inserted into a
    /// member name or a string value, so the reader must deliver it with an InvalidUnicode problem.
    /// </summary>
    public (byte[] Input, byte[][] Records, int Mutated, bool MustDeliverWithInvalidUnicode) Build()
    {
        var records = Picks.Take(RecordCount).Select(i => Records.Fixtures[i]).ToArray();
        if (InRecord)
        {
            int k = Target % records.Length;
            var (mutated, inserted) = Mutate(records[k]);
            records[k] = mutated;
            bool must = inserted && Site != Site.AnyByte && IsJsonObject(mutated) && PieceHasLoneSurrogate();
            return (Wrap(records), records, k, must);
        }

        return (Mutate(Wrap(records)).Bytes, records, -1, false);
    }

    private bool PieceHasLoneSurrogate() => Site is Site.WholeName or Site.NewMember
        ? NameOf(Piece, Where).Pieces.Any(IsLoneSurrogate) && NameOf(Piece, Where).Pieces.All(IsValidEscape)
        : IsLoneSurrogate(Piece);

    /// <summary>A member name made of pieces: one to three of them, sometimes with a letter.</summary>
    private static (byte[] Bytes, int[] Pieces) NameOf(int piece, int where)
    {
        int count = 1 + (where % 3);
        var pieces = Enumerable.Range(0, count).Select(i => i == 0 ? piece : (piece + (where / 3 * (i + 1))) % Pieces.Length).ToArray();
        var bytes = new List<byte>();
        foreach (int p in pieces)
        {
            bytes.AddRange(Pieces[p]);
        }

        if (where % 5 == 0)
        {
            bytes.Add((byte)'a');
        }

        return ([.. bytes], pieces);
    }

    private static bool IsJsonObject(byte[] json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Puts the piece at the case's site in <paramref name="json"/>; says whether a site of that kind was found.</summary>
    private (byte[] Bytes, bool Inserted) Mutate(byte[] json)
    {
        byte[] piece = Pieces[Piece];
        if (Site == Site.AnyByte)
        {
            int at = Where % (json.Length + 1);
            return ([.. json[..at], .. piece, .. json[at..]], true);
        }

        var names = new List<(int Start, int End)>();
        var strings = new List<(int Start, int End)>();
        var objects = new List<int>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowMultipleValues = true });
        while (reader.Read())
        {
            int start = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    names.Add((start + 1, start + 1 + reader.ValueSpan.Length));
                    break;
                case JsonTokenType.String:
                    strings.Add((start + 1, start + 1 + reader.ValueSpan.Length));
                    break;
                case JsonTokenType.StartObject:
                    objects.Add(start + 1);
                    break;
            }
        }

        switch (Site)
        {
            case Site.InName or Site.InString:
                var spans = Site == Site.InName ? names : strings;
                if (spans.Count == 0)
                {
                    return (json, false);
                }

                var (from, to) = spans[Where % spans.Count];
                var boundaries = Boundaries(json, from, to);
                int at = boundaries[(Where / spans.Count) % boundaries.Count];
                return ([.. json[..at], .. piece, .. json[at..]], true);
            case Site.WholeName:
                if (names.Count == 0)
                {
                    return (json, false);
                }

                var (nameStart, nameEnd) = names[Where % names.Count];
                return ([.. json[..nameStart], .. NameOf(Piece, Where).Bytes, .. json[nameEnd..]], true);
            default:
                if (objects.Count == 0)
                {
                    return (json, false);
                }

                int open = objects[Where % objects.Count];
                int next = open;
                while (next < json.Length && json[next] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
                {
                    next++;
                }

                byte[] member = [(byte)'"', .. NameOf(Piece, Where).Bytes, .. "\":1"u8, .. (next < json.Length && json[next] == '}' ? [] : ","u8)];
                return ([.. json[..open], .. member, .. json[open..]], true);
        }
    }

    /// <summary>The offsets in a string's raw text between two characters: never inside an escape or a multi-byte sequence.</summary>
    private static List<int> Boundaries(byte[] json, int from, int to)
    {
        var result = new List<int>();
        int i = from;
        while (i < to)
        {
            result.Add(i);
            byte b = json[i];
            i += b == '\\' ? (json[i + 1] == 'u' ? 6 : 2) : b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
        }

        result.Add(to);
        return result;
    }

    private byte[] Wrap(byte[][] records)
    {
        var buffer = new MemoryStream();
        void Write(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);
        void Each(ReadOnlySpan<byte> open, ReadOnlySpan<byte> separator, ReadOnlySpan<byte> close, Func<byte[], byte[]> item)
        {
            Write(open);
            for (int i = 0; i < records.Length; i++)
            {
                if (i > 0)
                {
                    Write(separator);
                }

                Write(item(records[i]));
            }

            Write(close);
        }

        switch (Shape)
        {
            case Shape.Log:
                Each(RecordBuilder.LogOpen, ","u8, RecordBuilder.LogClose, r => r);
                break;
            case Shape.Ndjson:
                Each(default, "\n"u8, "\n"u8, r => r);
                break;
            case Shape.Array:
                Each("["u8, ","u8, "]"u8, r => r);
                break;
            case Shape.Bare:
                Write(records[0]);
                break;
            case Shape.EventBridge:
                Each(default, "\n"u8, "\n"u8, r => [.. "{\"version\":\"0\",\"id\":\"e1\",\"detail-type\":\"AWS API Call via CloudTrail\",\"source\":\"aws.glacier\",\"detail\":"u8, .. r, .. "}"u8]);
                break;
            case Shape.LookupString:
                Each("{\"Events\":["u8, ","u8, "]}"u8, r => [.. "{\"EventId\":\"1\",\"CloudTrailEvent\":\""u8, .. JsonString(r), .. "\"}"u8]);
                break;
            case Shape.LookupObject:
                Each("{\"Events\":["u8, ","u8, "]}"u8, r => [.. "{\"EventId\":\"1\",\"CloudTrailEvent\":"u8, .. r, .. "}"u8]);
                break;
            default:
                int id = 0;
                Each("{\"messageType\":\"DATA_MESSAGE\",\"owner\":\"123456789012\",\"logGroup\":\"trail\",\"logStream\":\"s\",\"subscriptionFilters\":[\"f\"],\"logEvents\":["u8, ","u8, "]}"u8, r => [.. Encoding.UTF8.GetBytes($"{{\"id\":\"{++id}\",\"timestamp\":1,\"message\":\""), .. JsonString(r), .. "\"}"u8]);
                break;
        }

        return buffer.ToArray();
    }

    /// <summary>The bytes as the content of a JSON string: quotes, backslashes and controls escaped, every other byte (invalid UTF-8 too) as it is.</summary>
    public static byte[] JsonString(byte[] bytes)
    {
        var result = new List<byte>(bytes.Length + 16);
        foreach (byte b in bytes)
        {
            if (b is (byte)'"' or (byte)'\\')
            {
                result.Add((byte)'\\');
                result.Add(b);
            }
            else if (b < 0x20)
            {
                result.AddRange(Encoding.ASCII.GetBytes($"\\u{b:x4}"));
            }
            else
            {
                result.Add(b);
            }
        }

        return [.. result];
    }
}

/// <summary>A read-only stream that is not a <see cref="MemoryStream"/> (so the reader frames it from its buffer) and hands out at most a few bytes a read.</summary>
internal sealed class ChunkedStream(byte[] data, int chunk) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => data.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = Math.Min(Math.Min(buffer.Length, chunk), data.Length - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
