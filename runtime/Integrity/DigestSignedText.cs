using System;
using System.Text;

namespace GlacierTrail.Integrity;

/// <summary>
/// The text CloudTrail signs for a digest (UTF-8, four lines joined by <c>\n</c>, no newline at
/// the end): the end time as written, bucket/key, the SHA-256 of the uncompressed digest in
/// lowercase hex, and the previous digest's signature or <c>null</c> for the first of a chain.
/// </summary>
public static class DigestSignedText
{
    /// <summary>The signed text of a digest, as UTF-8 bytes.</summary>
    /// <param name="digestEndTime">The digest's <c>digestEndTime</c>, exactly as written in it.</param>
    /// <param name="digestS3Bucket">The digest's <c>digestS3Bucket</c>.</param>
    /// <param name="digestS3Object">The digest's <c>digestS3Object</c>.</param>
    /// <param name="uncompressedSha256">The SHA-256 of the digest file's uncompressed bytes.</param>
    /// <param name="previousDigestSignature">The digest's <c>previousDigestSignature</c>, or null.</param>
    public static byte[] Build(string digestEndTime, string digestS3Bucket, string digestS3Object, ReadOnlySpan<byte> uncompressedSha256, string? previousDigestSignature)
    {
        ArgumentNullException.ThrowIfNull(digestEndTime);
        ArgumentNullException.ThrowIfNull(digestS3Bucket);
        ArgumentNullException.ThrowIfNull(digestS3Object);
        string text = digestEndTime + "\n"
            + digestS3Bucket + "/" + digestS3Object + "\n"
            + Convert.ToHexStringLower(uncompressedSha256) + "\n"
            + (previousDigestSignature ?? "null");
        return Encoding.UTF8.GetBytes(text);
    }
}
