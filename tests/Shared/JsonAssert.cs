using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Xunit.Sdk;

namespace GlacierTrail.Testing;

/// <summary>
/// JSON equality as the lossless contract means it: objects have the same keys whatever their
/// order, strings are equal exactly (after unescaping), numbers are equal as decimal numbers,
/// arrays are equal item by item in order.
/// </summary>
internal static class JsonAssert
{
    public static void Equal(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        Equal(e.RootElement, a.RootElement);
    }

    public static void Equal(JsonElement expected, JsonElement actual)
    {
        string? difference = FindDifference(expected, actual, "$");
        if (difference is not null)
        {
            throw new XunitException($"JSON differs at {difference}\nexpected: {expected.GetRawText()}\nactual:   {actual.GetRawText()}");
        }
    }

    public static bool AreEqual(JsonElement expected, JsonElement actual) => FindDifference(expected, actual, "$") is null;

    /// <summary>The path and description of the first difference, or null when equal.</summary>
    public static string? FindDifference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return $"{path}: expected {expected.ValueKind}, found {actual.ValueKind}";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                {
                    var expectedMembers = Members(expected, path, out string? duplicate);
                    if (duplicate is not null)
                    {
                        return duplicate;
                    }

                    var actualMembers = Members(actual, path, out duplicate);
                    if (duplicate is not null)
                    {
                        return "(actual) " + duplicate;
                    }

                    foreach (var name in expectedMembers.Keys)
                    {
                        if (!actualMembers.ContainsKey(name))
                        {
                            return $"{path}: member '{name}' is missing";
                        }
                    }

                    foreach (var name in actualMembers.Keys)
                    {
                        if (!expectedMembers.ContainsKey(name))
                        {
                            return $"{path}: unexpected member '{name}'";
                        }
                    }

                    foreach (var (name, value) in expectedMembers)
                    {
                        string? inner = FindDifference(value, actualMembers[name], path + "." + name);
                        if (inner is not null)
                        {
                            return inner;
                        }
                    }

                    return null;
                }

            case JsonValueKind.Array:
                {
                    int expectedLength = expected.GetArrayLength(), actualLength = actual.GetArrayLength();
                    if (expectedLength != actualLength)
                    {
                        return $"{path}: expected {expectedLength} items, found {actualLength}";
                    }

                    int i = 0;
                    foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                    {
                        string? inner = FindDifference(e, a, $"{path}[{i++}]");
                        if (inner is not null)
                        {
                            return inner;
                        }
                    }

                    return null;
                }

            case JsonValueKind.String:
                return string.Equals(expected.GetString(), actual.GetString(), StringComparison.Ordinal)
                    ? null
                    : $"{path}: expected string {expected.GetRawText()}, found {actual.GetRawText()}";

            case JsonValueKind.Number:
                return NumbersEqual(expected.GetRawText(), actual.GetRawText())
                    ? null
                    : $"{path}: expected number {expected.GetRawText()}, found {actual.GetRawText()}";

            default:
                return null; // true, false, null: the kind says it all
        }
    }

    private static Dictionary<string, JsonElement> Members(JsonElement obj, string path, out string? duplicate)
    {
        duplicate = null;
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            if (!members.TryAdd(property.Name, property.Value))
            {
                duplicate ??= $"{path}: member '{property.Name}' appears twice";
            }
        }

        return members;
    }

    /// <summary>Numbers compare by value: as decimals when they fit, else by normalised text.</summary>
    private static bool NumbersEqual(string expected, string actual)
    {
        const NumberStyles style = NumberStyles.Float;
        if (decimal.TryParse(expected, style, CultureInfo.InvariantCulture, out var e)
            && decimal.TryParse(actual, style, CultureInfo.InvariantCulture, out var a))
        {
            return e == a;
        }

        return string.Equals(Normalise(expected), Normalise(actual), StringComparison.Ordinal);
    }

    // Out of decimal's range: compare sign, digits without leading/trailing zeros, and exponent.
    private static string Normalise(string number)
    {
        string text = number.ToLowerInvariant();
        int exponent = 0;
        int e = text.IndexOf('e', StringComparison.Ordinal);
        if (e >= 0)
        {
            exponent = int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..e];
        }

        bool negative = text.StartsWith('-');
        text = text.TrimStart('-');
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            exponent -= text.Length - dot - 1;
            text = text.Remove(dot, 1);
        }

        string digits = text.TrimStart('0');
        int trailing = digits.Length - digits.TrimEnd('0').Length;
        digits = digits.TrimEnd('0');
        exponent += trailing;
        if (digits.Length == 0)
        {
            return "0";
        }

        return (negative ? "-" : string.Empty) + digits + "e" + exponent.ToString(CultureInfo.InvariantCulture);
    }
}
