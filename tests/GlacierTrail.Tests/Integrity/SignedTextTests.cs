using System;
using System.Security.Cryptography;
using System.Text;
using GlacierTrail.Integrity;
using Xunit;

namespace GlacierTrail.Tests.Integrity;

/// <summary>The text a digest's signature covers, against a fixed vector, byte for byte.</summary>
public sealed class SignedTextTests
{
    // A fixed digest (uncompressed bytes); its SHA-256 below was computed once, independently of this code.
    private static readonly byte[] Digest = Encoding.UTF8.GetBytes(
        "{\"awsAccountId\":\"111122223333\",\"digestStartTime\":\"2015-08-17T14:01:31Z\",\"digestEndTime\":\"2015-08-17T15:01:31Z\",\"digestS3Bucket\":\"example-bucket\",\"digestS3Object\":\"AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_example-trail_us-east-2_20150817T150131Z.json.gz\",\"logFiles\":[]}");

    private const string DigestSha256 = "eb3a97b6c29e94b2d25aae733d4acc202a9acd5037f529b5f914c6f54e745c4a";

    private const string ObjectKey = "AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_example-trail_us-east-2_20150817T150131Z.json.gz";

    [Fact]
    public void The_first_digest_of_a_chain_signs_the_four_letters_null()
    {
        byte[] text = DigestSignedText.Build("2015-08-17T15:01:31Z", "example-bucket", ObjectKey, SHA256.HashData(Digest), null);

        byte[] expected = Encoding.UTF8.GetBytes(
            "2015-08-17T15:01:31Z\n"
            + "example-bucket/AWSLogs/111122223333/CloudTrail-Digest/us-east-2/2015/08/17/111122223333_CloudTrail-Digest_us-east-2_example-trail_us-east-2_20150817T150131Z.json.gz\n"
            + DigestSha256 + "\n"
            + "null");
        Assert.Equal(expected, text);
        Assert.Equal(3, Array.FindAll(text, b => b == (byte)'\n').Length);
    }

    [Fact]
    public void A_later_digest_signs_the_previous_signature_as_written_and_has_no_trailing_newline()
    {
        const string previous = "4c7c140ad9926194ef23f2d1820337bb";

        byte[] text = DigestSignedText.Build("2015-08-17T15:01:31Z", "example-bucket", ObjectKey, SHA256.HashData(Digest), previous);

        Assert.Equal(
            "2015-08-17T15:01:31Z\nexample-bucket/" + ObjectKey + "\n" + DigestSha256 + "\n" + previous,
            Encoding.UTF8.GetString(text));
        Assert.NotEqual((byte)'\n', text[^1]);
    }
}
