using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace GlacierTrail.Cli.Tests;

/// <summary>JSON equality: object keys in any order, strings exact, numbers as decimals.</summary>
internal static class JsonEquality
{
    /// <summary>Null when equal, else the path of the first difference and what differs.</summary>
    public static string? Difference(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected {expected.ValueKind}, found {actual.ValueKind}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var actualMembers = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                foreach (var member in actual.EnumerateObject())
                {
                    actualMembers[member.Name] = member.Value;
                }

                int count = 0;
                foreach (var member in expected.EnumerateObject())
                {
                    count++;
                    if (!actualMembers.TryGetValue(member.Name, out var value))
                    {
                        return $"{path}.{member.Name}: missing";
                    }

                    if (Difference(member.Value, value, path + "." + member.Name) is { } inner)
                    {
                        return inner;
                    }
                }

                return count == actualMembers.Count ? null : $"{path}: {actualMembers.Count - count} extra member(s)";
            case JsonValueKind.Array:
                int length = expected.GetArrayLength();
                if (length != actual.GetArrayLength())
                {
                    return $"{path}: expected {length} items, found {actual.GetArrayLength()}";
                }

                for (int i = 0; i < length; i++)
                {
                    if (Difference(expected[i], actual[i], $"{path}[{i}]") is { } inner)
                    {
                        return inner;
                    }
                }

                return null;
            case JsonValueKind.String:
                return string.Equals(expected.GetString(), actual.GetString(), StringComparison.Ordinal) ? null : $"{path}: \"{expected.GetString()}\" != \"{actual.GetString()}\"";
            case JsonValueKind.Number:
                bool same = decimal.TryParse(expected.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
                    && decimal.TryParse(actual.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
                        ? a == b
                        : expected.GetRawText() == actual.GetRawText();
                return same ? null : $"{path}: {expected.GetRawText()} != {actual.GetRawText()}";
            default:
                return null;
        }
    }
}
