using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen.Emitting;

/// <summary>
/// Writes the columnar side of generated types for the runtime's export sink: a class's
/// <c>ColumnShape</c> (its members as columns, named by their JSON names in lowercase, typed as
/// the schema types them) and its <c>WriteColumns</c>, straight-line code over an
/// <c>IColumnWriter</c>; an event's <c>ExportTable</c>.
/// </summary>
internal static class ColumnEmitter
{
    public const string Export = TypeNames.Runtime + ".Export";
    private const string Field = Export + ".ColumnField";

    public static void EmitShape(SourceWriter w, ClassSpec spec, TypeNames types)
    {
        string name = CSharp.Identifier(spec.Name);
        CSharp.Doc(w, "The members as export columns (JSON names in lowercase), in the order WriteColumns writes them.");
        w.Line($"public static {Export}.ColumnShape ColumnShape {{ get; }} = new {Export}.ColumnShape({CSharp.Literal(name)}, static () => new {Field}[]");
        using (w.Block(suffix: ");"))
        {
            var names = ColumnNames(spec.Properties);
            for (int i = 0; i < spec.Properties.Count; i++)
            {
                w.Line(Column(spec.Properties[i].Type, names[i], types, spec.Name) + ",");
            }
        }
    }

    public static void EmitWriteColumns(SourceWriter w, ClassSpec spec, TypeNames types)
    {
        w.Line("/// <inheritdoc/>");
        using (w.Block($"void {Export}.IColumnObject.WriteColumns({Export}.IColumnWriter writer)"))
        {
            for (int i = 0; i < spec.Properties.Count; i++)
            {
                EmitWrite(w, spec.Properties[i].Type, "this." + CSharp.Identifier(spec.Properties[i].CSharpName), nullable: true, i.ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    /// <summary>The event type's export table: its payloads as structs where the schema describes them.</summary>
    public static void EmitTable(SourceWriter w, EventSpec spec, TypeNames types)
    {
        string name = CSharp.Identifier(spec.ClassName);
        CSharp.Doc(w, "The typed export table of this event type: the envelope's columns, requestparameters and responseelements as structs, and the whole record as JSON.");
        w.Lines($$"""
            public static {{Export}}.ExportTable ExportTable { get; } = new {{Export}}.ExportTable(
                Key, {{CSharp.Literal(spec.EventName.ToLowerInvariant())}},
                {{Payload(spec, "requestParameters", name, types)}},
                {{Payload(spec, "responseElements", name, types)}});
            """);
    }

    private static string Payload(EventSpec spec, string jsonName, string eventClass, TypeNames types)
    {
        var payload = spec.Payloads.FirstOrDefault(p => p.JsonName == jsonName);
        if (payload?.Type is not { Kind: TypeKind.Object } type)
        {
            return "null, null";
        }

        return $"{types.Named(type.Name)}.ColumnShape, static e => (({types.Named(eventClass)})e).{payload.CSharpName}";
    }

    // Lowercase names, as AWS's CloudTrail table has them; two members that differ only in case
    // (allowed in JSON) get distinct columns, the later one suffixed.
    private static List<string> ColumnNames(EquatableArray<PropertySpec> properties)
    {
        var used = new HashSet<string>(System.StringComparer.Ordinal);
        var names = new List<string>(properties.Count);
        foreach (var property in properties)
        {
            string lower = property.JsonName.Length == 0 ? "_" : property.JsonName.ToLowerInvariant();
            string unique = lower;
            for (int n = 2; !used.Add(unique); n++)
            {
                unique = lower + "_" + n.ToString(CultureInfo.InvariantCulture);
            }

            names.Add(unique);
        }

        return names;
    }

    // A class that holds itself names its own shape inside the shape's initializer, where the
    // compiler cannot see that the lambda runs only later: hence the '!' there.
    private static string Column(TypeRef type, string name, TypeNames types, string self)
    {
        string literal = CSharp.Literal(name);
        return type.Kind switch
        {
            TypeKind.String or TypeKind.Enum => $"{Field}.String({literal})",
            TypeKind.DateTime => $"{Field}.Timestamp({literal})",
            TypeKind.Integer => $"{Field}.Int64({literal})",
            TypeKind.Number => $"{Field}.Double({literal})",
            TypeKind.Boolean => $"{Field}.Boolean({literal})",
            TypeKind.Object => $"{Field}.Struct({literal}, {types.Named(type.Name)}.ColumnShape{(type.Name == self ? "!" : string.Empty)})",
            TypeKind.Array => $"{Field}.List({literal}, {Column(type.Element!, "element", types, self)})",
            TypeKind.Map => $"{Field}.Map({literal}, {Column(type.Element!, "value", types, self)})",
            _ => $"{Field}.Json({literal})",
        };
    }

    // Pattern variables live on past their if statement: each is named by its member's index and
    // one '_' per level of nesting (list2, item2_, ...), so no two in one method share a name.
    private static void EmitWrite(SourceWriter w, TypeRef type, string expression, bool nullable, string id)
    {
        switch (type.Kind)
        {
            case TypeKind.String:
                w.Line($"writer.WriteString({expression});");
                break;
            case TypeKind.Enum:
                w.Line($"writer.WriteString({expression}{(nullable ? "?" : string.Empty)}.Value);");
                break;
            case TypeKind.DateTime:
                w.Line($"writer.WriteTimestamp({expression});");
                break;
            case TypeKind.Integer:
                w.Line($"writer.WriteInt64({expression});");
                break;
            case TypeKind.Number:
                w.Line($"writer.WriteDouble({expression});");
                break;
            case TypeKind.Boolean:
                w.Line($"writer.WriteBoolean({expression});");
                break;
            case TypeKind.Object:
                w.Line($"writer.WriteObject({expression});");
                break;
            case TypeKind.Array:
            case TypeKind.Map:
                bool list = type.Kind == TypeKind.Array;
                string collection = (list ? "list" : "map") + id;
                string item = (list ? "item" : "pair") + id;
                using (w.Block($"if ({expression} is {{ }} {collection})"))
                {
                    w.Line(list ? "writer.BeginList();" : "writer.BeginMap();");
                    using (w.Block($"foreach (var {item} in {collection})"))
                    {
                        if (!list)
                        {
                            w.Line($"writer.WriteMapKey({item}.Key);");
                        }

                        EmitWrite(w, type.Element!, list ? item : item + ".Value", type.ElementNullable, id + "_");
                    }

                    w.Line(list ? "writer.EndList();" : "writer.EndMap();");
                }

                using (w.Block("else"))
                {
                    w.Line("writer.WriteNull();");
                }

                break;
            default:
                w.Line($"writer.WriteJson({expression});");
                break;
        }
    }
}
