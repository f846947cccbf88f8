using System.Collections.Generic;

namespace GlacierTrail.Robustness.Tests;

/// <summary>An error the reader must report: the record index, the byte offset in the decompressed content, and a fragment of the message.</summary>
public sealed record ExpectedError(long RecordIndex, long ByteOffset, string Fragment);

/// <summary>What the default, tolerant reader gives for a case whose records are JSON objects with problems.</summary>
/// <param name="Events">The events, by eventName in order (an empty name for a record without one).</param>
/// <param name="Problems">Every problem of those events, as <c>path kind</c>, in order.</param>
/// <param name="Errors">The errors that remain: damage that leaves no JSON object.</param>
public sealed record TolerantOutcome(string[] Events, string[] Problems, ExpectedError[] Errors);

/// <summary>
/// One checked-in bad input (under Corpus/, written by Corpus/make-corpus.py) and what reading it
/// in Skip mode and strict mode must give: the events, by eventName in order, and the errors, in
/// order. <paramref name="Tolerant"/> is what the default reader gives where that differs: a
/// record that is a JSON object is delivered, with its problems.
/// </summary>
public sealed record CorpusCase(string File, string[] Events, ExpectedError[] Errors, string Why, TolerantOutcome? Tolerant = null)
{
    public override string ToString() => File;
}

/// <summary>
/// The bad-input corpus and the expected outcome of each case. The records are the fixtures
/// CreateVault (A, bytes 12..1100 of a log), DeleteVault (B, 1101..2209) and ListVaults (C).
/// Offsets point at the damaged byte where the reader can know it, or else at the record's start.
/// </summary>
public static class CorpusCases
{
    private const string A = "CreateVault", B = "DeleteVault", C = "ListVaults";

    private static ExpectedError E(long record, long offset, string fragment) => new(record, offset, fragment);

    public static readonly CorpusCase[] All =
    [
        new("truncated-gzip.json.gz", [A], [E(1, 1802, "reached end of data")],
            "gzip cut at 2/3: the records inflated before the cut are read; the record cut short fails at the end of the inflated data"),
        new("bad-crc.json.gz", [A, B, C], [E(-1, 3734, "CRC-32")],
            "the gzip trailer's CRC-32 is wrong: all the content is delivered, then the checksum error at the end of the content"),
        new("gzip-of-gzip.json.gz", [A, B, C], [],
            "gzip inside gzip (up to 3 layers) is peeled"),
        new("truncated-json.json", [A, B], [E(2, 2971, "reached end of data")],
            "a plain log cut inside its third record"),
        new("not-json.txt", [], [E(-1, 0, "expected a JSON object or array, found 'T'"), E(-1, 30, "expected a JSON object or array, found 'I'")],
            "text, read as a file of its own: one error a line (in a directory it is skipped with a notice)"),
        new("invalid-utf8.json", [A, C], [E(1, 1795, "invalid UTF-8")],
            "a lone 0xC3 in B's vaultName: B fails, pointing at the byte"),
        new("bom.json", [A, B, C], [],
            "a UTF-8 byte order mark before the log is skipped"),
        new("records-missing.json", [], [E(0, 0, "the record has no string 'eventSource'")],
            "{\"Logs\":[...]} is not a log file, so it is read as one bare record, which is not a CloudTrail record",
            new([""], ["eventSource MissingMember", "eventName MissingMember", "eventTime MissingMember"], [])),
        new("records-not-array.json", [], [E(0, 0, "expected 'Records' to be an array of records")],
            "\"Records\" holds an object"),
        new("record-not-object.json", [A, B], [E(1, 1101, "found a number"), E(2, 1104, "found a string"), E(3, 1118, "found an array")],
            "elements 42, \"CreateVault\" and [B] are not records; each fails alone"),
        new("eventname-missing.json", [A, C], [E(1, 1101, "the record has no string 'eventName'")],
            "B without eventName: the error points at the record",
            new([A, "", C], ["eventName MissingMember"], [])),
        new("eventname-null.json", [A, C], [E(1, 1425, "property 'eventName': expected a string, found null")],
            "eventName null: the dispatch key must be a string",
            new([A, "", C], ["eventName MissingMember"], [])),
        new("eventname-number.json", [A, C], [E(1, 1425, "property 'eventName': expected a string, found a number")],
            "eventName 5",
            new([A, "", C], ["eventName WrongType"], [])),
        new("vaultname-number.json", [A, C], [E(1, 1791, "property 'vaultName': expected a string, found a number")],
            "vaultName 5 fails B only in strict mode; the tolerant reader keeps the value and the record",
            new([A, B, C], ["requestParameters.vaultName WrongType"], [])),
        new("eventtime-yesterday.json", [A, C], [E(1, 1352, "property 'eventTime': expected an ISO 8601 timestamp string, found a string")],
            "eventTime \"yesterday\"",
            new([A, B, C], ["eventTime UnreadableTimestamp"], [])),
        new("duplicate-keys.json", [A, C], [E(1, 1439, "the member 'eventName' appears more than once")],
            "eventName twice (DeleteVault, then CreateVault): ambiguous, so B fails in strict mode, pointing at the second key; the tolerant reader takes the last and flags it",
            new([A, A, C], ["eventName RepeatedMember"], [])),
        new("ndjson-damaged-line.ndjson", [A, C], [E(1, 1643, "'0x0A' is invalid within a JSON string")],
            "NDJSON, line 2 cut in half: the reader resynchronises at the next line"),
        new("ndjson-nested-damage.ndjson", [A, C], [E(1, 1751, "']' is an invalid start of a property name")],
            "NDJSON, a stray ']' inside line 2's requestParameters"),
        new("damaged-inside-record.json", [A, C], [E(1, 1775, "Expected a ':'")],
            "a missing ':' inside B's requestParameters: the reader resynchronises at C, the next element of Records"),
        new("empty.json", [], [],
            "an empty file holds no records: no error, a notice"),
        new("empty.json.gz", [], [],
            "gzip of nothing: no error, a notice"),
        new("nul-bytes-tail.json", [A, B], [E(2, 2210, "'0x00' is an invalid start of a value")],
            "a log whose tail is 4 KiB of NUL bytes (a crash during a write)"),
        new("nul-bytes-inside-record.json", [A, C], [E(1, 1301, "'0x00' is invalid within a JSON string")],
            "64 NUL bytes overwrite part of B"),
        new("nul-bytes-only.json", [], [E(-1, 0, "expected a JSON object or array, found '0x00'")],
            "1 KiB of NUL bytes"),
    ];

    public static IEnumerable<object[]> Data()
    {
        foreach (var c in All)
        {
            yield return [c];
        }
    }
}
