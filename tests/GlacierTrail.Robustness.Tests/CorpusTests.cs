using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using GlacierTrail.Events;
using Xunit;

namespace GlacierTrail.Robustness.Tests;

public class CorpusTests
{
    private static readonly Dictionary<string, byte[]> Originals = new()
    {
        ["CreateVault"] = Records.Fixture("CreateVault.success"),
        ["DeleteVault"] = Records.Fixture("DeleteVault.success"),
        ["ListVaults"] = Records.Fixture("ListVaults.success"),
    };

    [Theory]
    [MemberData(nameof(CorpusCases.Data), MemberType = typeof(CorpusCases))]
    public async Task Skip_mode_delivers_the_readable_records_and_reports_each_error(CorpusCase c)
    {
        string path = Harness.CorpusPath(c.File);
        var outcome = await Harness.ReadFileAsync(path, Strict);

        Assert.Equal(c.Events, outcome.Events.Select(e => e.EventName));
        foreach (var evt in outcome.Events)
        {
            AssertUnchanged(evt);
        }

        Assert.Equal(c.Errors.Length, outcome.Errors.Count);
        AssertErrors(path, c.Errors, outcome.Errors);
    }

    [Theory]
    [MemberData(nameof(CorpusCases.Data), MemberType = typeof(CorpusCases))]
    public async Task The_tolerant_reader_delivers_every_json_object_with_its_problems(CorpusCase c)
    {
        string path = Harness.CorpusPath(c.File);
        var outcome = await Harness.ReadFileAsync(path);
        var expected = c.Tolerant ?? new TolerantOutcome(c.Events, [], c.Errors);

        Assert.Equal(expected.Events, outcome.Events.Select(e => e.EventName));
        Assert.Equal(expected.Problems, outcome.Events.SelectMany(e => e.Problems).Select(p => $"{p.Path} {p.Kind}"));
        AssertErrors(path, expected.Errors, outcome.Errors);
        foreach (var evt in outcome.Events)
        {
            if (evt.HasProblems)
            {
                // Written back JSON-equal to the record as it stands in the file.
                using var written = JsonDocument.Parse(evt.ToJson());
                Assert.Contains(Harness.RecordsOf(path), record =>
                {
                    using var original = JsonDocument.Parse(record);
                    return JsonElement.DeepEquals(original.RootElement, written.RootElement);
                });
            }
            else
            {
                AssertUnchanged(evt);
            }
        }
    }

    [Theory]
    [MemberData(nameof(CorpusCases.Data), MemberType = typeof(CorpusCases))]
    public async Task Throw_mode_stops_at_the_first_error_after_the_records_before_it(CorpusCase c)
    {
        string path = Harness.CorpusPath(c.File);
        var skipped = await Harness.ReadFileAsync(path, Strict);
        var delivered = new List<string>();
        CloudTrailReadException? thrown = null;
        try
        {
            await foreach (var evt in GlacierTrailEvents.ReadFileAsync(path, Strict))
            {
                delivered.Add(evt.EventName);
            }
        }
        catch (CloudTrailReadException ex)
        {
            thrown = ex;
        }

        if (c.Errors.Length == 0)
        {
            Assert.Null(thrown);
            Assert.Equal(c.Events, delivered);
        }
        else
        {
            Assert.NotNull(thrown);
            Assert.Equal(skipped.Errors[0].Message, thrown.Message);
            Assert.Equal(c.Events.Take(delivered.Count), delivered);
        }
    }

    [Fact]
    public async Task A_mismatched_value_keeps_the_record_and_the_value_and_fails_only_in_strict_mode()
    {
        var b = System.Text.Encoding.UTF8.GetString(Originals["DeleteVault"])
            .Replace("\"readOnly\":false", "\"readOnly\":\"no\"", StringComparison.Ordinal);
        var (log, _) = Records.Log([Originals["CreateVault"], System.Text.Encoding.UTF8.GetBytes(b), Originals["ListVaults"]]);

        var failed = await Harness.ReadAsync(log, options: new CloudTrailReaderOptions { Strict = true });
        Assert.Equal(["CreateVault", "ListVaults"], failed.Events.Select(e => e.EventName));
        Assert.Contains("property 'readOnly': expected true or false, found a string", Assert.Single(failed.Errors).Message, StringComparison.Ordinal);

        var kept = await Harness.ReadAsync(log);
        Assert.True(kept.Errors.Count == 0, kept.ToString());
        Assert.Equal(["CreateVault", "DeleteVault", "ListVaults"], kept.Events.Select(e => e.EventName));
        var deleted = Assert.IsType<DeleteVaultEvent>(kept.Events[1]);
        Assert.Null(deleted.ReadOnly);
        Assert.Equal("readOnly", Assert.Single(deleted.Problems).Path);
        using var written = JsonDocument.Parse(deleted.ToJson());
        using var input = JsonDocument.Parse(b);
        Assert.True(JsonElement.DeepEquals(input.RootElement, written.RootElement), deleted.ToJson());
    }

    [Fact]
    public async Task A_record_whose_required_field_has_the_wrong_type_fails_only_in_strict_mode()
    {
        var strict = await Harness.ReadFileAsync(Harness.CorpusPath("vaultname-number.json"), new CloudTrailReaderOptions { Strict = true });
        Assert.Equal(["CreateVault", "ListVaults"], strict.Events.Select(e => e.EventName));
        var error = Assert.Single(strict.Errors);
        Assert.Equal(1, error.RecordIndex);
        Assert.Contains("expected a string, found a number", error.Message, StringComparison.Ordinal);

        var tolerant = await Harness.ReadFileAsync(Harness.CorpusPath("vaultname-number.json"));
        Assert.Empty(tolerant.Errors);
        Assert.Equal(["CreateVault", "DeleteVault", "ListVaults"], tolerant.Events.Select(e => e.EventName));
        Assert.Equal("requestParameters.vaultName", Assert.Single(tolerant.Events[1].Problems).Path);
    }

    [Fact]
    public async Task An_empty_source_gives_a_notice_and_no_error()
    {
        foreach (string file in new[] { "empty.json", "empty.json.gz" })
        {
            var outcome = await Harness.ReadFileAsync(Harness.CorpusPath(file));
            Assert.Empty(outcome.Events);
            Assert.Empty(outcome.Errors);
            Assert.Contains(outcome.Notices, n => n.Contains("empty", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task In_a_directory_a_non_json_file_is_skipped_with_a_notice_and_a_BOM_file_is_read()
    {
        string dir = Directory.CreateTempSubdirectory("glaciertrail-robust-").FullName;
        try
        {
            File.Copy(Harness.CorpusPath("not-json.txt"), Path.Combine(dir, "a.json"));
            File.Copy(Harness.CorpusPath("bom.json"), Path.Combine(dir, "b.json"));
            var outcome = await Harness.ReadFileAsync(dir);
            Assert.Empty(outcome.Errors);
            Assert.Equal(3, outcome.Events.Count);
            Assert.Contains(outcome.Notices, n => n.Contains("a.json", StringComparison.Ordinal) && n.Contains("not a JSON log file", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // The corpus's expectations are strict mode's: exactly what the reader gave before records
    // with problems were delivered.
    private static readonly CloudTrailReaderOptions Strict = new() { Strict = true };

    private static void AssertErrors(string path, ExpectedError[] expected, IReadOnlyList<CloudTrailReadException> errors)
    {
        Assert.Equal(expected.Length, errors.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            var actual = errors[i];
            Assert.Equal(path, actual.Source);
            Assert.StartsWith(path + ": ", actual.Message, StringComparison.Ordinal);
            Assert.Equal(expected[i].RecordIndex, actual.RecordIndex);
            Assert.Equal(expected[i].ByteOffset, actual.ByteOffset);
            Assert.Contains(expected[i].Fragment, actual.Message, StringComparison.Ordinal);
        }
    }

    private static void AssertUnchanged(CloudTrailEvent evt)
    {
        using var original = JsonDocument.Parse(Originals[evt.EventName]);
        using var written = JsonDocument.Parse(evt.ToJson());
        Assert.True(JsonElement.DeepEquals(original.RootElement, written.RootElement), $"{evt.EventName} changed on the way through: {evt.ToJson()}");
    }
}
