using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;

namespace GlacierTrail.Integrity;

/// <summary>The public keys by fingerprint, loaded once each, and which were used how often.</summary>
internal sealed class KeyRing : IDisposable
{
    private readonly Dictionary<string, List<DigestPublicKey>> _byFingerprint = new(StringComparer.Ordinal);
    private readonly Dictionary<DigestPublicKey, RSA> _loaded = [];
    private readonly Dictionary<DigestPublicKey, int> _uses = [];

    public KeyRing(IReadOnlyList<DigestPublicKey> keys)
    {
        foreach (var key in keys)
        {
            if (!_byFingerprint.TryGetValue(key.Fingerprint, out var list))
            {
                _byFingerprint[key.Fingerprint] = list = [];
            }

            // The same key listed twice (lists of overlapping periods) counts once.
            if (!list.Exists(k => k.ValidityStart == key.ValidityStart && k.ValidityEnd == key.ValidityEnd && k.Der.Span.SequenceEqual(key.Der.Span)))
            {
                list.Add(key);
            }
        }
    }

    public bool Has(string fingerprint) => _byFingerprint.ContainsKey(fingerprint);

    /// <summary>The key with this fingerprint valid at <paramref name="time"/>, or null.</summary>
    public DigestPublicKey? Find(string fingerprint, DateTimeOffset time) =>
        _byFingerprint.TryGetValue(fingerprint, out var keys) ? keys.Find(k => k.IsValidAt(time)) : null;

    /// <summary>The validity periods listed for a fingerprint, for messages.</summary>
    public string Periods(string fingerprint)
    {
        var periods = new List<string>();
        foreach (var key in _byFingerprint[fingerprint])
        {
            periods.Add("valid " + Time(key.ValidityStart) + " to " + Time(key.ValidityEnd));
        }

        return string.Join("; ", periods);
    }

    public bool Verify(DigestPublicKey key, byte[] signedText, byte[] signature)
    {
        if (!_loaded.TryGetValue(key, out var rsa))
        {
            _loaded[key] = rsa = key.Load();
        }

        return rsa.VerifyData(signedText, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>Counts a digest whose signature <paramref name="key"/> verified.</summary>
    public void CountUse(DigestPublicKey key) => _uses[key] = _uses.GetValueOrDefault(key) + 1;

    /// <summary>The keys that verified at least one signature, by fingerprint and start.</summary>
    public List<DigestKeyUse> Uses()
    {
        var uses = new List<DigestKeyUse>();
        foreach (var (key, count) in _uses)
        {
            uses.Add(new DigestKeyUse(key, count));
        }

        uses.Sort(static (a, b) => a.Key.Fingerprint != b.Key.Fingerprint
            ? string.CompareOrdinal(a.Key.Fingerprint, b.Key.Fingerprint)
            : Nullable.Compare(a.Key.ValidityStart, b.Key.ValidityStart));
        return uses;
    }

    public void Dispose()
    {
        foreach (var rsa in _loaded.Values)
        {
            rsa.Dispose();
        }
    }

    internal static string Time(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "(open)";
}
