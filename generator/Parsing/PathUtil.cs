using System.Collections.Generic;

namespace GlacierTrail.Gen.Parsing;

/// <summary>
/// Path arithmetic for <c>$ref</c> targets, on strings only (the generator must not touch the
/// file system), with '/' separators so the same schema resolves the same way on every OS.
/// </summary>
internal static class PathUtil
{
    public static string Normalize(string path)
    {
        string unified = path.Replace('\\', '/');
        bool rooted = unified.StartsWith("/", System.StringComparison.Ordinal);
        var parts = new List<string>();
        foreach (string part in unified.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return (rooted ? "/" : string.Empty) + string.Join("/", parts);
    }

    public static string Directory(string path)
    {
        string unified = path.Replace('\\', '/');
        int slash = unified.LastIndexOf('/');
        return slash < 0 ? string.Empty : unified.Substring(0, slash);
    }

    public static string Resolve(string fromFile, string relative)
    {
        string unified = relative.Replace('\\', '/');
        if (unified.StartsWith("/", System.StringComparison.Ordinal) || (unified.Length > 1 && unified[1] == ':'))
        {
            return Normalize(unified);
        }

        return Normalize(Directory(fromFile) + "/" + unified);
    }

    public static string FileName(string path)
    {
        string unified = path.Replace('\\', '/');
        int slash = unified.LastIndexOf('/');
        return slash < 0 ? unified : unified.Substring(slash + 1);
    }
}
