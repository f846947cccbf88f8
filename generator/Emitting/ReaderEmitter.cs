using System.Globalization;
using System.Linq;
using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen.Emitting;

/// <summary>
/// Writes a generated class's <c>Read</c>: straight-line code over <c>CloudTrailJsonReader</c>
/// that matches member names by length and bytes, checks each value's JSON kind, and keeps
/// what does not fit verbatim in <c>ExtensionData</c>.
/// </summary>
internal sealed class ReaderEmitter
{
    private const string Reader = "reader";
    private const string Ext = "extensionData";
    private readonly TypeNames _types;

    public ReaderEmitter(TypeNames types) => _types = types;

    public void EmitRead(SourceWriter w, ClassSpec spec, string name)
    {
        CSharp.Doc(w, "Reads the object at the reader's position (its start token).");
        using (w.Block($"public static {name} Read(ref {TypeNames.Runtime}.Serialization.CloudTrailJsonReader {Reader})"))
        {
            w.Line($"{Reader}.ExpectStartObject({CSharp.Literal(spec.JsonPath)});");
            for (int i = 0; i < spec.Properties.Count; i++)
            {
                w.Line($"{_types.Of(spec.Properties[i].Type, nullable: true)} v{i} = default;");
                w.Line($"bool seen{i} = false;");
            }

            w.Line($"global::System.Collections.Generic.List<{TypeNames.Runtime}.RawJsonProperty>? {Ext} = null;");
            using (w.Block($"while ({Reader}.ReadProperty())"))
            {
                EmitMemberSwitch(w, spec);
            }

            w.Line();
            for (int i = 0; i < spec.Properties.Count; i++)
            {
                var property = spec.Properties[i];
                if (property.Required)
                {
                    using (w.Block($"if (!seen{i})"))
                    {
                        w.Line($"{Reader}.MissingMember({CSharp.Literal(spec.JsonPath)}, {CSharp.Literal(property.JsonName)});");
                    }

                    w.Line();
                }
            }

            using (w.Block($"return new {name}", ";"))
            {
                for (int i = 0; i < spec.Properties.Count; i++)
                {
                    w.Line($"{CSharp.Identifier(spec.Properties[i].CSharpName)} = v{i},");
                }

                w.Line($"ExtensionData = {Ext},");
            }
        }

        if (spec.Properties.Count > 0)
        {
            w.Line();
            EmitMemberIndex(w, spec);
        }
    }

    private void EmitMemberSwitch(SourceWriter w, ClassSpec spec)
    {
        if (spec.Properties.Count == 0)
        {
            w.Line($"{Reader}.KeepUnknown(ref {Ext});");
            return;
        }

        // Names are matched by length, then bytes: most members cost one comparison.
        // Escaped names (rare) take the decoding path. A switch, not an else-if chain:
        // the compiler walks an else-if chain recursively, and a class with thousands of
        // members would overflow its stack.
        w.Line($"int member = {Reader}.TryGetRawUtf8(out var memberName) ? MemberIndex(memberName) : EscapedMemberIndex(ref {Reader});");
        using (w.Block("switch (member)"))
        {
            for (int i = 0; i < spec.Properties.Count; i++)
            {
                var property = spec.Properties[i];
                using (w.Block($"case {i.ToString(CultureInfo.InvariantCulture)}:"))
                {
                    using (w.Block($"if (seen{i})"))
                    {
                        w.Line($"{Reader}.Repeated({CSharp.Literal(spec.JsonPath)}, {CSharp.Literal(property.JsonName)});");
                        w.Line($"v{i} = default;");
                    }

                    w.Line();
                    w.Line($"seen{i} = true;");
                    EmitReadProperty(w, property, $"v{i}", spec.JsonPath);
                    w.Line("break;");
                }
            }

            using (w.Block("default:"))
            {
                w.Line($"{Reader}.KeepUnknown(ref {Ext});");
                w.Line("break;");
            }
        }
    }

    private static void EmitMemberIndex(SourceWriter w, ClassSpec spec)
    {
        using (w.Block("private static int MemberIndex(global::System.ReadOnlySpan<byte> name)"))
        {
            using (w.Block("switch (name.Length)"))
            {
                var byLength = spec.Properties
                    .Select((property, index) => (property.JsonName, Index: index))
                    .GroupBy(p => System.Text.Encoding.UTF8.GetByteCount(p.JsonName))
                    .OrderBy(g => g.Key);
                foreach (var group in byLength)
                {
                    using (w.Block($"case {group.Key.ToString(CultureInfo.InvariantCulture)}:"))
                    {
                        foreach (var (jsonName, index) in group)
                        {
                            using (w.Block($"if (global::System.MemoryExtensions.SequenceEqual(name, {CSharp.Utf8Literal(jsonName)}))"))
                            {
                                w.Line($"return {index.ToString(CultureInfo.InvariantCulture)};");
                            }

                            w.Line();
                        }

                        w.Line("break;");
                    }
                }
            }

            w.Line();
            w.Line("return -1;");
        }

        w.Line();
        using (w.Block($"private static int EscapedMemberIndex(ref {TypeNames.Runtime}.Serialization.CloudTrailJsonReader {Reader})"))
        {
            for (int i = 0; i < spec.Properties.Count; i++)
            {
                using (w.Block($"if ({Reader}.PropertyIs({CSharp.Utf8Literal(spec.Properties[i].JsonName)}))"))
                {
                    w.Line($"return {i.ToString(CultureInfo.InvariantCulture)};");
                }

                w.Line();
            }

            w.Line("return -1;");
        }
    }

    private void EmitReadProperty(SourceWriter w, PropertySpec property, string target, string objectPath)
    {
        string key = CSharp.Literal(property.JsonName);
        if (property.Type.Kind == TypeKind.Raw)
        {
            w.Line($"{target} = {Reader}.ReadRawValue({key}, ref {Ext});");
            return;
        }

        string header = property.Required
            ? $"if ({Reader}.ReadRequiredValue({TypeNames.Kind(property.Type)}, {CSharp.Literal(objectPath)}, {key}, ref {Ext}))"
            : $"if ({Reader}.ReadValue({TypeNames.Kind(property.Type)}, {key}, ref {Ext}))";
        using (w.Block(header))
        {
            if (property.Type.Kind == TypeKind.DateTime)
            {
                w.Line($"{target} = {Reader}.GetDateTime({key}, ref {Ext});");
            }
            else if (property.Type.Kind is TypeKind.Array or TypeKind.Map && HoldsTyped(property.Type))
            {
                // An item of another kind, or a timestamp that would not write back as read, cannot
                // be kept verbatim on its own: the whole collection is kept verbatim as well.
                w.Line($"int mark = {Reader}.Mark();");
                w.Line("bool verbatim = false;");
                EmitValue(w, property.Type, target, key, 0);
                using (w.Block("if (verbatim)"))
                {
                    w.Line($"{Reader}.KeepSince(mark, {key}, ref {Ext});");
                }
            }
            else
            {
                EmitValue(w, property.Type, target, key, 0);
            }
        }
    }

    /// <summary>Reads the value at the current token (its kind already checked) into <paramref name="target"/>.</summary>
    private void EmitValue(SourceWriter w, TypeRef type, string target, string key, int depth)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
                w.Line($"{target} = {Reader}.GetString();");
                break;
            case TypeKind.DateTime:
                w.Line($"{target} = {Reader}.GetDateTimeItem(ref verbatim);");
                break;
            case TypeKind.Integer:
                w.Line($"{target} = {Reader}.GetInt64();");
                break;
            case TypeKind.Number:
                w.Line($"{target} = {Reader}.GetDouble();");
                break;
            case TypeKind.Boolean:
                w.Line($"{target} = {Reader}.GetBoolean();");
                break;
            case TypeKind.Object:
            case TypeKind.Enum:
                w.Line($"{target} = {_types.Named(type.Name)}.Read(ref {Reader});");
                break;
            case TypeKind.Array:
            case TypeKind.Map:
                EmitCollection(w, type, target, key, depth);
                break;
            default:
                w.Line($"{target} = {Reader}.GetRaw();");
                break;
        }
    }

    private void EmitCollection(SourceWriter w, TypeRef type, string target, string key, int depth)
    {
        string d = depth.ToString(CultureInfo.InvariantCulture);
        string collection = (type.Kind == TypeKind.Array ? "list" : "map") + d;
        string item = "item" + d;
        w.Line($"var {collection} = new {_types.Builder(type)}();");
        using (w.Block(type.Kind == TypeKind.Array ? $"while ({Reader}.ReadItem())" : $"while ({Reader}.ReadProperty())"))
        {
            if (type.Kind == TypeKind.Map)
            {
                w.Line($"string key{d} = {Reader}.GetString();");
                using (w.Block($"if ({collection}.ContainsKey(key{d}))"))
                {
                    w.Line($"{Reader}.Repeated({key}, key{d});");
                }

                w.Line();
                w.Line($"{Reader}.Read();");
            }

            var element = type.Element!;
            if (type.ElementNullable)
            {
                using (w.Block($"if ({Reader}.IsNull)"))
                {
                    w.Line(type.Kind == TypeKind.Array ? $"{collection}.Add(null);" : $"{collection}[key{d}] = null;");
                    w.Line("continue;");
                }

                w.Line();
            }

            if (element.Kind != TypeKind.Raw)
            {
                using (w.Block($"if (!{Reader}.ItemIs({TypeNames.Kind(element)}, {key}))"))
                {
                    w.Line("verbatim = true;");
                    w.Line("continue;");
                }

                w.Line();
            }

            w.Line($"{_types.Of(element, nullable: false)} {item};");
            EmitValue(w, element, item, key, depth + 1);
            w.Line(type.Kind == TypeKind.Array ? $"{collection}.Add({item});" : $"{collection}[key{d}] = {item};");
        }

        w.Line($"{target} = {collection};");
    }

    // Whether a collection checks the kind of what it holds (anything but raw values), so an
    // item may not fit.
    private static bool HoldsTyped(TypeRef type) => type.Kind switch
    {
        TypeKind.Raw => false,
        TypeKind.Array or TypeKind.Map => HoldsTyped(type.Element!),
        _ => true,
    };
}
