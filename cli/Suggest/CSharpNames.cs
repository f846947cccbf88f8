using System;
using System.Collections.Generic;
using System.Text;

namespace GlacierTrail.Cli.Suggest;

/// <summary>
/// The C# names the generator derives from JSON names, for suggested schemas that must compile
/// without a warning: a JSON key becomes its PascalCase form when that is an identifier that is
/// neither a member every generated class has nor the class's own name, and unique in its
/// object; otherwise the suggestion says <c>x-csharp-name</c>. Only plain ASCII identifiers are
/// taken as they are, which is stricter than C# and so never wrong.
/// </summary>
internal static class CSharpNames
{
    /// <summary>Members every generated class has (the generator's list).</summary>
    private static readonly HashSet<string> ReservedMembers = new(StringComparer.Ordinal)
    {
        "ExtensionData", "Read", "WriteTo", "MemberIndex", "EscapedMemberIndex", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <summary>Type names the generator keeps for itself.</summary>
    private static readonly HashSet<string> ReservedTypes = new(ReservedMembers, StringComparer.Ordinal) { "Value", "IsKnown", "KnownValues", "GlacierTrailEvents" };

    /// <summary><c>vaultName</c> → <c>VaultName</c> as the generator maps it, or null when that is no plain identifier.</summary>
    public static string? Derived(string jsonName)
    {
        if (jsonName.Length == 0)
        {
            return null;
        }

        string candidate = char.ToUpperInvariant(jsonName[0]) + jsonName[1..];
        return IsPlainIdentifier(candidate) ? candidate : null;
    }

    /// <summary>An identifier made of a name's words (<c>x-amz-date</c> → <c>XAmzDate</c>, <c>1st</c> → <c>_1st</c>).</summary>
    public static string FromWords(string name)
    {
        var result = new StringBuilder();
        bool startWord = true;
        foreach (char c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                result.Append(startWord ? char.ToUpperInvariant(c) : c);
                startWord = false;
            }
            else
            {
                startWord = true;
            }
        }

        if (result.Length == 0)
        {
            return "Member";
        }

        if (char.IsAsciiDigit(result[0]))
        {
            result.Insert(0, '_');
        }

        return result.Length > 200 ? result.ToString(0, 200) : result.ToString();
    }

    /// <summary>
    /// The C# names for the keys of one object whose class is <paramref name="className"/>:
    /// for each key, null when the generator's own mapping is fine, else the name to write as
    /// <c>x-csharp-name</c>.
    /// </summary>
    public static Dictionary<string, string?> ForMembers(string className, IReadOnlyList<string> keys, out Dictionary<string, string> used)
    {
        used = new Dictionary<string, string>(StringComparer.Ordinal) { [className] = className };
        foreach (string reserved in ReservedMembers)
        {
            used[reserved] = reserved;
        }

        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (string key in keys)
        {
            string? derived = Derived(key);
            if (derived is not null && !used.ContainsKey(derived))
            {
                used[derived] = key;
                names[key] = null;
                continue;
            }

            string name = Unique(derived ?? FromWords(key), used);
            used[name] = key;
            names[key] = name;
        }

        return names;
    }

    /// <summary>The C# name a member ends up with (derived or explicit).</summary>
    public static string Of(string key, string? explicitName) => explicitName ?? Derived(key)!;

    /// <summary><paramref name="name"/>, or with the first free number after it.</summary>
    public static string Unique(string name, IReadOnlyDictionary<string, string> used)
    {
        if (!used.ContainsKey(name) && !ReservedTypes.Contains(name))
        {
            return name;
        }

        for (int i = 2; ; i++)
        {
            string numbered = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!used.ContainsKey(numbered))
            {
                return numbered;
            }
        }
    }

    private static bool IsPlainIdentifier(string name)
    {
        if (name.Length is 0 or > 255 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }
}
