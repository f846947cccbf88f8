namespace GlacierTrail.Gen.Model;
/// <summary>
/// A C# type for a JSON value. Named types carry their simple name; the emitter qualifies them
/// with the configured namespace, so the namespace never enters the parse step.
/// </summary>
/// <param name="Kind">The kind of type.</param>
/// <param name="Name">The generated type's name (Object, Enum), or the <c>$ref</c> target (External).</param>
/// <param name="Element">The item type of an Array or the value type of a Map.</param>
/// <param name="ElementNullable">Whether items or values may be null.</param>
internal sealed record TypeRef(TypeKind Kind, string Name = "", TypeRef? Element = null, bool ElementNullable = false)
{
    public static readonly TypeRef String = new(TypeKind.String);
    public static readonly TypeRef DateTime = new(TypeKind.DateTime);
    public static readonly TypeRef Integer = new(TypeKind.Integer);
    public static readonly TypeRef Number = new(TypeKind.Number);
    public static readonly TypeRef Boolean = new(TypeKind.Boolean);
    public static readonly TypeRef Raw = new(TypeKind.Raw);

    public bool IsValueType => Kind is TypeKind.DateTime or TypeKind.Integer or TypeKind.Number or TypeKind.Boolean or TypeKind.Enum or TypeKind.Raw;
}
