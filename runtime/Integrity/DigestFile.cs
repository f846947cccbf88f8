using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using GlacierTrail.Streams;

namespace GlacierTrail.Integrity;

/// <summary>
/// A digest file found on disk: where it is, its uncompressed bytes' SHA-256 and, when it
/// parsed, its content; and what the chain walk learns about it.
/// </summary>
internal sealed class DigestFile
{
    private DigestFile(string path, string root, AwsLogsLocation location)
    {
        Path = path;
        Root = root;
        Location = location;
    }

    public string Path { get; }

    public string Root { get; }

    /// <summary>Where the file is in the layout.</summary>
    public AwsLogsLocation Location { get; }

    /// <summary>The SHA-256 of the uncompressed bytes, or null when the file could not be read or inflated.</summary>
    public byte[]? Sha256 { get; private set; }

    /// <summary>The content, or null when it could not be read (<see cref="Error"/> says why).</summary>
    public DigestDocument? Document { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The content's place in the layout (from <c>digestS3Object</c>).</summary>
    public AwsLogsLocation? Claimed { get; private set; }

    /// <summary>The digests on disk that name this one as their previous.</summary>
    public List<DigestFile> Successors { get; } = [];

    /// <summary>Whether a finding names this digest.</summary>
    public bool HasFinding { get; set; }

    /// <summary>Whether a signature over this digest verified.</summary>
    public bool SignatureVerified { get; set; }

    public string? S3Key => Document?.DigestS3Object ?? Location.Key;

    public IntegrityFile File => new(S3Key, Path);

    /// <summary>Reads a digest within the limits; a file that cannot be read is returned with <see cref="Error"/> set.</summary>
    public static DigestFile Read(string path, string root, AwsLogsLocation location, int maxBytes, int maxDepth)
    {
        var digest = new DigestFile(path, root, location);
        byte[] content;
        try
        {
            using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
            {
                if (file.Length > maxBytes)
                {
                    digest.Error = $"the file is larger than the limit for a digest ({maxBytes} bytes)";
                    return digest;
                }

                content = new byte[file.Length];
                file.ReadExactly(content);
            }

            if (Decompression.IsGzip(content))
            {
                content = Decompression.InflateAll(content, maxBytes);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            digest.Error = "cannot be read or inflated: " + ex.Message;
            return digest;
        }

        digest.Sha256 = SHA256.HashData(content);
        try
        {
            digest.Document = DigestParser.Parse(content, maxDepth);
        }
        catch (FormatException ex)
        {
            digest.Error = ex.Message;
            return digest;
        }

        digest.Claimed = AwsLogsPath.FromS3Key(digest.Document.DigestS3Object) is { IsDigest: true } claimed
            && AwsLogsPath.TryParseDigestName(claimed.FileName, out _, out _, out _)
                ? claimed with { BaseDirectory = location.BaseDirectory }
                : null;
        if (digest.Claimed is null)
        {
            digest.Error = $"digestS3Object '{digest.Document.DigestS3Object}' is not a CloudTrail digest key";
            digest.Document = null;
        }

        return digest;
    }
}
