using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace GlacierTrail.Gen.Parsing;

/// <summary>How JSON names become C# names.</summary>
internal static class Naming
{
    /// <summary>Members every generated class has; a JSON key must not take their name.</summary>
    public static readonly HashSet<string> ReservedClassMembers = new()
    {
        "ExtensionData", "Read", "WriteTo", "ColumnShape", "MemberIndex", "EscapedMemberIndex", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
    };

    /// <summary>Members every generated enum type has.</summary>
    public static readonly HashSet<string> ReservedEnumMembers = new()
    {
        "Value", "IsKnown", "KnownValues", "Read", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize",
        "PrintMembers",
    };

    /// <summary>
    /// Names no generated type may take: a type cannot have a member of its own name, and the
    /// dispatcher is <c>GlacierTrailEvents</c>.
    /// </summary>
    public static readonly HashSet<string> ReservedTypeNames = new(ReservedClassMembers) { "Value", "IsKnown", "KnownValues", "GlacierTrailEvents" };

    /// <summary>
    /// The longest name we emit. Metadata allows 1023 UTF-8 bytes for a type's full name
    /// (CS7013); 255 characters leave room for the namespace and multi-byte letters.
    /// </summary>
    public const int MaxNameLength = 255;

    /// <summary>
    /// <c>vaultName</c> → <c>VaultName</c>: the first letter is raised and nothing else changes,
    /// so the mapping is predictable. Null when the key is not an identifier (then the schema
    /// must say <c>x-csharp-name</c>).
    /// </summary>
    public static string? PropertyName(string jsonKey)
    {
        if (jsonKey.Length == 0)
        {
            return null;
        }

        string candidate = char.ToUpperInvariant(jsonKey[0]) + jsonKey.Substring(1);
        return IsIdentifier(candidate) ? candidate : null;
    }

    /// <summary>
    /// An enum value as a constant name: words split at punctuation, each capitalised, runs of
    /// capitals lowered (<c>archive-retrieval</c> → <c>ArchiveRetrieval</c>, <c>CSV</c> → <c>Csv</c>).
    /// </summary>
    public static string EnumMemberName(string value)
    {
        var name = new StringBuilder();
        var word = new StringBuilder();
        foreach (char c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else
            {
                AppendWord(name, word);
            }
        }

        AppendWord(name, word);
        if (name.Length == 0)
        {
            return "Empty";
        }

        string result = char.IsDigit(name[0]) ? "_" + name : name.ToString();
        return IsIdentifier(result) ? result : "Value";
    }

    /// <summary>Whether a name is a valid C# identifier (a keyword counts: the emitter escapes it).</summary>
    public static bool IsIdentifier(string name) =>
        name.Length <= MaxNameLength && SyntaxFacts.IsValidIdentifier(name) && !name.StartsWith("@", System.StringComparison.Ordinal);

    /// <summary>
    /// A composed type name (parent + member, nesting after nesting) cut to <see cref="MaxNameLength"/>,
    /// never inside a surrogate pair; the caller makes it unique.
    /// </summary>
    public static string Truncate(string name)
    {
        if (name.Length <= MaxNameLength)
        {
            return name;
        }

        int length = char.IsHighSurrogate(name[MaxNameLength - 1]) ? MaxNameLength - 1 : MaxNameLength;
        return name.Substring(0, length);
    }

    /// <summary>Whether a dotted name is a valid C# namespace.</summary>
    public static bool IsNamespace(string name)
    {
        foreach (string part in name.Split('.'))
        {
            if (!IsIdentifier(part) || SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None)
            {
                return false;
            }
        }

        return name.Length > 0;
    }

    private static void AppendWord(StringBuilder name, StringBuilder word)
    {
        if (word.Length == 0)
        {
            return;
        }

        bool allUpper = true;
        for (int i = 0; i < word.Length; i++)
        {
            if (char.IsLower(word[i]))
            {
                allUpper = false;
                break;
            }
        }

        name.Append(char.ToUpperInvariant(word[0]));
        string rest = word.ToString(1, word.Length - 1);
        name.Append(allUpper && word.Length > 1 ? rest.ToLowerInvariant() : rest);
        word.Clear();
    }
}
