using System;
using System.Text;
using GlacierTrail.Integrity;
using GlacierTrail.Testing.Integrity;
using Xunit;

namespace GlacierTrail.Tests.Integrity;

/// <summary>The inputs from outside the folder: <c>aws cloudtrail list-public-keys</c> output and the signatures file.</summary>
public sealed class PublicKeyListTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Keys_read_with_ISO_8601_or_epoch_second_times(bool epochSeconds)
    {
        var keys = DigestPublicKey.ParseList(Encoding.UTF8.GetBytes(TestKey.List(epochSeconds, TestKey.A, TestKey.B)), "keys.json");

        Assert.Equal([TestKey.A.Fingerprint, TestKey.B.Fingerprint], [keys[0].Fingerprint, keys[1].Fingerprint]);
        Assert.Equal(TestKey.A.ValidFrom, keys[0].ValidityStart);
        Assert.Equal(TestKey.A.ValidUntil, keys[0].ValidityEnd);
        Assert.Equal(2048, keys[0].KeySizeInBits);
        Assert.True(keys[0].IsValidAt(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.False(keys[0].IsValidAt(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("[]", "PublicKeyList")]
    [InlineData("{\"PublicKeyList\":[{\"Fingerprint\":\"ab\"}]}", "PublicKeyList[0]: \"Value\"")]
    [InlineData("{\"PublicKeyList\":[{\"Fingerprint\":\"ab\",\"Value\":\"!!\"}]}", "not base64")]
    [InlineData("{\"PublicKeyList\":[{\"Fingerprint\":\"ab\",\"Value\":\"AAAA\"}]}", "not a DER RSA public key")]
    [InlineData("{\"PublicKeyList\":[", "line 1")]
    public void A_bad_key_list_is_an_error_naming_the_file_and_entry(string json, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => DigestPublicKey.ParseList(Encoding.UTF8.GetBytes(json), "keys.json"));

        Assert.StartsWith("keys.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unparseable_validity_time_is_an_error()
    {
        string json = TestKey.A.ListJson().Replace("2025-01-01T00:00:00+00:00", "last Tuesday", StringComparison.Ordinal);

        var ex = Assert.Throws<FormatException>(() => DigestPublicKey.ParseList(Encoding.UTF8.GetBytes(json), "keys.json"));

        Assert.Contains("ValidityStartTime", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Signatures_map_digest_keys_to_hex()
    {
        var signatures = DigestSignatures.Parse("{\"AWSLogs/1/x.json.gz\":\"ABCDEF01\",\"AWSLogs/1/y.json.gz\":\"00\"}"u8, "sigs.json");

        Assert.Equal("abcdef01", signatures["AWSLogs/1/x.json.gz"]);
        Assert.Equal(2, signatures.Count);
    }

    [Theory]
    [InlineData("[\"a\"]", "expected a JSON object")]
    [InlineData("{\"k\":\"xyz\"}", "not a hex string")]
    [InlineData("{\"k\":\"00\",\"k\":\"01\"}", "appears twice")]
    [InlineData("{\"k\":", "not JSON")]
    public void A_bad_signatures_file_is_an_error(string json, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => DigestSignatures.Parse(Encoding.UTF8.GetBytes(json), "sigs.json"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}
