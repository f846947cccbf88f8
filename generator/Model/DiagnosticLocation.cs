using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GlacierTrail.Gen.Model;

/// <summary>A place in a schema file, in characters and lines (not bytes).</summary>
internal sealed record DiagnosticLocation(string Path, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public Location ToLocation() => Location.Create(
        Path,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}
