using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using GlacierTrail.Events;
using GlacierTrail.Testing;
using Xunit;

namespace GlacierTrail.Tests.Problems;

/// <summary>
/// Every fixture with one member removed, replaced by a value of another JSON type, or repeated,
/// at any depth: the record is still delivered, writes back JSON-equal to what was read, and
/// carries at most one problem, at that member's path, of the kind the mutation makes (exactly
/// one where the envelope types or needs the member).
/// </summary>
public sealed class MutatedFixtureTests
{
    private static readonly List<(string Name, JsonNode Record, List<MemberSite> Sites)> Fixtures =
        TestPaths.FixtureFiles()
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!)
            .Select((record, i) => (Path.GetFileName(TestPaths.FixtureFiles()[i]), record, RecordMutation.Sites(record)))
            .ToList();

    // The members the envelope reads as typed values (the record schema's top level).
    private static readonly HashSet<string> EnvelopeMembers = ReadEnvelopeMembers();

    private static readonly HashSet<string> DispatchAndTime = ["eventSource", "eventName", "eventTime"];

    [Fact]
    public void A_mutated_member_of_any_fixture_leaves_the_record_delivered_with_one_problem_at_its_path()
    {
        var mutations =
            from fixture in Gen.Int[0, Fixtures.Count - 1]
            from site in Gen.Int[0, int.MaxValue]
            from kind in Gen.Enum<MutationKind>()
            select (fixture, site, kind);

        mutations.Sample(m => Check(Fixtures[m.fixture], m.site, m.kind), iter: 6000, threads: 1);
    }

    [Fact]
    public void Removing_eventTime_eventSource_or_eventName_of_every_fixture_is_one_missing_member_problem()
    {
        foreach (var fixture in Fixtures)
        {
            foreach (var site in fixture.Sites.Where(s => s.Segments.Count == 1 && DispatchAndTime.Contains(s.Name)))
            {
                Check(fixture, fixture.Sites.IndexOf(site), MutationKind.Remove);
            }
        }
    }

    private static void Check((string Name, JsonNode Record, List<MemberSite> Sites) fixture, int siteIndex, MutationKind kind)
    {
        var site = fixture.Sites[siteIndex % fixture.Sites.Count];
        var value = RecordMutation.ValueAt(fixture.Record, site);
        if (kind == MutationKind.Replace && RecordMutation.OtherType(value) is null)
        {
            kind = MutationKind.Repeat; // not a scalar: repeat it instead
        }

        byte[] input = RecordMutation.Write(fixture.Record, site, kind);
        string text = Encoding.UTF8.GetString(input);
        string context = $"{fixture.Name}, {kind} {site.Path}: {text}";

        var evt = GlacierTrailEvents.ParseRecord(input);
        var problems = evt.Problems;
        bool topLevel = site.Segments.Count == 1;
        switch (kind)
        {
            case MutationKind.Repeat:
                Assert.True(problems.Count <= 1, context);
                if (topLevel && EnvelopeMembers.Contains(site.Name))
                {
                    Assert.Single(problems);
                }

                if (problems.Count == 1)
                {
                    Assert.Equal((site.Path, CloudTrailProblemKind.RepeatedMember), (problems[0].Path, problems[0].Kind));
                }

                Assert.True(Canonical(text) == Canonical(evt.ToJson()), $"{context}\nwritten: {evt.ToJson()}");
                return;
            case MutationKind.Replace:
                Assert.True(problems.Count <= 1, context);
                if (topLevel && EnvelopeMembers.Contains(site.Name))
                {
                    Assert.Single(problems);
                }

                if (problems.Count == 1)
                {
                    Assert.Equal(site.Path, problems[0].Path);
                    Assert.Contains(problems[0].Kind, new[] { CloudTrailProblemKind.WrongType, CloudTrailProblemKind.NumberOutOfRange, CloudTrailProblemKind.UnreadableTimestamp });
                    Assert.NotNull(problems[0].RawValue);
                }

                break;
            default:
                Assert.True(problems.Count <= 1, context);
                if (topLevel && DispatchAndTime.Contains(site.Name))
                {
                    Assert.Single(problems);
                }

                if (problems.Count == 1)
                {
                    Assert.Equal((site.Path, CloudTrailProblemKind.MissingMember), (problems[0].Path, problems[0].Kind));
                }

                break;
        }

        JsonAssert.Equal(text, evt.ToJson());
    }

    /// <summary>A JSON text with object members sorted (repeats kept), so texts that differ only in member order compare equal.</summary>
    private static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Canonical(document.RootElement);
    }

    private static string Canonical(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", element.EnumerateObject()
            .Select(p => JsonSerializer.Serialize(p.Name) + ":" + Canonical(p.Value))
            .Order(StringComparer.Ordinal)) + "}",
        JsonValueKind.Array => "[" + string.Join(",", element.EnumerateArray().Select(Canonical)) + "]",
        JsonValueKind.String => JsonSerializer.Serialize(element.GetString()),
        JsonValueKind.Number => element.GetDecimal().ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => element.GetRawText(),
    };

    private static HashSet<string> ReadEnvelopeMembers()
    {
        using var schema = JsonDocument.Parse(File.ReadAllBytes(TestPaths.RecordSchema));
        return schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
    }
}
