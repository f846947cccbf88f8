using System.Collections.Generic;
using System.Linq;
using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen.Emitting;

/// <summary>
/// Writes the envelope's export columns (<c>CloudTrailColumns</c>'s table): one column per
/// member, named as in AWS's CloudTrail table for Athena (the JSON name in lowercase), in the
/// record's order except where a member says <c>"x-glaciertrail-column-before"</c>.
/// </summary>
internal static class EnvelopeColumnsEmitter
{
    public const string ExportNamespace = EnvelopeEmitter.RuntimeNamespace + ".Export";
    private const string Column = "global::" + ExportNamespace + ".ColumnField";

    public static string Emit(EnvelopeSpec spec, TypeNames types)
    {
        return EnvelopeEmitter.File(ExportNamespace, w =>
        {
            w.Line(CSharp.GeneratedCodeAttribute);
            using (w.Block("public static partial class CloudTrailColumns"))
            {
                w.Lines($$"""
                    // A method rather than a field: the hand-written part decides when the table is built,
                    // since initializers in separate declarations of one class run in no defined order.
                    private static global::{{ExportNamespace}}.EnvelopeColumn[] CreateEnvelope() => new global::{{ExportNamespace}}.EnvelopeColumn[]
                    """);
                using (w.Block(suffix: ";"))
                {
                    foreach (var member in Order(spec.Members))
                    {
                        w.Line(Entry(member, types) + ",");
                    }
                }
            }
        });
    }

    /// <summary>The record's order, each member that names another moved just before it.</summary>
    public static List<EnvelopeMemberSpec> Order(IEnumerable<EnvelopeMemberSpec> members)
    {
        var ordered = members.Where(m => m.ColumnBefore is null).ToList();
        foreach (var moved in members.Where(m => m.ColumnBefore is not null))
        {
            int at = ordered.FindIndex(m => m.JsonName == moved.ColumnBefore);
            ordered.Insert(at < 0 ? ordered.Count : at, moved);
        }

        return ordered;
    }

    private static string Entry(EnvelopeMemberSpec member, TypeNames types)
    {
        string name = CSharp.Literal(member.JsonName.ToLowerInvariant());
        string value = "e." + member.CSharpName;
        return member.Kind switch
        {
            EnvelopeMemberKind.Payload => $"new({Column}.Json({name}), {EnvelopeEmitter.Payload}.{member.CSharpName}, null)",
            EnvelopeMemberKind.String or EnvelopeMemberKind.Dispatch => Write($"{Column}.String({name})", $"w.WriteString({value})"),
            EnvelopeMemberKind.Version or EnvelopeMemberKind.OpenEnum => Write($"{Column}.String({name})", $"w.WriteString({value}?.Value)"),
            EnvelopeMemberKind.Boolean => Write($"{Column}.Boolean({name})", $"w.WriteBoolean({value})"),
            EnvelopeMemberKind.Time => Write($"{Column}.Timestamp({name})", $"w.WriteTimestamp({value})"),
            EnvelopeMemberKind.Object => Write($"{Column}.Struct({name}, {types.Named(member.TypeName)}.ColumnShape)", $"w.WriteObject({value})"),
            EnvelopeMemberKind.ObjectList => Write(
                $"{Column}.List({name}, {Column}.Struct(\"element\", {types.Named(member.TypeName)}.ColumnShape))",
                $"WriteObjects(w, {value})"),
            _ => Write($"{Column}.Json({name})", $"w.WriteJson({value})"),
        };
    }

    private static string Write(string field, string write) => $"new({field}, null, static (w, e) => {write})";
}
