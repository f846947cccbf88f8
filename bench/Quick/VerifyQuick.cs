using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using GlacierTrail.Bench.Corpus;
using GlacierTrail.Integrity;

namespace GlacierTrail.Bench.Quick;

/// <summary>
/// <c>verify</c> throughput: the glacier corpus's .json.gz files laid out as a synced trail bucket
/// with an hourly signed digest chain (a key made for the run), validated by
/// <see cref="DigestValidator"/>, next to the floor it cannot beat: inflate plus SHA-256 of the
/// same files on all cores. Both in MB/s of uncompressed log data; best of several rounds.
/// </summary>
internal static class VerifyQuick
{
    private const string Account = "123456789012";
    private const string Region = "us-east-1";
    private const string Bucket = "bench-trail-bucket";
    private const int FilesPerDigest = 10;
    private const int Rounds = 5;

    public static int Run(double scale)
    {
        var corpus = CorpusData.Load(CorpusSpec.Glacier(RepoPaths.CorpusRoot, scale), RepoPaths.GlacierFixtures);
        string root = Path.Combine(RepoPaths.CorpusRoot, "verify-" + scale.ToString(CultureInfo.InvariantCulture));
        using var key = RSA.Create(2048);
        var (publicKey, signatures, logBytes) = Lay(corpus.GzipPaths, root, key);
        var options = new DigestValidationOptions { PublicKeys = [publicKey], Signatures = signatures };
        Console.WriteLine($"verify quick mode: {Environment.ProcessorCount} cores; {corpus.GzipPaths.Length} log files, {logBytes / 1e6:F1} MB uncompressed, {(corpus.GzipPaths.Length + FilesPerDigest - 1) / FilesPerDigest} digests");

        string[] logs = Directory.GetFiles(Path.Combine(root, "AWSLogs", Account, "CloudTrail"), "*.json.gz", SearchOption.AllDirectories);
        var check = DigestValidator.ValidateAsync([root], options).GetAwaiter().GetResult();
        if (!check.Summary.IsValid || check.Summary.Warnings > 0 || check.Summary.LogBytesHashed != logBytes)
        {
            throw new InvalidOperationException($"the bench chain did not verify cleanly: {check.Summary}");
        }

        double floor = double.MaxValue, verify = double.MaxValue;
        for (int round = 0; round < Rounds; round++)
        {
            GC.Collect();
            var watch = Stopwatch.StartNew();
            long hashed = InflateAndHashAll(logs);
            floor = Math.Min(floor, watch.Elapsed.TotalSeconds);
            if (hashed != logBytes)
            {
                throw new InvalidOperationException("the floor read other bytes than the corpus holds");
            }

            GC.Collect();
            watch.Restart();
            var result = DigestValidator.ValidateAsync([root], options).GetAwaiter().GetResult();
            verify = Math.Min(verify, watch.Elapsed.TotalSeconds);
            if (!result.Summary.IsValid)
            {
                throw new InvalidOperationException("verify found problems in the bench chain");
            }

            Console.Error.WriteLine($"round {round + 1} of {Rounds} done");
        }

        double floorRate = logBytes / 1e6 / floor, verifyRate = logBytes / 1e6 / verify;
        Console.WriteLine($"inflate + SHA-256 alone, {Environment.ProcessorCount} files at once: {floorRate,8:F1} MB/s");
        Console.WriteLine($"DigestValidator (glaciertrail verify):          {verifyRate,8:F1} MB/s");
        Console.WriteLine($"ratio: {verifyRate / floorRate:P0} (target 80%)");
        return 0;
    }

    /// <summary>The floor: every file inflated and hashed, as many at once as there are cores.</summary>
    private static long InflateAndHashAll(string[] paths)
    {
        long total = 0;
        Parallel.ForEach(paths, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => 0L, (path, _, bytes) =>
        {
            byte[] buffer = new byte[128 * 1024];
            using var file = File.OpenRead(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                bytes += read;
            }

            sha.GetHashAndReset();
            return bytes;
        }, bytes => System.Threading.Interlocked.Add(ref total, bytes));
        return total;
    }

    /// <summary>Copies the gzip files into the AWSLogs layout (ten minutes apart) and writes an hourly signed chain over them.</summary>
    private static (DigestPublicKey Key, Dictionary<string, string> Signatures, long LogBytes) Lay(string[] gzipPaths, string root, RSA key)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        string fingerprint = Convert.ToHexStringLower(MD5.HashData(key.ExportRSAPublicKey()));
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        string? previousKey = null, previousHash = null, previousSignature = null;
        long logBytes = 0;
        for (int first = 0, hour = 0; first < gzipPaths.Length; first += FilesPerDigest, hour++)
        {
            var entries = new StringBuilder();
            for (int i = first; i < Math.Min(first + FilesPerDigest, gzipPaths.Length); i++)
            {
                var delivered = start.AddHours(hour).AddMinutes(1 + (5 * (i - first)));
                string logKey = $"AWSLogs/{Account}/CloudTrail/{Region}/{delivered:yyyy'/'MM'/'dd}/{Account}_CloudTrail_{Region}_{delivered:yyyyMMdd'T'HHmm'Z'}_{i:D16}.json.gz";
                string path = Local(root, logKey);
                File.Copy(gzipPaths[i], path);
                using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
                using var plain = new MemoryStream();
                gzip.CopyTo(plain);
                logBytes += plain.Length;
                entries.Append(entries.Length == 0 ? "" : ",")
                    .Append(CultureInfo.InvariantCulture, $"{{\"s3Bucket\":\"{Bucket}\",\"s3Object\":\"{logKey}\",\"hashValue\":\"{Convert.ToHexStringLower(SHA256.HashData(plain.GetBuffer().AsSpan(0, (int)plain.Length)))}\",\"hashAlgorithm\":\"SHA-256\"}}");
            }

            var end = start.AddHours(hour + 1);
            string endText = end.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            string digestKey = $"AWSLogs/{Account}/CloudTrail-Digest/{Region}/{end:yyyy'/'MM'/'dd}/{Account}_CloudTrail-Digest_{Region}_bench_{Region}_{end:yyyyMMdd'T'HHmmss'Z'}.json.gz";
            string Quote(string? s) => s is null ? "null" : "\"" + s + "\"";
            byte[] json = Encoding.UTF8.GetBytes(
                $"{{\"awsAccountId\":\"{Account}\",\"digestStartTime\":\"{end.AddHours(-1):yyyy-MM-dd'T'HH:mm:ss'Z'}\",\"digestEndTime\":\"{endText}\",\"digestS3Bucket\":\"{Bucket}\",\"digestS3Object\":\"{digestKey}\",\"digestPublicKeyFingerprint\":\"{fingerprint}\",\"digestSignatureAlgorithm\":\"SHA256withRSA\",\"previousDigestS3Bucket\":{Quote(previousKey is null ? null : Bucket)},\"previousDigestS3Object\":{Quote(previousKey)},\"previousDigestHashValue\":{Quote(previousHash)},\"previousDigestHashAlgorithm\":{Quote(previousKey is null ? null : "SHA-256")},\"previousDigestSignature\":{Quote(previousSignature)},\"logFiles\":[{entries}]}}");
            using (var output = File.Create(Local(root, digestKey)))
            using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            {
                gzip.Write(json);
            }

            byte[] signed = DigestSignedText.Build(endText, Bucket, digestKey, SHA256.HashData(json), previousSignature);
            previousSignature = Convert.ToHexStringLower(key.SignData(signed, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            previousHash = Convert.ToHexStringLower(SHA256.HashData(json));
            previousKey = digestKey;
        }

        var publicKey = new DigestPublicKey(fingerprint, key.ExportRSAPublicKey(), start.AddDays(-1), start.AddYears(1));
        return (publicKey, new Dictionary<string, string> { [previousKey!] = previousSignature! }, logBytes);
    }

    private static string Local(string root, string key)
    {
        string path = Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
