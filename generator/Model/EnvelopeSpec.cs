namespace GlacierTrail.Gen.Model;

/// <summary>How the runtime holds, reads and writes one envelope member.</summary>
internal enum EnvelopeMemberKind
{
    /// <summary>A string, read through the envelope's string cache.</summary>
    String,

    /// <summary>A JSON boolean.</summary>
    Boolean,

    /// <summary>Any JSON, kept verbatim (a member the schema gives no shape).</summary>
    Raw,

    /// <summary>An object of a class generated from the schema's <c>$defs</c>.</summary>
    Object,

    /// <summary>An array of such objects; an item of another kind keeps the array verbatim.</summary>
    ObjectList,

    /// <summary>An open set of strings (an enum in <c>$defs</c>), held as its string.</summary>
    OpenEnum,

    /// <summary>The record format's version (<c>"x-glaciertrail-role": "version"</c>), held as its string.</summary>
    Version,

    /// <summary>The timestamp (<c>"time"</c>): read by the record loop, held as ticks and an offset.</summary>
    Time,

    /// <summary>A member that decides the event type (<c>"dispatch"</c>): read by the record loop, held by the event.</summary>
    Dispatch,

    /// <summary>A payload (<c>"payload"</c>): read by the event type, or kept verbatim.</summary>
    Payload,
}

/// <summary>One top-level member of the CloudTrail record.</summary>
/// <param name="JsonName">The JSON key, exactly.</param>
/// <param name="CSharpName">The C# name of its field and property.</param>
/// <param name="Kind">How it is held, read and written.</param>
/// <param name="TypeName">The generated type's simple name (Object, ObjectList, OpenEnum), else empty.</param>
/// <param name="Rare">Held in the side object that only records with such members allocate.</param>
/// <param name="Description">The schema's description.</param>
/// <param name="ColumnBefore">
/// The JSON name of the member whose export column this one's precedes
/// (<c>"x-glaciertrail-column-before"</c>), where AWS's table orders columns otherwise than
/// the record orders members; null to keep the record's order.
/// </param>
internal sealed record EnvelopeMemberSpec(string JsonName, string CSharpName, EnvelopeMemberKind Kind, string TypeName, bool Rare, string? Description, string? ColumnBefore = null);

/// <summary>
/// The record schema's root object, as the runtime's envelope needs it: its members in the
/// order CloudTrail writes them (which is the order they are written back).
/// </summary>
internal sealed record EnvelopeSpec(string Path, EquatableArray<EnvelopeMemberSpec> Members, EquatableArray<DiagnosticInfo> Diagnostics);
