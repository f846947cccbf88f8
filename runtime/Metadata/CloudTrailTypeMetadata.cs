using System;
using System.Collections.Generic;
using System.Threading;

namespace GlacierTrail.Metadata;

/// <summary>
/// The type of a JSON value in an event's payload, as the generator made it from the schema: its
/// kind, and for objects their members, for enums their known values, for arrays and maps their
/// element type. Instances are built once by generated code and shared; they never change.
/// </summary>
public sealed class CloudTrailTypeMetadata
{
    private static readonly CloudTrailMemberMetadata[] NoMembers = [];
    private static readonly string[] NoValues = [];

    // An object's members are built on first use, so types that refer to each other (or to
    // themselves) can be written as plain static fields in any order.
    private readonly Func<CloudTrailMemberMetadata[]>? _createMembers;
    private CloudTrailMemberMetadata[]? _members;

    private CloudTrailTypeMetadata(CloudTrailMemberType kind, string? typeName, string[] enumValues, CloudTrailTypeMetadata? element, bool elementNullable, Func<CloudTrailMemberMetadata[]>? createMembers)
    {
        Kind = kind;
        TypeName = typeName;
        EnumValues = enumValues;
        Element = element;
        ElementNullable = elementNullable;
        _createMembers = createMembers;
        _members = createMembers is null ? NoMembers : null;
    }

    /// <summary>A value kept verbatim.</summary>
    public static CloudTrailTypeMetadata Raw { get; } = new(CloudTrailMemberType.Raw, null, NoValues, null, false, null);

    /// <summary>A string.</summary>
    public static CloudTrailTypeMetadata String { get; } = new(CloudTrailMemberType.String, null, NoValues, null, false, null);

    /// <summary>A date-time string.</summary>
    public static CloudTrailTypeMetadata DateTime { get; } = new(CloudTrailMemberType.DateTime, null, NoValues, null, false, null);

    /// <summary>A 64-bit integer.</summary>
    public static CloudTrailTypeMetadata Integer { get; } = new(CloudTrailMemberType.Integer, null, NoValues, null, false, null);

    /// <summary>A number.</summary>
    public static CloudTrailTypeMetadata Number { get; } = new(CloudTrailMemberType.Number, null, NoValues, null, false, null);

    /// <summary>A boolean.</summary>
    public static CloudTrailTypeMetadata Boolean { get; } = new(CloudTrailMemberType.Boolean, null, NoValues, null, false, null);

    /// <summary>What the value is.</summary>
    public CloudTrailMemberType Kind { get; }

    /// <summary>The generated C# type's name for an <see cref="CloudTrailMemberType.Object"/> or <see cref="CloudTrailMemberType.Enum"/>, else null.</summary>
    public string? TypeName { get; }

    /// <summary>An enum's known values, as the JSON strings; empty for every other kind.</summary>
    public IReadOnlyList<string> EnumValues { get; }

    /// <summary>The items of an <see cref="CloudTrailMemberType.Array"/> or the values of a <see cref="CloudTrailMemberType.Map"/>, else null.</summary>
    public CloudTrailTypeMetadata? Element { get; }

    /// <summary>Whether the schema allows null items or values.</summary>
    public bool ElementNullable { get; }

    /// <summary>An object's declared members in schema order; empty for every other kind.</summary>
    public IReadOnlyList<CloudTrailMemberMetadata> Members
    {
        get
        {
            var members = Volatile.Read(ref _members);
            if (members is null)
            {
                // Two threads may both build the list; one wins and both return it.
                var created = _createMembers!();
                members = Interlocked.CompareExchange(ref _members, created, null) ?? created;
            }

            return members;
        }
    }

    /// <summary>An enum type of the given generated name and known values.</summary>
    public static CloudTrailTypeMetadata Enum(string typeName, string[] values) =>
        new(CloudTrailMemberType.Enum, typeName, values, null, false, null);

    /// <summary>An object type of the given generated name whose members <paramref name="members"/> builds, once, on first use.</summary>
    public static CloudTrailTypeMetadata Object(string typeName, Func<CloudTrailMemberMetadata[]> members) =>
        new(CloudTrailMemberType.Object, typeName, NoValues, null, false, members);

    /// <summary>An array of <paramref name="element"/>.</summary>
    public static CloudTrailTypeMetadata Array(CloudTrailTypeMetadata element, bool elementNullable) =>
        new(CloudTrailMemberType.Array, null, NoValues, element, elementNullable, null);

    /// <summary>A map from string keys to <paramref name="element"/>.</summary>
    public static CloudTrailTypeMetadata Map(CloudTrailTypeMetadata element, bool elementNullable) =>
        new(CloudTrailMemberType.Map, null, NoValues, element, elementNullable, null);

    /// <summary>The declared member with this JSON name (compared ordinally, as the reader does), or null.</summary>
    public CloudTrailMemberMetadata? FindMember(string jsonName)
    {
        foreach (var member in Members)
        {
            if (string.Equals(member.JsonName, jsonName, StringComparison.Ordinal))
            {
                return member;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => TypeName ?? Kind.ToString();
}
