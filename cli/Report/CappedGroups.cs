using System;
using System.Collections.Generic;

namespace GlacierTrail.Cli.Report;

/// <summary>
/// Groups by key, at most <see cref="ReportCaps.GroupsTracked"/> of them: records of a new key
/// past that are only counted, so hostile or endlessly varied input cannot grow the report's
/// memory without bound.
/// </summary>
internal sealed class CappedGroups<TKey, TGroup>
    where TKey : notnull
    where TGroup : class
{
    private readonly Dictionary<TKey, TGroup> _groups = new();
    private readonly Func<TGroup> _create;

    public CappedGroups(Func<TGroup> create)
    {
        _create = create;
    }

    public IReadOnlyDictionary<TKey, TGroup> Groups => _groups;

    /// <summary>Records whose group was not tracked for the cap.</summary>
    public long Untracked { get; private set; }

    /// <summary>The group of the key, or null when it is new and the cap is reached.</summary>
    public TGroup? Get(TKey key)
    {
        if (_groups.TryGetValue(key, out var group))
        {
            return group;
        }

        if (_groups.Count >= ReportCaps.GroupsTracked)
        {
            Untracked++;
            return null;
        }

        return _groups[key] = _create();
    }
}
