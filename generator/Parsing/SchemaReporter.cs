using System.Collections.Generic;
using GlacierTrail.Gen.Model;
using Microsoft.CodeAnalysis;

namespace GlacierTrail.Gen.Parsing;

/// <summary>Adds diagnostics for places in one schema file, its byte offsets turned into characters and lines.</summary>
internal sealed class SchemaReporter
{
    private readonly SourcePositions _positions;
    private readonly List<DiagnosticInfo> _diagnostics;

    public SchemaReporter(SourcePositions positions, List<DiagnosticInfo> diagnostics)
    {
        _positions = positions;
        _diagnostics = diagnostics;
    }

    /// <summary>Reports <paramref name="descriptor"/> at the whole of <paramref name="node"/>.</summary>
    public void At(DiagnosticDescriptor descriptor, JsonNode node, params string[] arguments) =>
        At(descriptor, node.Start, node.End, arguments);

    /// <summary>Reports <paramref name="descriptor"/> at the bytes from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public void At(DiagnosticDescriptor descriptor, int start, int end, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, _positions.At(start, end), arguments));
}
