using System;
using System.Collections.Generic;
using System.Threading;

namespace GlacierTrail.Export;

/// <summary>
/// The members of a struct column, as a generated type describes them. The members are made on
/// first use rather than when the type is initialized: a type may hold itself (a schema's
/// <c>$ref</c> back to its own definition), and a sink cuts such a cycle where it finds it, by
/// writing that member as JSON text.
/// </summary>
public sealed class ColumnShape
{
    private readonly Func<ColumnField[]> _members;
    private ColumnField[]? _fields;

    /// <summary>Describes a struct by its type's name and a function that lists its members in writing order.</summary>
    public ColumnShape(string name, Func<ColumnField[]> members)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(members);
        Name = name;
        _members = members;
    }

    /// <summary>The name of the type the struct is made from (for messages and debugging).</summary>
    public string Name { get; }

    /// <summary>The members, in the order <see cref="IColumnObject.WriteColumns"/> writes them.</summary>
    public IReadOnlyList<ColumnField> Fields => _fields ?? Interlocked.CompareExchange(ref _fields, _members(), null) ?? _fields!;

    /// <inheritdoc/>
    public override string ToString() => Name;
}
