using Microsoft.CodeAnalysis;

namespace GlacierTrail.Gen.Parsing;

/// <summary>Why an envelope member cannot be held: the descriptor, and the argument after the member's name, if any.</summary>
internal readonly record struct EnvelopeProblem(DiagnosticDescriptor Descriptor, string? Detail = null);
