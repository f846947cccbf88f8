using System.Linq;
using Microsoft.CodeAnalysis;

namespace GlacierTrail.Gen.Model;
/// <summary>
/// A diagnostic as data, so it can be cached and compared: its descriptor (immutable and compared
/// by value), where it points, and the message's arguments.
/// </summary>
internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, DiagnosticLocation? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, DiagnosticLocation? location, params string[] arguments) =>
        new(descriptor, location, arguments.ToEquatableArray());

    public Diagnostic ToDiagnostic() => Diagnostic.Create(
        Descriptor,
        Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
        Arguments.ToArray<object>());
}
