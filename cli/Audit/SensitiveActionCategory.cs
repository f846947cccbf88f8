using System.Collections.Generic;

namespace GlacierTrail.Cli.Audit;

/// <summary>A kind of sensitive action an audit looks for (see <see cref="SensitiveActions"/>).</summary>
/// <param name="Id">A stable key for machine-readable output (<c>deletions</c>, <c>denied</c>, ...).</param>
/// <param name="Title">What a person reads.</param>
/// <param name="EventNames">The Glacier event names whose successful calls count; empty for denied calls, which are any event.</param>
public sealed record SensitiveActionCategory(string Id, string Title, IReadOnlyList<string> EventNames);
