using System;
using System.Collections.Generic;
using System.Linq;
using GlacierTrail.Gen.Diagnostics;
using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen;
/// <summary>
/// Which definitions files are emitted, under which output names. Every definitions file shares
/// one namespace, so two that define the same type would not compile together: the first by
/// ordinal path wins and the other is left out with a diagnostic. Output names come from each
/// file's folder and name, made unique across files.
/// </summary>
internal sealed record DefinitionsPlan(EquatableArray<string> LosingPaths, EquatableArray<DefinitionsHint> Hints, EquatableArray<DiagnosticInfo> Diagnostics)
{
    public static DefinitionsPlan Create(IReadOnlyList<DefinitionsIdentity> files)
    {
        var losers = new List<string>();
        var hints = new List<DefinitionsHint>();
        var diagnostics = new List<DiagnosticInfo>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var usedHints = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            string? clash = file.TypeNames.FirstOrDefault(owners.ContainsKey);
            if (clash is not null)
            {
                losers.Add(file.Path);
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DefinitionTypeNameCollision, new DiagnosticLocation(file.Path, 0, 0, 0, 0, 0, 0), clash, owners[clash], file.Path));
                continue;
            }

            foreach (string name in file.TypeNames)
            {
                owners[name] = file.Path;
            }

            string hint = GlacierTrailGenerator.DefinitionsHintName(file.Path);
            for (int i = 2; !usedHints.Add(hint); i++)
            {
                hint = GlacierTrailGenerator.DefinitionsHintName(file.Path).Replace(".g.cs", "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs");
            }

            hints.Add(new DefinitionsHint(file.Path, hint));
        }

        return new DefinitionsPlan(losers.ToEquatableArray(), hints.ToEquatableArray(), diagnostics.ToEquatableArray());
    }
}
