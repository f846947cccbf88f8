using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using GlacierTrail.Testing;
using Xunit;

namespace GlacierTrail.Tests;

/// <summary>
/// A folder tree as <c>aws s3 sync</c> leaves it: an account trail and an organization trail
/// (<c>AWSLogs/o-.../&lt;account&gt;/...</c>), gzip log files under
/// <c>CloudTrail/&lt;region&gt;/YYYY/MM/DD</c>, digest files under <c>CloudTrail-Digest</c>, and a
/// README that is not a log.
/// </summary>
public sealed class S3FolderTests : IDisposable
{
    private readonly string _root = TestLogs.TempFolder();
    private readonly List<string> _digests = [];
    private readonly string _readme;

    public S3FolderTests()
    {
        var records = InputSamples.LogRecords();
        string account = Path.Combine(_root, "AWSLogs", "123456789012");
        string member = Path.Combine(_root, "AWSLogs", "o-a1b2c3d4e5", "444455556666");

        // Written out of path order (and path order is not time order: eu-central-1 in April
        // comes before us-east-1 in January), so only the reader's sort gives the sequence 0..7.
        WriteLog(Path.Combine(member, "CloudTrail", "us-west-2", "2025", "03", "01", "444455556666_CloudTrail_us-west-2_20250301T1240Z_Zq0cLr8vXbN3TgHp.json.gz"), records[6], records[7]);
        WriteLog(Path.Combine(account, "CloudTrail", "us-east-1", "2025", "01", "06", "123456789012_CloudTrail_us-east-1_20250106T2240Z_3nE7dWkT0yHq5sVb.json.gz"), records[3]);
        WriteLog(Path.Combine(account, "CloudTrail", "eu-central-1", "2025", "04", "24", "123456789012_CloudTrail_eu-central-1_20250424T1840Z_Ab12Cd34Ef56Gh78.json.gz"), records[2]);
        WriteLog(Path.Combine(account, "CloudTrail", "eu-central-1", "2025", "04", "24", "123456789012_CloudTrail_eu-central-1_20250424T1835Z_cR9ra7OH1rytWyXY.json.gz"), records[0], records[1]);
        WriteLog(Path.Combine(member, "CloudTrail", "us-west-2", "2025", "02", "20", "444455556666_CloudTrail_us-west-2_20250220T1335Z_Kd9sPq2mWx7LcVn4.json.gz"), records[4], records[5]);

        byte[] digest = TestLogs.Gzip(InputSamples.Bytes("digest.json"));
        _digests.Add(Write(Path.Combine(account, "CloudTrail-Digest", "eu-central-1", "2025", "04", "24", "123456789012_CloudTrail-Digest_eu-central-1_glacier-audit_eu-central-1_20250424T190000Z.json.gz"), digest));
        _digests.Add(Write(Path.Combine(member, "CloudTrail-Digest", "us-west-2", "2025", "02", "20", "444455556666_CloudTrail-Digest_us-west-2_org-trail_us-east-1_20250220T140000Z.json.gz"), digest));
        _readme = Write(Path.Combine(_root, "README.txt"), Encoding.UTF8.GetBytes("Synced from s3://glacier-audit-trail with `aws s3 sync`; do not edit.\n"));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task The_tree_is_read_in_path_order_across_account_and_organization_trails(int maxParallelFiles)
    {
        var notices = new ConcurrentQueue<string>();
        var options = new CloudTrailReaderOptions { MaxParallelFiles = maxParallelFiles, OnNotice = notices.Enqueue };

        var events = await TestLogs.ReadFileAsync(_root, options);

        InputSamples.AssertLogRecords(events, 0, 1, 2, 3, 4, 5, 6, 7);
        Assert.Contains(notices, n => n.Contains(_readme, StringComparison.Ordinal) && n.Contains("not a JSON log file", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Digest_files_are_skipped_with_a_notice_naming_each(int maxParallelFiles)
    {
        var notices = new ConcurrentQueue<string>();
        var errors = new List<CloudTrailReadException>();
        var options = new CloudTrailReaderOptions
        {
            MaxParallelFiles = maxParallelFiles,
            OnNotice = notices.Enqueue,
            ErrorHandling = CloudTrailErrorHandling.Skip,
            OnError = errors.Add,
        };

        var events = await TestLogs.ReadFileAsync(_root, options);

        Assert.Equal(8, events.Count);
        Assert.Empty(errors);
        foreach (string digest in _digests)
        {
            Assert.Contains(notices, n => n.Contains(digest, StringComparison.Ordinal) && n.Contains("digest", StringComparison.OrdinalIgnoreCase));
        }

        Assert.Equal(3, notices.Count);
    }

    [Fact]
    public void The_file_list_is_in_ordinal_path_order_without_digests()
    {
        var files = LogFiles.Enumerate(_root).Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/')).ToList();

        Assert.Equal(
            [
                "AWSLogs/123456789012/CloudTrail/eu-central-1/2025/04/24/123456789012_CloudTrail_eu-central-1_20250424T1835Z_cR9ra7OH1rytWyXY.json.gz",
                "AWSLogs/123456789012/CloudTrail/eu-central-1/2025/04/24/123456789012_CloudTrail_eu-central-1_20250424T1840Z_Ab12Cd34Ef56Gh78.json.gz",
                "AWSLogs/123456789012/CloudTrail/us-east-1/2025/01/06/123456789012_CloudTrail_us-east-1_20250106T2240Z_3nE7dWkT0yHq5sVb.json.gz",
                "AWSLogs/o-a1b2c3d4e5/444455556666/CloudTrail/us-west-2/2025/02/20/444455556666_CloudTrail_us-west-2_20250220T1335Z_Kd9sPq2mWx7LcVn4.json.gz",
                "AWSLogs/o-a1b2c3d4e5/444455556666/CloudTrail/us-west-2/2025/03/01/444455556666_CloudTrail_us-west-2_20250301T1240Z_Zq0cLr8vXbN3TgHp.json.gz",
                "README.txt",
            ],
            files);
    }

    private static void WriteLog(string path, params JsonElement[] records)
    {
        Write(path, TestLogs.Gzip(RecordBuilder.Log(records.Select(r => r.GetRawText()))));
    }

    private static string Write(string path, byte[] data)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, data);
        return path;
    }
}
