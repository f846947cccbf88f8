using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen.Emitting;

/// <summary>
/// Writes the envelope's storage: the <c>EnvelopeFields</c> struct every event holds inline, the
/// side object for rare members, and the flags byte. Common members are fields of the struct;
/// rare ones (<c>"x-glaciertrail-rare": true</c>) live in the side object, made on the first one
/// set; open value sets and the version are held as their strings, and the timestamp as ticks and
/// an offset, so the struct stays small.
/// </summary>
internal static class EnvelopeStorageEmitter
{
    public static string Emit(EnvelopeSpec spec, TypeNames types)
    {
        var members = spec.Members;
        var held = members.Where(m => m.Kind is not (EnvelopeMemberKind.Dispatch or EnvelopeMemberKind.Payload)).ToList();
        var payloads = members.Where(m => m.Kind == EnvelopeMemberKind.Payload).ToList();
        return EnvelopeEmitter.File(EnvelopeEmitter.EnvelopeNamespace, w =>
        {
            w.Line(CSharp.GeneratedCodeAttribute);
            using (w.Block("internal partial struct EnvelopeFields"))
            {
                EmitStructMembers(w, held, payloads, types);
                w.Line();
                EmitRareClass(w, held.Where(m => m.Rare).ToList(), payloads, types);
            }

            w.Line();
            EmitFlags(w, members);
        });
    }

    private static void EmitStructMembers(SourceWriter w, List<EnvelopeMemberSpec> held, List<EnvelopeMemberSpec> payloads, TypeNames types)
    {
        // Every field in this one declaration: a struct's field order is defined only within one.
        w.Line("private RareEnvelopeFields? _rare;");
        foreach (var member in held.Where(m => !m.Rare))
        {
            string camel = Camel(member);
            switch (member.Kind)
            {
                case EnvelopeMemberKind.Version:
                case EnvelopeMemberKind.OpenEnum:
                    w.Line($"private string? _{camel};");
                    break;
                case EnvelopeMemberKind.Time:
                    w.Line($"private long _{camel}Ticks;");
                    w.Line($"private short _{camel}OffsetMinutes;");
                    break;
            }
        }

        foreach (var member in held.Where(m => !m.Rare && m.Kind is not (EnvelopeMemberKind.Version or EnvelopeMemberKind.OpenEnum or EnvelopeMemberKind.Time)))
        {
            w.Line($"public {EnvelopeEmitter.TypeOf(member, types)} {member.CSharpName};");
        }

        w.Lines($"""
            public {EnvelopeEmitter.ExtensionReadOnlyList}? ExtensionData;

            // Which payload keys were present at all (a present null must write back as null; an absent
            // key must stay absent), whether the timestamp was read, and which always-written members were absent.
            public {EnvelopeEmitter.Flags} PresentPayloads;
            """);

        // Common members of the other kinds are the public fields above.
        foreach (var member in held.Where(m => m.Rare || m.Kind is EnvelopeMemberKind.Version or EnvelopeMemberKind.OpenEnum or EnvelopeMemberKind.Time))
        {
            w.Line();
            EmitProperty(w, member, types);
        }

        foreach (var payload in payloads)
        {
            w.Line();
            w.Line($"public {EnvelopeEmitter.RawJson}? Raw{payload.CSharpName} {{ readonly get => _rare?.Raw{payload.CSharpName}; set => Rare(value is null)?.Raw{payload.CSharpName} = value; }}");
        }

        if (payloads.Count > 0)
        {
            EmitPayloadSwitches(w, payloads);
        }
    }

    private static void EmitProperty(SourceWriter w, EnvelopeMemberSpec member, TypeNames types)
    {
        string type = EnvelopeEmitter.TypeOf(member, types);
        string name = member.CSharpName;
        string camel = Camel(member);
        if (member.Rare)
        {
            w.Line($"public {type} {name} {{ readonly get => _rare?.{name}; set => Rare(value is null)?.{name} = value; }}");
            return;
        }

        switch (member.Kind)
        {
            case EnvelopeMemberKind.Version:
            case EnvelopeMemberKind.OpenEnum:
                string wrapper = type.TrimEnd('?');
                using (w.Block($"public {type} {name}"))
                {
                    w.Line($"readonly get => _{camel} is {{ }} value ? new {wrapper}(value) : ({type})null;");
                    w.Line($"set => _{camel} = value?.Value;");
                }

                break;
            case EnvelopeMemberKind.Time:
                string flag = $"{EnvelopeEmitter.Flags}.Has{name}";
                w.Lines($$"""
                    // CloudTrail's offsets are whole minutes (the type allows no finer ones).
                    public {{type}} {{name}}
                    {
                        readonly get => (PresentPayloads & {{flag}}) != 0 ? new(_{{camel}}Ticks, global::System.TimeSpan.FromMinutes(_{{camel}}OffsetMinutes)) : null;
                        set
                        {
                            if (value is { } time)
                            {
                                _{{camel}}Ticks = time.Ticks;
                                _{{camel}}OffsetMinutes = (short)time.Offset.TotalMinutes;
                                PresentPayloads |= {{flag}};
                            }
                            else
                            {
                                PresentPayloads &= ~{{flag}};
                            }
                        }
                    }
                    """);
                break;
        }
    }

    private static void EmitPayloadSwitches(SourceWriter w, List<EnvelopeMemberSpec> payloads)
    {
        string payload = EnvelopeEmitter.Payload;
        w.Line();
        using (w.Block($"public readonly {EnvelopeEmitter.RawJson}? GetRawPayload({payload} payload) => payload switch", ";"))
        {
            for (int i = 0; i < payloads.Count; i++)
            {
                string name = payloads[i].CSharpName;
                w.Line(i < payloads.Count - 1 ? $"{payload}.{name} => Raw{name}," : $"_ => Raw{name},");
            }
        }

        w.Line();
        using (w.Block($"public void SetRawPayload({payload} payload, {EnvelopeEmitter.RawJson}? value)"))
        using (w.Block("switch (payload)"))
        {
            for (int i = 0; i < payloads.Count; i++)
            {
                string name = payloads[i].CSharpName;
                w.Line(i < payloads.Count - 1 ? $"case {payload}.{name}: Raw{name} = value; break;" : $"default: Raw{name} = value; break;");
            }
        }

        w.Line();
        using (w.Block($"public static {EnvelopeEmitter.Flags} FlagOf({payload} payload) => payload switch", ";"))
        {
            for (int i = 0; i < payloads.Count; i++)
            {
                string name = payloads[i].CSharpName;
                w.Line(i < payloads.Count - 1 ? $"{payload}.{name} => {EnvelopeEmitter.Flags}.{name}," : $"_ => {EnvelopeEmitter.Flags}.{name},");
            }
        }
    }

    private static void EmitRareClass(SourceWriter w, List<EnvelopeMemberSpec> rare, List<EnvelopeMemberSpec> payloads, TypeNames types)
    {
        var fields = rare.Select(m => (Type: EnvelopeEmitter.TypeOf(m, types), Name: m.CSharpName))
            .Concat(payloads.Select(p => (Type: EnvelopeEmitter.RawJson + "?", Name: "Raw" + p.CSharpName)))
            .ToList();
        w.Line("// Members few records have, and payloads the event type does not describe, kept verbatim.");
        using (w.Block("private class RareEnvelopeFields"))
        {
            foreach (var (type, name) in fields)
            {
                w.Line($"public {type} {name};");
            }

            w.Line();
            using (w.Block("public void CopyTo(RareEnvelopeFields other)"))
            {
                foreach (var (_, name) in fields)
                {
                    w.Line($"other.{name} = {name};");
                }
            }
        }
    }

    private static void EmitFlags(SourceWriter w, EquatableArray<EnvelopeMemberSpec> members)
    {
        var names = members.Where(m => m.Kind == EnvelopeMemberKind.Payload).Select(m => m.CSharpName)
            .Concat(members.Where(m => m.Kind == EnvelopeMemberKind.Time).Select(m => "Has" + m.CSharpName))
            .Concat(members.Where(m => m.Kind == EnvelopeMemberKind.Dispatch).Select(m => "No" + m.CSharpName))
            .ToList();
        CSharp.Doc(w, "Payload keys present, timestamps read and always-written members absent, packed into one byte.");
        w.Line("[global::System.Flags]");
        w.Line(CSharp.GeneratedCodeAttribute);
        using (w.Block("internal enum PayloadFlags : byte"))
        {
            w.Line("None = 0,");
            for (int i = 0; i < names.Count; i++)
            {
                w.Line($"{names[i]} = {(1 << i).ToString(CultureInfo.InvariantCulture)},");
            }
        }
    }

    private static string Camel(EnvelopeMemberSpec member) =>
        char.ToLowerInvariant(member.CSharpName[0]) + member.CSharpName.Substring(1);
}
