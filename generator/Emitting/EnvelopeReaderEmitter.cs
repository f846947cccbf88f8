using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen.Emitting;

/// <summary>
/// Writes <c>EnvelopeReader.ReadField</c>: one case per envelope member whose value does not
/// decide the event type, reading it by its kind and keeping a value of the wrong kind verbatim.
/// </summary>
internal static class EnvelopeReaderEmitter
{
    private const string Field = EnvelopeEmitter.Field;
    private const string JsonKind = EnvelopeEmitter.JsonKind;

    public static string Emit(EnvelopeSpec spec, TypeNames types) => EnvelopeEmitter.File(EnvelopeEmitter.EnvelopeNamespace, w =>
    {
        w.Line(CSharp.GeneratedCodeAttribute);
        using (w.Block("internal static partial class EnvelopeReader"))
        {
            CSharp.Doc(w, "Reads one envelope member whose value does not decide the event type; the record loop reads the others.");
            using (w.Block($"public static void ReadField(ref {EnvelopeEmitter.Reader} reader, {Field} field, ref {EnvelopeEmitter.Fields} fields, ref {EnvelopeEmitter.ExtensionList}? ext)"))
            using (w.Block("switch (field)"))
            {
                foreach (var member in spec.Members)
                {
                    if (member.Kind is EnvelopeMemberKind.Dispatch or EnvelopeMemberKind.Payload or EnvelopeMemberKind.Time)
                    {
                        continue;
                    }

                    w.Line($"case {Field}.{member.CSharpName}:");
                    using (w.Block())
                    {
                        EmitCase(w, member, types);
                        w.Line("break;");
                    }
                }

                w.Line("default:");
                using (w.Block())
                {
                    w.Line("reader.KeepUnknown(ref ext);");
                    w.Line("break;");
                }
            }
        }
    });

    private static void EmitCase(SourceWriter w, EnvelopeMemberSpec member, TypeNames types)
    {
        string key = CSharp.Literal(member.JsonName);
        string target = "fields." + member.CSharpName;
        switch (member.Kind)
        {
            case EnvelopeMemberKind.String:
                w.Line($"{target} = ReadString(ref reader, {key}, ref ext);");
                break;
            case EnvelopeMemberKind.Boolean:
                w.Line($"{target} = ReadBoolean(ref reader, {key}, ref ext);");
                break;
            case EnvelopeMemberKind.Raw:
                w.Line($"{target} = ReadRaw(ref reader);");
                break;
            case EnvelopeMemberKind.Version:
                ReadChecked(w, key, "String", $"{target} = new {EnvelopeEmitter.Version}(ReadVersionText(ref reader));");
                break;
            case EnvelopeMemberKind.OpenEnum:
                ReadChecked(w, key, "String", $"{target} = {types.Named(member.TypeName)}.Read(ref reader);");
                break;
            case EnvelopeMemberKind.Object:
                ReadChecked(w, key, "Object", $"{target} = {types.Named(member.TypeName)}.Read(ref reader);");
                break;
            case EnvelopeMemberKind.ObjectList:
                string item = types.Named(member.TypeName);
                using (w.Block($"if (reader.ReadValue({JsonKind}.Array, {key}, ref ext))"))
                {
                    w.Lines($$"""
                        // An item that is not an object is a problem: the list keeps the rest, and
                        // the array is kept verbatim so it writes back as read.
                        int mark = reader.Mark();
                        bool verbatim = false;
                        var items = new global::System.Collections.Generic.List<{{item}}>();
                        while (reader.ReadItem())
                        {
                            if (reader.ItemIs({{JsonKind}}.Object, {{key}}))
                            {
                                items.Add({{item}}.Read(ref reader));
                            }
                            else
                            {
                                verbatim = true;
                            }
                        }

                        {{target}} = items;
                        if (verbatim)
                        {
                            reader.KeepSince(mark, {{key}}, ref ext);
                        }
                        """);
                }

                break;
        }
    }

    private static void ReadChecked(SourceWriter w, string key, string kind, string statement)
    {
        using (w.Block($"if (reader.ReadValue({JsonKind}.{kind}, {key}, ref ext))"))
        {
            w.Line(statement);
        }
    }
}
