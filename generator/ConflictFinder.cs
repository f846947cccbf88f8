using System;
using System.Collections.Generic;
using System.Linq;
using GlacierTrail.Gen.Diagnostics;
using GlacierTrail.Gen.Model;
using GlacierTrail.Gen.Parsing;

namespace GlacierTrail.Gen;

/// <summary>The schemas left out because another schema already claims their event or type name.</summary>
internal sealed record Conflicts(EquatableArray<string> LosingPaths, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>
    /// The first file by ordinal path wins, so the outcome does not depend on the order the
    /// build lists files in.
    /// </summary>
    public static Conflicts Find(IReadOnlyList<EventIdentity> events)
    {
        var losers = new List<string>();
        var diagnostics = new List<DiagnosticInfo>();
        var byEvent = new Dictionary<(string, string), EventIdentity>();
        // Ignoring case: the class name is also the hint name, and hint names (like file names
        // on some systems) must differ in more than case.
        var byClass = new Dictionary<string, EventIdentity>(StringComparer.OrdinalIgnoreCase);
        foreach (var evt in events.OrderBy(e => e.Path, StringComparer.Ordinal))
        {
            if (byEvent.TryGetValue((evt.EventSource, evt.EventName), out var winner))
            {
                losers.Add(evt.Path);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateEvent, evt.Location, evt.EventSource + "/" + evt.EventName, winner.Path, evt.Path));
                continue;
            }

            if (byClass.TryGetValue(evt.ClassName, out var owner))
            {
                losers.Add(evt.Path);
                diagnostics.Add(TypeNameCollision(evt, owner));
                continue;
            }

            byEvent[(evt.EventSource, evt.EventName)] = evt;
            byClass[evt.ClassName] = evt;
        }

        return new Conflicts(losers.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// The fix for two services with one event name (<c>CreateUser</c> in IAM and in Transfer
    /// Family): name the type after its service, <c>transfer.amazonaws.com</c> giving
    /// <c>TransferCreateUser</c>.
    /// </summary>
    internal static DiagnosticInfo TypeNameCollision(EventIdentity evt, EventIdentity owner)
    {
        int dot = evt.EventSource.IndexOf('.');
        string service = Naming.EnumMemberName(dot > 0 ? evt.EventSource.Substring(0, dot) : evt.EventSource);
        string name = service + (Naming.PropertyName(evt.EventName) ?? Naming.EnumMemberName(evt.EventName));
        return Naming.IsIdentifier(name) && !string.Equals(name + "Event", evt.ClassName, StringComparison.Ordinal)
            ? DiagnosticInfo.Create(DiagnosticDescriptors.EventTypeNameCollisionWithSuggestion, evt.Location, evt.ClassName, owner.Path, evt.Path, name)
            : DiagnosticInfo.Create(DiagnosticDescriptors.EventTypeNameCollision, evt.Location, evt.ClassName, owner.Path, evt.Path);
    }
}
