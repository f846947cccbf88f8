using System.Globalization;
using System.Linq;
using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen.Emitting;

/// <summary>
/// Writes a generated class (properties, a reader over <c>CloudTrailJsonReader</c>, a writer to
/// <c>Utf8JsonWriter</c>) and a generated enum type. Reads are straight-line code: no
/// reflection, no delegates, no boxing.
/// </summary>
internal sealed class ClassEmitter
{
    private const string Reader = "reader";
    private const string Ext = "extensionData";
    private readonly TypeNames _types;

    public ClassEmitter(TypeNames types) => _types = types;

    public void EmitClass(SourceWriter w, ClassSpec spec)
    {
        string name = CSharp.Identifier(spec.Name);
        CSharp.Doc(w, spec.Description ?? $"The JSON object at {spec.JsonPath}.", $"JSON: {spec.JsonPath}");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Open($"public sealed partial class {name} : {ColumnEmitter.Export}.IColumnObject");
        foreach (var property in spec.Properties)
        {
            // Every member is nullable, required ones too: a delivered record may lack any of
            // them, and a problem on the event says so.
            string required = property.Required ? " Required by the schema: null when the record lacks it, with a problem on the event." : string.Empty;
            CSharp.Doc(w, (property.Description ?? $"The JSON member {property.JsonName}.") + required, $"JSON: {property.JsonName}");
            w.Line($"public {_types.Of(property.Type, nullable: true)} {CSharp.Identifier(property.CSharpName)} {{ get; set; }}");
            w.Line();
        }

        CSharp.Doc(w, "Members this type does not map to a typed value (unknown names, explicit nulls, values kept verbatim); they are written back exactly as read.");
        w.Line($"public global::System.Collections.Generic.IReadOnlyList<{TypeNames.Runtime}.RawJsonProperty>? ExtensionData {{ get; set; }}");
        w.Line();
        ColumnEmitter.EmitShape(w, spec, _types);
        w.Line();
        EmitRead(w, spec, name);
        w.Line();
        EmitWrite(w, spec);
        w.Line();
        ColumnEmitter.EmitWriteColumns(w, spec, _types);
        w.Close();
    }

    public void EmitEnum(SourceWriter w, EnumSpec spec)
    {
        string name = CSharp.Identifier(spec.Name);
        CSharp.Doc(w, spec.Description ?? $"A string value with known values; other values are kept.", "Unknown values are kept: compare with the named values, or read Value.");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Open($"public readonly partial struct {name} : global::System.IEquatable<{name}>");
        w.Line("private readonly string? _value;");
        w.Line();
        CSharp.Doc(w, "Wraps a value, known or not.");
        w.Open($"public {name}(string value)");
        w.Line("_value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        w.Close();
        w.Line();
        foreach (var member in spec.Members)
        {
            CSharp.Doc(w, $"The value \"{member.Value}\".");
            w.Line($"public static {name} {CSharp.Identifier(member.CSharpName)} {{ get; }} = new {name}({CSharp.Literal(member.Value)});");
            w.Line();
        }

        CSharp.Doc(w, "The known values, in schema order.");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{name}> KnownValues {{ get; }} = new {name}[] {{ {string.Join(", ", System.Linq.Enumerable.Select(spec.Members, m => CSharp.Identifier(m.CSharpName)))} }};");
        w.Line();
        CSharp.Doc(w, "The value as written in the record.");
        w.Line("public string Value => _value ?? string.Empty;");
        w.Line();
        CSharp.Doc(w, "Whether the value is one of the known values.");
        w.Open("public bool IsKnown");
        w.Open("get");
        w.Open($"foreach (var known in KnownValues)");
        w.Open("if (Equals(known))");
        w.Line("return true;");
        w.Close();
        w.Close();
        w.Line();
        w.Line("return false;");
        w.Close();
        w.Close();
        w.Line();
        CSharp.Doc(w, "Reads the current string token; known values share one instance.");
        w.Open($"public static {name} Read(ref {TypeNames.Runtime}.Serialization.CloudTrailJsonReader {Reader})");
        foreach (var member in spec.Members)
        {
            w.Open($"if ({Reader}.ValueIs({CSharp.Utf8Literal(member.Value)}))");
            w.Line($"return {CSharp.Identifier(member.CSharpName)};");
            w.Close();
            w.Line();
        }

        w.Line($"return new {name}({Reader}.GetString());");
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        w.Line();
        w.Line("/// <inheritdoc/>");
        w.Line("public override string ToString() => Value;");
        w.Line();
        CSharp.Doc(w, "Ordinal equality of the values.");
        w.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        w.Line();
        CSharp.Doc(w, "Ordinal inequality of the values.");
        w.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        w.Line();
        CSharp.Doc(w, "Wraps a value, known or not.");
        w.Line($"public static implicit operator {name}(string value) => new {name}(value);");
        w.Close();
    }

    private void EmitRead(SourceWriter w, ClassSpec spec, string name)
    {
        CSharp.Doc(w, "Reads the object at the reader's position (its start token).");
        w.Open($"public static {name} Read(ref {TypeNames.Runtime}.Serialization.CloudTrailJsonReader {Reader})");
        w.Line($"{Reader}.ExpectStartObject({CSharp.Literal(spec.JsonPath)});");
        for (int i = 0; i < spec.Properties.Count; i++)
        {
            w.Line($"{_types.Of(spec.Properties[i].Type, nullable: true)} v{i} = default;");
            w.Line($"bool seen{i} = false;");
        }

        w.Line($"global::System.Collections.Generic.List<{TypeNames.Runtime}.RawJsonProperty>? {Ext} = null;");
        w.Open($"while ({Reader}.ReadProperty())");
        if (spec.Properties.Count == 0)
        {
            w.Line($"{Reader}.KeepUnknown(ref {Ext});");
        }
        else
        {
            // Names are matched by length, then bytes: most members cost one comparison.
            // Escaped names (rare) take the decoding path. A switch, not an else-if chain:
            // the compiler walks an else-if chain recursively, and a class with thousands of
            // members would overflow its stack.
            w.Line($"int member = {Reader}.TryGetRawUtf8(out var memberName) ? MemberIndex(memberName) : EscapedMemberIndex(ref {Reader});");
            w.Open("switch (member)");
            for (int i = 0; i < spec.Properties.Count; i++)
            {
                var property = spec.Properties[i];
                w.Open($"case {i.ToString(CultureInfo.InvariantCulture)}:");
                w.Open($"if (seen{i})");
                w.Line($"{Reader}.Repeated({CSharp.Literal(spec.JsonPath)}, {CSharp.Literal(property.JsonName)});");
                w.Line($"v{i} = default;");
                w.Close();
                w.Line();
                w.Line($"seen{i} = true;");
                EmitReadProperty(w, property, $"v{i}", spec.JsonPath);
                w.Line("break;");
                w.Close();
            }

            w.Open("default:");
            w.Line($"{Reader}.KeepUnknown(ref {Ext});");
            w.Line("break;");
            w.Close();
            w.Close();
        }

        w.Close();
        w.Line();
        for (int i = 0; i < spec.Properties.Count; i++)
        {
            var property = spec.Properties[i];
            if (property.Required)
            {
                w.Open($"if (!seen{i})");
                w.Line($"{Reader}.MissingMember({CSharp.Literal(spec.JsonPath)}, {CSharp.Literal(property.JsonName)});");
                w.Close();
                w.Line();
            }
        }

        w.Open($"return new {name}");
        for (int i = 0; i < spec.Properties.Count; i++)
        {
            w.Line($"{CSharp.Identifier(spec.Properties[i].CSharpName)} = v{i},");
        }

        w.Line($"ExtensionData = {Ext},");
        w.Close("};");
        w.Close();
        if (spec.Properties.Count > 0)
        {
            w.Line();
            EmitMemberIndex(w, spec);
        }
    }

    private static void EmitMemberIndex(SourceWriter w, ClassSpec spec)
    {
        w.Open("private static int MemberIndex(global::System.ReadOnlySpan<byte> name)");
        w.Open("switch (name.Length)");
        var byLength = spec.Properties
            .Select((property, index) => (property.JsonName, Index: index))
            .GroupBy(p => System.Text.Encoding.UTF8.GetByteCount(p.JsonName))
            .OrderBy(g => g.Key);
        foreach (var group in byLength)
        {
            w.Open($"case {group.Key.ToString(CultureInfo.InvariantCulture)}:");
            foreach (var (jsonName, index) in group)
            {
                w.Open($"if (global::System.MemoryExtensions.SequenceEqual(name, {CSharp.Utf8Literal(jsonName)}))");
                w.Line($"return {index.ToString(CultureInfo.InvariantCulture)};");
                w.Close();
                w.Line();
            }

            w.Line("break;");
            w.Close();
        }

        w.Close();
        w.Line();
        w.Line("return -1;");
        w.Close();
        w.Line();
        w.Open($"private static int EscapedMemberIndex(ref {TypeNames.Runtime}.Serialization.CloudTrailJsonReader {Reader})");
        for (int i = 0; i < spec.Properties.Count; i++)
        {
            w.Open($"if ({Reader}.PropertyIs({CSharp.Utf8Literal(spec.Properties[i].JsonName)}))");
            w.Line($"return {i.ToString(CultureInfo.InvariantCulture)};");
            w.Close();
            w.Line();
        }

        w.Line("return -1;");
        w.Close();
    }

    private void EmitReadProperty(SourceWriter w, PropertySpec property, string target, string objectPath)
    {
        string key = CSharp.Literal(property.JsonName);
        if (property.Type.Kind == TypeKind.Raw)
        {
            w.Line($"{target} = {Reader}.ReadRawValue({key}, ref {Ext});");
            return;
        }

        w.Open(property.Required
            ? $"if ({Reader}.ReadRequiredValue({TypeNames.Kind(property.Type)}, {CSharp.Literal(objectPath)}, {key}, ref {Ext}))"
            : $"if ({Reader}.ReadValue({TypeNames.Kind(property.Type)}, {key}, ref {Ext}))");
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
            w.Open("if (verbatim)");
            w.Line($"{Reader}.KeepSince(mark, {key}, ref {Ext});");
            w.Close();
        }
        else
        {
            EmitValue(w, property.Type, target, key, 0);
        }

        w.Close();
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
        if (type.Kind == TypeKind.Array)
        {
            w.Open($"while ({Reader}.ReadItem())");
        }
        else
        {
            w.Open($"while ({Reader}.ReadProperty())");
            w.Line($"string key{d} = {Reader}.GetString();");
            w.Open($"if ({collection}.ContainsKey(key{d}))");
            w.Line($"{Reader}.Repeated({key}, key{d});");
            w.Close();
            w.Line();
            w.Line($"{Reader}.Read();");
        }

        string store = type.Kind == TypeKind.Array ? $"{collection}.Add({item});" : $"{collection}[key{d}] = {item};";
        var element = type.Element!;
        if (type.ElementNullable)
        {
            w.Open($"if ({Reader}.IsNull)");
            w.Line(type.Kind == TypeKind.Array ? $"{collection}.Add(null);" : $"{collection}[key{d}] = null;");
            w.Line("continue;");
            w.Close();
            w.Line();
        }

        if (element.Kind != TypeKind.Raw)
        {
            w.Open($"if (!{Reader}.ItemIs({TypeNames.Kind(element)}, {key}))");
            w.Line("verbatim = true;");
            w.Line("continue;");
            w.Close();
            w.Line();
        }

        w.Line($"{_types.Of(element, nullable: false)} {item};");
        EmitValue(w, element, item, key, depth + 1);
        w.Line(store);
        w.Close();
        w.Line($"{target} = {collection};");
    }

    private void EmitWrite(SourceWriter w, ClassSpec spec)
    {
        CSharp.Doc(w, "Writes the object as JSON: typed members, then the members kept verbatim.");
        w.Open("public void WriteTo(global::System.Text.Json.Utf8JsonWriter writer)");

        // Members through "this.": a schema may name one writer, extensionData or value0.
        w.Line($"var {Ext} = this.ExtensionData;");
        w.Line("writer.WriteStartObject();");
        for (int i = 0; i < spec.Properties.Count; i++)
        {
            var property = spec.Properties[i];
            string value = "value" + i.ToString(CultureInfo.InvariantCulture);
            w.Open($"if (this.{CSharp.Identifier(property.CSharpName)} is {{ }} {value} && !{TypeNames.Runtime}.Serialization.CloudTrailJsonWriter.IsKept({Ext}, {CSharp.Literal(property.JsonName)}))");
            w.Line($"writer.WritePropertyName({CSharp.Utf8Literal(property.JsonName)});");
            EmitWriteValue(w, property.Type, value, 0);
            w.Close();
            w.Line();
        }

        w.Line($"{TypeNames.Runtime}.Serialization.CloudTrailJsonWriter.WriteExtensionData(writer, {Ext});");
        w.Line("writer.WriteEndObject();");
        w.Close();
    }

    private void EmitWriteValue(SourceWriter w, TypeRef type, string expression, int depth)
    {
        string d = depth.ToString(CultureInfo.InvariantCulture);
        switch (type.Kind)
        {
            case TypeKind.String:
                w.Line($"writer.WriteStringValue({expression});");
                break;
            case TypeKind.DateTime:
                w.Line($"{TypeNames.Runtime}.Serialization.CloudTrailJsonWriter.WriteDateTimeValue(writer, {expression});");
                break;
            case TypeKind.Integer:
            case TypeKind.Number:
                w.Line($"writer.WriteNumberValue({expression});");
                break;
            case TypeKind.Boolean:
                w.Line($"writer.WriteBooleanValue({expression});");
                break;
            case TypeKind.Enum:
                w.Line($"writer.WriteStringValue({expression}.Value);");
                break;
            case TypeKind.Array:
                w.Line("writer.WriteStartArray();");
                w.Open($"foreach (var item{d} in {expression})");
                EmitWriteElement(w, type, "item" + d, depth);
                w.Close();
                w.Line("writer.WriteEndArray();");
                break;
            case TypeKind.Map:
                w.Line("writer.WriteStartObject();");
                w.Open($"foreach (var pair{d} in {expression})");
                w.Line($"writer.WritePropertyName(pair{d}.Key);");
                EmitWriteElement(w, type, $"pair{d}.Value", depth);
                w.Close();
                w.Line("writer.WriteEndObject();");
                break;
            default:
                w.Line($"{expression}.WriteTo(writer);");
                break;
        }
    }

    private void EmitWriteElement(SourceWriter w, TypeRef collection, string expression, int depth)
    {
        if (!collection.ElementNullable)
        {
            EmitWriteValue(w, collection.Element!, expression, depth + 1);
            return;
        }

        string element = "element" + depth.ToString(CultureInfo.InvariantCulture);
        w.Open($"if ({expression} is {{ }} {element})");
        EmitWriteValue(w, collection.Element!, element, depth + 1);
        w.Close();
        w.Open("else");
        w.Line("writer.WriteNullValue();");
        w.Close();
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
