using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen.Emitting;

/// <summary>C# type syntax for specs, every name <c>global::</c>-qualified.</summary>
internal sealed class TypeNames
{
    public const string Runtime = "global::GlacierTrail";

    public TypeNames(string @namespace) => Namespace = @namespace;

    public string Namespace { get; }

    public string Named(string name) => "global::" + Namespace + "." + CSharp.Identifier(name);

    public string Of(TypeRef type, bool nullable)
    {
        string syntax = type.Kind switch
        {
            TypeKind.String => "string",
            TypeKind.DateTime => "global::System.DateTimeOffset",
            TypeKind.Integer => "long",
            TypeKind.Number => "double",
            TypeKind.Boolean => "bool",
            TypeKind.Object or TypeKind.Enum => Named(type.Name),
            TypeKind.Array => "global::System.Collections.Generic.IReadOnlyList<" + Of(type.Element!, type.ElementNullable) + ">",
            TypeKind.Map => "global::System.Collections.Generic.IReadOnlyDictionary<string, " + Of(type.Element!, type.ElementNullable) + ">",
            _ => Runtime + ".RawJson",
        };
        return nullable ? syntax + "?" : syntax;
    }

    /// <summary>The concrete collection a reader fills.</summary>
    public string Builder(TypeRef type) => type.Kind == TypeKind.Array
        ? "global::System.Collections.Generic.List<" + Of(type.Element!, type.ElementNullable) + ">"
        : "global::System.Collections.Generic.Dictionary<string, " + Of(type.Element!, type.ElementNullable) + ">";

    /// <summary>The JSON kind the reader checks before reading a value of this type.</summary>
    public static string Kind(TypeRef type) => Runtime + ".Serialization.CloudTrailJsonKind." + type.Kind switch
    {
        TypeKind.String or TypeKind.Enum => "String",
        TypeKind.DateTime => "DateTime",
        TypeKind.Integer => "Integer",
        TypeKind.Number => "Number",
        TypeKind.Boolean => "Boolean",
        TypeKind.Array => "Array",
        _ => "Object",
    };
}
