using System.Reflection;

namespace GlacierTrail.Gen.Tests.Infrastructure;

/// <summary>Reads properties of generated objects whose types the test cannot name at compile time.</summary>
internal static class ReflectionValues
{
    public static object? Get(object? target, string propertyName)
    {
        if (target is null)
        {
            throw new Xunit.Sdk.XunitException($"Cannot read {propertyName} of null.");
        }

        var property = target.GetType().GetProperty(propertyName, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new Xunit.Sdk.XunitException($"{target.GetType().FullName} has no public property {propertyName}.");
        return property.GetValue(target);
    }

    /// <summary>Follows a dotted path of property names, e.g. <c>RequestParameters.VaultName</c>.</summary>
    public static object? Path(object? target, string dottedPath)
    {
        foreach (string name in dottedPath.Split('.'))
        {
            target = Get(target, name);
        }

        return target;
    }
}
