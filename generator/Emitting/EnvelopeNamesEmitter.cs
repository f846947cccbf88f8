using System.Collections.Generic;
using System.Linq;
using System.Text;
using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen.Emitting;

/// <summary>
/// Writes the envelope's member table: the <c>EnvelopeField</c> enum, and
/// <c>EnvelopeFieldNames</c>, which identifies a member by its UTF-8 name and names each member
/// once for the hand-written code that looks for one itself.
/// </summary>
internal static class EnvelopeNamesEmitter
{
    private const string Field = EnvelopeEmitter.Field;

    public static string Emit(EnvelopeSpec spec) => EnvelopeEmitter.File(EnvelopeEmitter.EnvelopeNamespace, w =>
    {
        CSharp.Doc(w, "The top-level members of a record that the envelope knows, from the record schema.");
        w.Line(CSharp.GeneratedCodeAttribute);
        using (w.Block("internal enum EnvelopeField"))
        {
            w.Line("Unknown,");
            foreach (var member in spec.Members)
            {
                w.Line(member.CSharpName + ",");
            }
        }

        w.Line();
        CSharp.Doc(w, "Finds an envelope member by its UTF-8 name.");
        w.Line(CSharp.GeneratedCodeAttribute);
        using (w.Block("internal static class EnvelopeFieldNames"))
        {
            EmitIdentify(w, spec);
            foreach (var member in spec.Members)
            {
                // The hand-written code that finds a member itself (the dispatch keys in the skim, a
                // missing eventTime's problem) names it from here, so the schema stays its one source.
                w.Line();
                CSharp.Doc(w, $"The JSON name of the member '{member.JsonName}'.");
                w.Line($"public const string {member.CSharpName} = {CSharp.Literal(member.JsonName)};");
                w.Line();
                CSharp.Doc(w, $"The UTF-8 JSON name of the member '{member.JsonName}'.");
                w.Line($"public static global::System.ReadOnlySpan<byte> {member.CSharpName}Utf8 => {CSharp.Utf8Literal(member.JsonName)};");
            }
        }
    });

    private static void EmitIdentify(SourceWriter w, EnvelopeSpec spec)
    {
        CSharp.Doc(w, "Identifies a member by its UTF-8 name: by length first (then first byte), so most names cost one comparison.");
        using (w.Block($"public static {Field} Identify(global::System.ReadOnlySpan<byte> name) => name.Length switch", ";"))
        {
            var byLength = spec.Members
                .GroupBy(m => Encoding.UTF8.GetByteCount(m.JsonName))
                .OrderBy(g => g.Key);
            foreach (var group in byLength)
            {
                var byFirst = group.GroupBy(m => Encoding.UTF8.GetBytes(m.JsonName)[0]).ToList();
                string key = group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (group.Count() > 2 && byFirst.Count > 1)
                {
                    using (w.Block($"{key} => name[0] switch", ","))
                    {
                        foreach (var first in byFirst)
                        {
                            w.Line($"{ByteLiteral(first.Key)} => {Candidates(first)},");
                        }

                        w.Line($"_ => {Field}.Unknown,");
                    }
                }
                else
                {
                    w.Line($"{key} => {Candidates(group)},");
                }
            }

            w.Line($"_ => {Field}.Unknown,");
        }

        w.Lines($$"""

            // Unknown is 0, so OR-ing the candidates of one length yields the one that matched.
            private static {{Field}} Is(global::System.ReadOnlySpan<byte> name, global::System.ReadOnlySpan<byte> candidate, {{Field}} field) =>
                global::System.MemoryExtensions.SequenceEqual(name, candidate) ? field : {{Field}}.Unknown;
            """);
    }

    private static string Candidates(IEnumerable<EnvelopeMemberSpec> members) =>
        string.Join(" | ", members.Select(m => $"Is(name, {CSharp.Utf8Literal(m.JsonName)}, {Field}.{m.CSharpName})"));

    private static string ByteLiteral(byte value) =>
        value is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9' or (byte)'_'
            ? $"(byte)'{(char)value}'"
            : "0x" + value.ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
}
