using System.Globalization;
using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen.Emitting;

/// <summary>
/// Writes a generated class: properties, a reader over <c>CloudTrailJsonReader</c> (see
/// <see cref="ReaderEmitter"/>), a writer to <c>Utf8JsonWriter</c> and its export columns; and a
/// generated open enum (see <see cref="OpenEnumEmitter"/>). Reads are straight-line code: no
/// reflection, no delegates, no boxing.
/// </summary>
internal sealed class ClassEmitter
{
    private const string Ext = "extensionData";
    private readonly TypeNames _types;
    private readonly ReaderEmitter _reader;

    public ClassEmitter(TypeNames types)
    {
        _types = types;
        _reader = new ReaderEmitter(types);
    }

    public void EmitClass(SourceWriter w, ClassSpec spec)
    {
        string name = CSharp.Identifier(spec.Name);
        CSharp.Doc(w, spec.Description ?? $"The JSON object at {spec.JsonPath}.", $"JSON: {spec.JsonPath}");
        w.Line(CSharp.GeneratedCodeAttribute);
        using (w.Block($"public sealed partial class {name} : {ColumnEmitter.Export}.IColumnObject"))
        {
            foreach (var property in spec.Properties)
            {
                // Every member is nullable, required ones too: a delivered record may lack any of
                // them, and a problem on the event says so.
                string required = property.Required ? " Required by the schema: null when the record lacks it, with a problem on the event." : string.Empty;
                CSharp.Doc(w, (property.Description ?? $"The JSON member {property.JsonName}.") + required, $"JSON: {property.JsonName}");
                w.Line($"public {_types.Of(property.Type, nullable: true)} {CSharp.Identifier(property.CSharpName)} {{ get; set; }}");
                w.Line();
            }

            w.Lines($$"""
                /// <summary>
                /// Members this type does not map to a typed value (unknown names, explicit nulls, values kept verbatim); they are written back exactly as read.
                /// </summary>
                public global::System.Collections.Generic.IReadOnlyList<{{TypeNames.Runtime}}.RawJsonProperty>? ExtensionData { get; set; }

                """);
            ColumnEmitter.EmitShape(w, spec, _types);
            w.Line();
            _reader.EmitRead(w, spec, name);
            w.Line();
            EmitWrite(w, spec);
            w.Line();
            ColumnEmitter.EmitWriteColumns(w, spec, _types);
        }
    }

    /// <summary>Writes an open enum; see <see cref="OpenEnumEmitter"/>.</summary>
    public void EmitEnum(SourceWriter w, EnumSpec spec) => OpenEnumEmitter.Emit(w, spec);

    private void EmitWrite(SourceWriter w, ClassSpec spec)
    {
        CSharp.Doc(w, "Writes the object as JSON: typed members, then the members kept verbatim.");
        using (w.Block("public void WriteTo(global::System.Text.Json.Utf8JsonWriter writer)"))
        {
            // Members through "this.": a schema may name one writer, extensionData or value0.
            w.Line($"var {Ext} = this.ExtensionData;");
            w.Line("writer.WriteStartObject();");
            for (int i = 0; i < spec.Properties.Count; i++)
            {
                var property = spec.Properties[i];
                string value = "value" + i.ToString(CultureInfo.InvariantCulture);
                using (w.Block($"if (this.{CSharp.Identifier(property.CSharpName)} is {{ }} {value} && !{TypeNames.Runtime}.Serialization.CloudTrailJsonWriter.IsKept({Ext}, {CSharp.Literal(property.JsonName)}))"))
                {
                    w.Line($"writer.WritePropertyName({CSharp.Utf8Literal(property.JsonName)});");
                    EmitWriteValue(w, property.Type, value, 0);
                }

                w.Line();
            }

            w.Line($"{TypeNames.Runtime}.Serialization.CloudTrailJsonWriter.WriteExtensionData(writer, {Ext});");
            w.Line("writer.WriteEndObject();");
        }
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
                using (w.Block($"foreach (var item{d} in {expression})"))
                {
                    EmitWriteElement(w, type, "item" + d, depth);
                }

                w.Line("writer.WriteEndArray();");
                break;
            case TypeKind.Map:
                w.Line("writer.WriteStartObject();");
                using (w.Block($"foreach (var pair{d} in {expression})"))
                {
                    w.Line($"writer.WritePropertyName(pair{d}.Key);");
                    EmitWriteElement(w, type, $"pair{d}.Value", depth);
                }

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
        using (w.Block($"if ({expression} is {{ }} {element})"))
        {
            EmitWriteValue(w, collection.Element!, element, depth + 1);
        }

        using (w.Block("else"))
        {
            w.Line("writer.WriteNullValue();");
        }
    }
}
