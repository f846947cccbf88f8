using System.Linq;
using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen.Emitting;

/// <summary>
/// Writes a generated open enum: a <c>readonly record struct</c> (the compiler writes its
/// equality) holding its constants and the members the language needs declared on the type;
/// what every open enum does lives once in the runtime's <c>OpenEnum</c>, reached through
/// <c>IOpenEnum&lt;TSelf&gt;</c>. Its <c>Read</c> forwards there, so every generated type,
/// class or enum, is read the same way.
/// </summary>
internal static class OpenEnumEmitter
{
    public const string Serialization = TypeNames.Runtime + ".Serialization";

    public static void Emit(SourceWriter w, EnumSpec spec)
    {
        string name = CSharp.Identifier(spec.Name);
        CSharp.Doc(w, spec.Description ?? "A string value with known values; other values are kept.", "Unknown values are kept: compare with the named values, or read Value.");
        w.Line(CSharp.GeneratedCodeAttribute);
        using (w.Block($"public readonly partial record struct {name} : {Serialization}.IOpenEnum<{name}>"))
        {
            w.Lines($$"""
                private readonly string? _value;

                /// <summary>
                /// Wraps a value, known or not.
                /// </summary>
                public {{name}}(string value) => _value = {{Serialization}}.OpenEnum.Require(value);

                """);
            foreach (var member in spec.Members)
            {
                CSharp.Doc(w, $"The value \"{member.Value}\".");
                w.Line($"public static {name} {CSharp.Identifier(member.CSharpName)} {{ get; }} = new {name}({CSharp.Literal(member.Value)});");
                w.Line();
            }

            string known = string.Join(", ", spec.Members.Select(m => CSharp.Identifier(m.CSharpName)));
            w.Lines($$"""
                /// <summary>
                /// The known values, in schema order.
                /// </summary>
                public static global::System.Collections.Generic.IReadOnlyList<{{name}}> KnownValues { get; } = new {{name}}[] { {{known}} };

                /// <summary>
                /// The value as written in the record.
                /// </summary>
                public string Value => _value ?? string.Empty;

                /// <summary>
                /// Whether the value is one of the known values.
                /// </summary>
                public bool IsKnown => {{Serialization}}.OpenEnum.IsKnown(this);

                /// <inheritdoc/>
                public override string ToString() => Value;

                /// <summary>
                /// Wraps a value, known or not.
                /// </summary>
                public static implicit operator {{name}}(string value) => new {{name}}(value);

                /// <summary>
                /// Reads the current string token (its kind already checked); for generated code.
                /// </summary>
                [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
                public static {{name}} Read(ref {{TypeNames.Runtime}}.Serialization.CloudTrailJsonReader reader) => {{Serialization}}.OpenEnum.Read<{{name}}>(ref reader);

                static {{name}} {{Serialization}}.IOpenEnum<{{name}}>.Create(string value) => new {{name}}(value);
                """);
        }
    }
}
