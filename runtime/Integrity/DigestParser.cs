using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace GlacierTrail.Integrity;

/// <summary>
/// Reads a digest's JSON into a <see cref="DigestDocument"/>, or says what is wrong with it. A
/// repeated member is an error: two values for one member would let a reader see another digest
/// than the one that was signed.
/// </summary>
internal static class DigestParser
{
    private const string Sha256 = "SHA-256";
    private const string Sha256WithRsa = "SHA256withRSA";

    public static DigestDocument Parse(ReadOnlyMemory<byte> json, int maxDepth)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = maxDepth, AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1} of the line): {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("the digest is not a JSON object");
            }

            string algorithm = String(root, "digestSignatureAlgorithm", required: false) ?? Sha256WithRsa;
            if (algorithm != Sha256WithRsa)
            {
                throw new FormatException($"digestSignatureAlgorithm is '{algorithm}', not {Sha256WithRsa}");
            }

            string? previousAlgorithm = String(root, "previousDigestHashAlgorithm", required: false);
            if (previousAlgorithm is not null && previousAlgorithm != Sha256)
            {
                throw new FormatException($"previousDigestHashAlgorithm is '{previousAlgorithm}', not {Sha256}");
            }

            string start = String(root, "digestStartTime", required: true)!;
            string end = String(root, "digestEndTime", required: true)!;
            var digest = new DigestDocument
            {
                DigestStartTimeText = start,
                DigestStartTime = Time(start, "digestStartTime"),
                DigestEndTimeText = end,
                DigestEndTime = Time(end, "digestEndTime"),
                DigestS3Bucket = String(root, "digestS3Bucket", required: true)!,
                DigestS3Object = String(root, "digestS3Object", required: true)!,
                DigestPublicKeyFingerprint = String(root, "digestPublicKeyFingerprint", required: true)!,
                PreviousDigestS3Object = String(root, "previousDigestS3Object", required: false),
                PreviousDigestHashValue = Hex(root, "previousDigestHashValue"),
                PreviousDigestSignature = Hex(root, "previousDigestSignature"),
                LogFiles = LogFiles(root),
            };

            bool[] previous = [digest.PreviousDigestS3Object is null, digest.PreviousDigestHashValue is null, digest.PreviousDigestSignature is null];
            if (previous[0] != previous[1] || previous[0] != previous[2])
            {
                throw new FormatException("previousDigestS3Object, previousDigestHashValue and previousDigestSignature are not all set or all null");
            }

            return digest;
        }
    }

    private static List<DigestLogFile> LogFiles(JsonElement root)
    {
        if (!root.TryGetProperty("logFiles", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("logFiles is missing or not an array");
        }

        var files = new List<DigestLogFile>(array.GetArrayLength());
        int index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"logFiles[{index}] is not an object");
            }

            string? algorithm = String(item, "hashAlgorithm", required: false, index);
            if (algorithm is not null && algorithm != Sha256)
            {
                throw new FormatException($"logFiles[{index}].hashAlgorithm is '{algorithm}', not {Sha256}");
            }

            string hash = Hex(item, "hashValue", index) ?? throw new FormatException($"logFiles[{index}].hashValue is missing or null");
            files.Add(new DigestLogFile(String(item, "s3Object", required: true, index)!, hash));
            index++;
        }

        return files;
    }

    private static string? String(JsonElement element, string name, bool required, int? index = null)
    {
        string where = index is null ? name : $"logFiles[{index}].{name}";
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new FormatException($"{where} is missing or null") : null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new FormatException($"{where} is a {value.ValueKind.ToString().ToLowerInvariant()}, not a string");
        }

        string text = value.GetString()!;
        return required && text.Length == 0 ? throw new FormatException($"{where} is empty") : text;
    }

    private static string? Hex(JsonElement element, string name, int? index = null)
    {
        string? text = String(element, name, required: false, index);
        if (text is not null && (text.Length == 0 || !DigestSignatures.IsHex(text)))
        {
            throw new FormatException($"{(index is null ? name : $"logFiles[{index}].{name}")} is not hex");
        }

        return text?.ToLowerInvariant();
    }

    private static DateTimeOffset Time(string text, string name) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new FormatException($"{name} '{text}' is not a time");
}
