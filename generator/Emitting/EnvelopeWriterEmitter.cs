using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen.Emitting;

/// <summary>
/// Writes <c>CloudTrailRecordWriter.WriteMembers</c>: the envelope's members in the record
/// schema's order, each by its kind, unless a verbatim copy of it was kept.
/// </summary>
internal static class EnvelopeWriterEmitter
{
    private const string JsonWriter = EnvelopeEmitter.JsonWriter;

    public static string Emit(EnvelopeSpec spec) => EnvelopeEmitter.File(EnvelopeEmitter.EnvelopeNamespace, w =>
    {
        w.Line(CSharp.GeneratedCodeAttribute);
        using (w.Block("internal static partial class CloudTrailRecordWriter"))
        {
            CSharp.Doc(w, "Writes the envelope's members in the record schema's order, each unless a verbatim copy of it was kept.");
            using (w.Block($"private static void WriteMembers({EnvelopeEmitter.Event} evt, global::System.Text.Json.Utf8JsonWriter writer, {EnvelopeEmitter.ExtensionReadOnlyList}? ext)"))
            {
                w.Line("ref readonly var f = ref evt.Fields;");
                foreach (var member in spec.Members)
                {
                    if (member.Kind == EnvelopeMemberKind.Payload)
                    {
                        w.Line($"WritePayload(evt, writer, {EnvelopeEmitter.Payload}.{member.CSharpName}, {CSharp.Utf8Literal(member.JsonName)});");
                        continue;
                    }

                    EmitMember(w, member);
                    w.Line();
                }
            }
        }
    });

    private static void EmitMember(SourceWriter w, EnvelopeMemberSpec member)
    {
        string name = CSharp.Utf8Literal(member.JsonName);
        string key = CSharp.Literal(member.JsonName);
        string local = CSharp.Identifier(char.ToLowerInvariant(member.CSharpName[0]) + member.CSharpName.Substring(1) + "Value");
        if (member.Kind == EnvelopeMemberKind.Dispatch)
        {
            using (w.Block($"if ((f.PresentPayloads & {EnvelopeEmitter.Flags}.No{member.CSharpName}) == 0)"))
            {
                w.Line($"writer.WriteString({name}, evt.{member.CSharpName});");
            }

            return;
        }

        using (w.Block($"if (f.{member.CSharpName} is {{ }} {local} && !{JsonWriter}.IsKept(ext, {key}))"))
        {
            switch (member.Kind)
            {
                case EnvelopeMemberKind.String:
                    w.Line($"writer.WriteString({name}, {local});");
                    break;
                case EnvelopeMemberKind.Boolean:
                    w.Line($"writer.WriteBoolean({name}, {local});");
                    break;
                case EnvelopeMemberKind.Version:
                case EnvelopeMemberKind.OpenEnum:
                    w.Line($"writer.WriteString({name}, {local}.Value);");
                    break;
                case EnvelopeMemberKind.Time:
                    w.Line($"writer.WritePropertyName({name});");
                    w.Line($"{JsonWriter}.WriteDateTimeValue(writer, {local});");
                    break;
                case EnvelopeMemberKind.ObjectList:
                    w.Lines($$"""
                        writer.WriteStartArray({{name}});
                        for (int i = 0; i < {{local}}.Count; i++)
                        {
                            {{local}}[i].WriteTo(writer);
                        }

                        writer.WriteEndArray();
                        """);
                    break;
                default:
                    w.Line($"writer.WritePropertyName({name});");
                    w.Line($"{local}.WriteTo(writer);");
                    break;
            }
        }
    }
}
