using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GlacierTrail.Integrity;

namespace GlacierTrail.Testing.Integrity;

/// <summary>
/// An RSA key pair made for a test, standing in for a CloudTrail regional key: a fingerprint (the
/// MD5 of the public key here; validation only compares fingerprints) and a validity period.
/// </summary>
internal sealed class TestKey
{
    private static readonly Lazy<TestKey> SharedA = new(() => new TestKey(2048));
    private static readonly Lazy<TestKey> SharedB = new(() => new TestKey(2048));

    public TestKey(int bits, DateTimeOffset? validFrom = null, DateTimeOffset? validUntil = null)
        : this(RSA.Create(bits), validFrom, validUntil)
    {
    }

    private TestKey(RSA rsa, DateTimeOffset? validFrom, DateTimeOffset? validUntil)
    {
        Rsa = rsa;
        ValidFrom = validFrom ?? new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        ValidUntil = validUntil ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Fingerprint = Convert.ToHexStringLower(MD5.HashData(rsa.ExportRSAPublicKey()));
    }

    /// <summary>Keys shared by the tests (2048-bit keys take a moment to make).</summary>
    public static TestKey A => SharedA.Value;

    public static TestKey B => SharedB.Value;

    public RSA Rsa { get; }

    public string Fingerprint { get; }

    public DateTimeOffset ValidFrom { get; }

    public DateTimeOffset ValidUntil { get; }

    public DigestPublicKey Public => new(Fingerprint, Rsa.ExportRSAPublicKey(), ValidFrom, ValidUntil);

    /// <summary>The same key pair listed with another validity period (as a rotated-out key is).</summary>
    public TestKey ValidBetween(DateTimeOffset from, DateTimeOffset until) => new(Rsa, from, until);

    public string Sign(byte[] signedText) =>
        Convert.ToHexStringLower(Rsa.SignData(signedText, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    /// <summary>This key as <c>aws cloudtrail list-public-keys</c> prints it, the times as ISO 8601 or as epoch seconds.</summary>
    public string ListJson(bool epochSeconds = false) => List(epochSeconds, this);

    public static string List(bool epochSeconds, params TestKey[] keys)
    {
        var json = new StringBuilder("{\"PublicKeyList\":[");
        for (int i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            json.Append(i == 0 ? "" : ",")
                .Append("{\"Value\":\"").Append(Convert.ToBase64String(key.Rsa.ExportRSAPublicKey()))
                .Append("\",\"ValidityStartTime\":").Append(Time(key.ValidFrom, epochSeconds))
                .Append(",\"ValidityEndTime\":").Append(Time(key.ValidUntil, epochSeconds))
                .Append(",\"Fingerprint\":\"").Append(key.Fingerprint).Append("\"}");
        }

        return json.Append("]}").ToString();
    }

    private static string Time(DateTimeOffset time, bool epochSeconds) => epochSeconds
        ? time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + ".0"
        : "\"" + time.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture) + "\"";
}
