using System;
using System.Collections.Generic;
using System.ComponentModel;

namespace GlacierTrail.Serialization;

/// <summary>
/// A generated open enum: a string with named known values, where any other value is kept as
/// read. For generated code: the generated struct declares its constants and implements this,
/// and <see cref="OpenEnum"/> holds the behaviour every open enum shares.
/// </summary>
/// <typeparam name="TSelf">The generated struct.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IOpenEnum<TSelf> : IEquatable<TSelf>
    where TSelf : struct, IOpenEnum<TSelf>
{
    /// <summary>The known values, in schema order.</summary>
    static abstract IReadOnlyList<TSelf> KnownValues { get; }

    /// <summary>The value as written in the record.</summary>
    string Value { get; }

    /// <summary>Wraps a value, known or not.</summary>
    /// <param name="value">The value as written in the record.</param>
    static abstract TSelf Create(string value);
}
