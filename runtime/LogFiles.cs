using System;
using System.Collections.Generic;
using GlacierTrail.Reading;

namespace GlacierTrail;

/// <summary>The files a path names: itself, or the log files under a directory tree as synced from S3.</summary>
public static class LogFiles
{
    /// <summary>
    /// Lists the files to read under <paramref name="path"/>, ordered by path (ordinal) so the
    /// order is the same on every machine. Digest files and hidden files are left out, and
    /// symbolic links are not followed, so a link loop cannot trap the walk.
    /// </summary>
    public static IEnumerable<string> Enumerate(string path) => Enumerate(path, onDigest: null);

    /// <summary>As <see cref="Enumerate(string)"/>, telling <paramref name="onDigest"/> about each digest file left out.</summary>
    public static IReadOnlyList<string> Enumerate(string path, Action<string>? onDigest) => Enumerate(path, onDigest, onNotRegular: null);

    /// <summary>
    /// As <see cref="Enumerate(string)"/>, telling <paramref name="onDigest"/> about each digest
    /// file and <paramref name="onNotRegular"/> about each empty file left out. In a directory,
    /// a file of length 0 is left out without being opened: that is how a named pipe, a device
    /// or a socket looks to a portable listing, and opening one can block for ever (a pipe with
    /// no writer) or never end (<c>/dev/zero</c>); an empty regular file holds no records anyway.
    /// </summary>
    public static IReadOnlyList<string> Enumerate(string path, Action<string>? onDigest, Action<string>? onNotRegular) =>
        LogFileTree.Enumerate(path, onDigest, onNotRegular);

    /// <summary>What a note says of a file <see cref="Enumerate(string, Action{string}?, Action{string}?)"/> left out for its length.</summary>
    public const string NotRegularNote = LogFileTree.NotRegularNote;

    /// <summary>
    /// Whether a file's first bytes could start a log: gzip (as S3 delivers logs), or JSON whose
    /// first significant byte opens an object or array (an empty file too). A stray README or
    /// checksum file in a log folder is not.
    /// </summary>
    public static bool StartsLikeLog(ReadOnlySpan<byte> head) => LogFileTree.StartsLikeLog(head);

    /// <summary>Whether a path is a CloudTrail digest file (they sit under <c>CloudTrail-Digest</c> and are not logs).</summary>
    public static bool IsDigest(string path) => LogFileTree.IsDigest(path);
}
