using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Enumeration;
using GlacierTrail.Framing;
using GlacierTrail.Streams;

namespace GlacierTrail.Reading;

/// <summary>
/// The walk behind <see cref="LogFiles"/>: the reader lists a folder through it too, so reading
/// never calls back up into the public API.
/// </summary>
internal static class LogFileTree
{
    public const string NotRegularNote = "empty, or not a regular file (a named pipe, device or socket); not opened";

    /// <summary>See <see cref="LogFiles.Enumerate(string, Action{string}?, Action{string}?)"/>.</summary>
    public static IReadOnlyList<string> Enumerate(string path, Action<string>? onDigest, Action<string>? onNotRegular)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"No file or directory at '{path}'.", path);
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint | FileAttributes.Hidden | FileAttributes.System,
            IgnoreInaccessible = true,
        };
        var entries = new FileSystemEnumerable<(string Path, long Length)>(path, static (ref FileSystemEntry entry) => (entry.ToSpecifiedFullPath(), entry.Length), options)
        {
            ShouldIncludePredicate = static (ref FileSystemEntry entry) => !entry.IsDirectory,
        };
        var files = new List<string>();
        var digests = new List<string>();
        var notRegular = new List<string>();
        foreach (var (file, length) in entries)
        {
            if (Path.GetFileName(file).StartsWith('.'))
            {
                continue;
            }

            if (IsDigest(file))
            {
                digests.Add(file);
            }
            else if (length == 0)
            {
                notRegular.Add(file);
            }
            else
            {
                files.Add(file);
            }
        }

        files.Sort(StringComparer.Ordinal);
        digests.Sort(StringComparer.Ordinal);
        notRegular.Sort(StringComparer.Ordinal);
        foreach (string digest in digests)
        {
            onDigest?.Invoke(digest);
        }

        foreach (string file in notRegular)
        {
            onNotRegular?.Invoke(file);
        }

        return files;
    }

    /// <summary>See <see cref="LogFiles.StartsLikeLog"/>.</summary>
    public static bool StartsLikeLog(ReadOnlySpan<byte> head) =>
        Decompression.IsGzip(head) || JsonSyntax.FirstSignificantByte(head) is -1 or '{' or '[';

    /// <summary>See <see cref="LogFiles.IsDigest"/>.</summary>
    public static bool IsDigest(string path) =>
        path.Contains("CloudTrail-Digest", StringComparison.Ordinal);
}
