using System;
using System.Collections.Generic;
using System.IO;

namespace GlacierTrail.Integrity;

/// <summary>The files under the folders being verified, sorted into digests, log files and the rest.</summary>
internal sealed class TreeScan
{
    public List<ScannedFile> Digests { get; } = [];

    public List<ScannedFile> Logs { get; } = [];

    public int Others { get; private set; }

    /// <summary>Walks every root (hidden files and symbolic links are left out, as the log reader does), each file once, in ordinal path order.</summary>
    /// <exception cref="DirectoryNotFoundException">A root is not a folder.</exception>
    public static TreeScan Scan(IReadOnlyList<string> roots)
    {
        var scan = new TreeScan();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden | FileAttributes.System,
            IgnoreInaccessible = true,
        };
        foreach (string given in roots)
        {
            string root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(given));
            if (!Directory.Exists(root))
            {
                throw new DirectoryNotFoundException($"No folder at '{given}'.");
            }

            var files = new List<string>(Directory.EnumerateFiles(root, "*", options));
            files.Sort(StringComparer.Ordinal);
            foreach (string file in files)
            {
                if (Path.GetFileName(file).StartsWith('.') || !seen.Add(file))
                {
                    continue;
                }

                if (AwsLogsPath.FromLocalPath(file) is not { } location)
                {
                    scan.Others++;
                }
                else
                {
                    (location.IsDigest ? scan.Digests : scan.Logs).Add(new ScannedFile(file, root, location));
                }
            }
        }

        return scan;
    }
}
