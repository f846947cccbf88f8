using System;
using System.Collections.Generic;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using GlacierTrail.Cli.Input;

namespace GlacierTrail.Cli.Report;

/// <summary>Where a report came from: the tool, the command line, when it was made, and what it read.</summary>
/// <param name="CommandLine">The command line as typed (tokens quoted for a POSIX shell where they need it).</param>
/// <param name="Inputs">The paths given on the command line.</param>
internal sealed record ReportProvenance(string ToolVersion, string CommandLine, DateTimeOffset GeneratedAt, IReadOnlyList<string> Inputs)
{
    /// <summary>The tool's version as <c>--version</c> prints it.</summary>
    public static string CurrentVersion =>
        typeof(ReportProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// One hash for many files: the SHA-256 of their listing in <c>sha256sum</c>'s format (hash,
    /// two spaces, path, a newline each, in the order read), so it can be checked with
    /// <c>sha256sum FILE... | sha256sum</c>. Null when a file has no hash (it could not be read to its end).
    /// </summary>
    public static string? CombinedHash(IReadOnlyList<InputFileHash> files)
    {
        var listing = new StringBuilder();
        foreach (var file in files)
        {
            if (file.Sha256 is null)
            {
                return null;
            }

            listing.Append(file.Sha256).Append("  ").Append(file.Path).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listing.ToString())));
    }

    /// <summary>The command line from the parser's tokens, each quoted for a POSIX shell when it holds more than plain characters.</summary>
    public static string Quote(IEnumerable<string> tokens)
    {
        var line = new StringBuilder("glaciertrail");
        foreach (string token in tokens)
        {
            line.Append(' ');
            bool plain = token.Length > 0;
            foreach (char c in token)
            {
                plain &= char.IsAsciiLetterOrDigit(c) || "_-./:=@%+,".Contains(c, StringComparison.Ordinal);
            }

            line.Append(plain ? token : "'" + token.Replace("'", "'\\''", StringComparison.Ordinal) + "'");
        }

        return line.ToString();
    }
}
