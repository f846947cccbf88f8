using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace GlacierTrail.Integrity;

/// <summary>
/// A CloudTrail public key for digest signatures, as <c>aws cloudtrail list-public-keys</c> prints
/// it: the key, its validity period and the fingerprint digests name it by.
/// </summary>
public sealed class DigestPublicKey
{
    /// <summary>Creates a key from its DER bytes (PKCS#1 <c>RSAPublicKey</c>, or SubjectPublicKeyInfo).</summary>
    /// <exception cref="FormatException">The bytes are not an RSA public key.</exception>
    public DigestPublicKey(string fingerprint, ReadOnlyMemory<byte> der, DateTimeOffset? validityStart, DateTimeOffset? validityEnd)
    {
        ArgumentException.ThrowIfNullOrEmpty(fingerprint);
        Fingerprint = fingerprint.ToLowerInvariant();
        Der = der.ToArray();
        ValidityStart = validityStart;
        ValidityEnd = validityEnd;
        using var rsa = Load();
        KeySizeInBits = rsa.KeySize;
    }

    /// <summary>The fingerprint (lowercase hex) that digests name in <c>digestPublicKeyFingerprint</c>.</summary>
    public string Fingerprint { get; }

    /// <summary>The key as DER bytes (the <c>Value</c> of the list, base64-decoded).</summary>
    public ReadOnlyMemory<byte> Der { get; }

    /// <summary>From when the key signs digests (null: no lower bound was given).</summary>
    public DateTimeOffset? ValidityStart { get; }

    /// <summary>Until when the key signs digests (null: still valid).</summary>
    public DateTimeOffset? ValidityEnd { get; }

    /// <summary>The RSA modulus size.</summary>
    public int KeySizeInBits { get; }

    /// <summary>Whether a digest ending at <paramref name="time"/> may be signed with this key (both ends inclusive).</summary>
    public bool IsValidAt(DateTimeOffset time) =>
        (ValidityStart is not { } start || start <= time) && (ValidityEnd is not { } end || time <= end);

    /// <summary>The key ready to verify signatures; the caller disposes it.</summary>
    public RSA Load()
    {
        var rsa = RSA.Create();
        try
        {
            try
            {
                rsa.ImportRSAPublicKey(Der.Span, out _);
            }
            catch (CryptographicException)
            {
                rsa.ImportSubjectPublicKeyInfo(Der.Span, out _);
            }

            return rsa;
        }
        catch (CryptographicException ex)
        {
            rsa.Dispose();
            throw new FormatException($"the key with fingerprint {Fingerprint} is not a DER RSA public key (PKCS#1 or SubjectPublicKeyInfo)", ex);
        }
    }

    /// <summary>
    /// Reads the JSON <c>aws cloudtrail list-public-keys</c> prints:
    /// <c>{"PublicKeyList":[{"Value","ValidityStartTime","ValidityEndTime","Fingerprint"}]}</c>, the
    /// times as ISO 8601 text or as epoch seconds (whichever the AWS CLI was set to print).
    /// </summary>
    /// <param name="utf8Json">The JSON text.</param>
    /// <param name="source">The file name, for error messages.</param>
    /// <exception cref="FormatException">The JSON is not such a list; the message names the source and the entry.</exception>
    public static IReadOnlyList<DigestPublicKey> ParseList(ReadOnlySpan<byte> utf8Json, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{source}: not JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}", ex);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("PublicKeyList", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{source}: expected the output of 'aws cloudtrail list-public-keys', an object with a \"PublicKeyList\" array");
            }

            var keys = new List<DigestPublicKey>();
            int index = 0;
            foreach (var item in list.EnumerateArray())
            {
                string where = $"{source}: PublicKeyList[{index}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new FormatException($"{where} is not an object");
                }

                string fingerprint = RequiredString(item, "Fingerprint", where);
                string value = RequiredString(item, "Value", where);
                byte[] der;
                try
                {
                    der = Convert.FromBase64String(value);
                }
                catch (FormatException ex)
                {
                    throw new FormatException($"{where}: Value is not base64", ex);
                }

                try
                {
                    keys.Add(new DigestPublicKey(fingerprint, der, Time(item, "ValidityStartTime", where), Time(item, "ValidityEndTime", where)));
                }
                catch (FormatException ex)
                {
                    throw new FormatException($"{where}: {ex.Message}", ex);
                }

                index++;
            }

            return keys;
        }
    }

    private static string RequiredString(JsonElement item, string name, string where)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
        {
            throw new FormatException($"{where}: \"{name}\" is missing or not a non-empty string");
        }

        return text;
    }

    private static DateTimeOffset? Time(JsonElement item, string name, string where)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out double seconds))
        {
            return FromEpochSeconds(seconds, where, name);
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() is { } text)
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds))
            {
                return FromEpochSeconds(seconds, where, name);
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            {
                return time;
            }
        }

        throw new FormatException($"{where}: \"{name}\" is neither an ISO 8601 time nor epoch seconds");
    }

    private static DateTimeOffset FromEpochSeconds(double seconds, string where, string name)
    {
        if (double.IsNaN(seconds) || seconds < -62135596800 || seconds > 253402300799)
        {
            throw new FormatException($"{where}: \"{name}\" is out of range");
        }

        return DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
    }
}
