using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace GlacierTrail.Gen.Tests.Infrastructure;

/// <summary>
/// Walks a cached pipeline value (tuples, records, <c>EquatableArray</c>, arrays)
/// through every instance field, and reports the path to anything that would pin a compilation
/// or defeat caching.
/// </summary>
internal static class StepOutputWalker
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Compilation), typeof(SemanticModel),
        typeof(AdditionalText), typeof(Location), typeof(SourceText),
        typeof(System.Text.Json.JsonDocument), typeof(System.Text.Json.JsonElement),
    };

    /// <summary>Paths to forbidden values found under <paramref name="value"/>; empty when clean.</summary>
    public static List<string> FindForbidden(object? value, string root)
    {
        var found = new List<string>();
        Walk(value, root, found, new HashSet<object>(ReferenceEqualityComparer.Instance), 0);
        return found;
    }

    private static void Walk(object? value, string path, List<string> found, HashSet<object> seen, int depth)
    {
        if (value is null || depth > 64)
        {
            return;
        }

        var type = value.GetType();
        foreach (var forbidden in Forbidden)
        {
            if (forbidden.IsAssignableFrom(type))
            {
                found.Add($"{path}: {type.FullName}");
                return;
            }
        }

        if (type.IsPrimitive || type.IsEnum || value is string || value is decimal)
        {
            return;
        }

        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is Array array)
        {
            int i = 0;
            foreach (object? item in array)
            {
                Walk(item, $"{path}[{i++}]", found, seen, depth + 1);
            }

            return;
        }

        if (value is IEnumerable enumerable && type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !IsTuple(type))
        {
            int i = 0;
            foreach (object? item in enumerable)
            {
                Walk(item, $"{path}[{i++}]", found, seen, depth + 1);
            }

            return;
        }

        for (var current = type; current is not null && current != typeof(object) && current != typeof(ValueType); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                Walk(field.GetValue(value), $"{path}.{field.Name}", found, seen, depth + 1);
            }
        }
    }

    private static bool IsTuple(Type type) => typeof(ITuple).IsAssignableFrom(type);
}
