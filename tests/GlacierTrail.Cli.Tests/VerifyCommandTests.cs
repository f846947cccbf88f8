using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using GlacierTrail.Testing.Integrity;
using Xunit;

namespace GlacierTrail.Cli.Tests;

/// <summary><c>glaciertrail verify</c> on the shipped samples and on chains written by the tests.</summary>
public sealed class VerifyCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "glaciertrail-verify-" + Guid.NewGuid().ToString("N"));

    public VerifyCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "logs"));
        File.WriteAllText(KeysFile, TestKey.A.ListJson());
    }

    private static string Samples { get; } = FindSamples();

    private string Logs => Path.Combine(_root, "logs");

    private string KeysFile => Path.Combine(_root, "keys.json");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task The_samples_verify_with_the_shipped_key_and_signatures()
    {
        var result = await CliRunner.RunAsync("verify", Path.Combine(Samples, "logs"), "--public-keys", Path.Combine(Samples, "public-keys.json"), "--signatures", Path.Combine(Samples, "signatures.json"));

        Assert.Equal(0, result.Code);
        Assert.Equal("51 digests valid, 6 log files valid, 0 problems; 3 chains 2025-03-14T08:04:51Z to 2025-03-15T23:17:33Z", result.Lines[^1]);
        Assert.Contains(result.Lines, l => l.StartsWith("key ", StringComparison.Ordinal) && l.Contains("valid 2025-03-01T00:00:00Z to 2025-04-01T00:00:00Z", StringComparison.Ordinal) && l.EndsWith("verified 51 digest(s)", StringComparison.Ordinal));
        Assert.Contains(result.Lines, l => l.StartsWith("chain AWSLogs/o-a1b2c3d4e5/444455556666/CloudTrail-Digest/ap-southeast-2, trail org-audit", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Lines, l => l.StartsWith("error", StringComparison.Ordinal) || l.StartsWith("warning", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_samples_without_signatures_pass_with_a_warning_per_chain_and_fail_when_strict()
    {
        string[] args = ["verify", Path.Combine(Samples, "logs"), "--public-keys", Path.Combine(Samples, "public-keys.json")];

        var lenient = await CliRunner.RunAsync(args);
        var strict = await CliRunner.RunAsync([.. args, "--strict"]);

        Assert.Equal(0, lenient.Code);
        Assert.Equal(3, lenient.Lines.Count(l => l.StartsWith("warning: digest not signature checked: ", StringComparison.Ordinal)));
        Assert.StartsWith("48 digests valid, 6 log files valid, 3 problems (0 errors, 3 warnings); ", lenient.Lines[^1], StringComparison.Ordinal);
        Assert.Equal(1, strict.Code);
        Assert.Equal(3, strict.Lines.Count(l => l.StartsWith("error: digest not signature checked: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_edited_log_file_exits_with_one_and_names_the_file()
    {
        var chain = Write(hours: 3);
        var log = chain.Digests[1].Logs[0];
        File.WriteAllBytes(log.Path, ChainWriter.Gzip("{\"Records\":[]}"u8.ToArray()));

        var result = await Verify("--signatures", Signatures(chain));

        Assert.Equal(1, result.Code);
        var line = Assert.Single(result.Lines, l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.StartsWith($"error: log file hash mismatch: {log.Key} ({log.Path}): the SHA-256 of its uncompressed content is ", line, StringComparison.Ordinal);
        Assert.Equal("3 digests valid, 5 log files valid, 1 problem (1 error, 0 warnings); chain 2025-03-14T08:01:31Z to 2025-03-14T11:01:31Z", result.Lines[^1]);
    }

    [Fact]
    public async Task Control_characters_in_file_names_are_escaped()
    {
        var chain = Write(hours: 2);
        string folder = Path.GetDirectoryName(chain.Digests[0].Logs[0].Path)!;
        string hostile = Path.Combine(folder, "111122223333_CloudTrail_us-east-1_20250314T0830Z_\u001b]0;owned\u0007.json.gz");
        File.WriteAllBytes(hostile, ChainWriter.Gzip("{\"Records\":[]}"u8.ToArray()));

        var result = await Verify("--signatures", Signatures(chain));

        Assert.Equal(1, result.Code);
        Assert.DoesNotContain('\u001b', result.Out);
        Assert.DoesNotContain('\u0007', result.Out);
        Assert.Contains(result.Lines, l => l.StartsWith("error: log file unreferenced: ", StringComparison.Ordinal) && l.Contains("\\u001b]0;owned\\u0007", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_output_carries_keys_chains_findings_and_summary()
    {
        var chain = Write(hours: 2);
        File.Delete(chain.Digests[0].Logs[1].Path);

        var result = await Verify("--format", "json");

        Assert.Equal(1, result.Code);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(TestKey.A.Fingerprint, root.GetProperty("keys")[0].GetProperty("fingerprint").GetString());
        Assert.Equal(2, root.GetProperty("chains")[0].GetProperty("digests").GetInt32());
        var kinds = root.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("severity").GetString(), f.GetProperty("kind").GetString())).Order().ToArray();
        Assert.Equal([("error", "LogFileMissing"), ("warning", "DigestNotSignatureChecked")], kinds);
        Assert.Equal(chain.Digests[0].Logs[1].Key, root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("kind").GetString() == "LogFileMissing").GetProperty("s3Key").GetString());
        var summary = root.GetProperty("summary");
        Assert.False(summary.GetProperty("valid").GetBoolean());
        Assert.Equal(3, summary.GetProperty("logFilesValid").GetInt32());
        Assert.Equal("2025-03-14T10:01:31Z", summary.GetProperty("end").GetString());
    }

    [Fact]
    public async Task Keys_with_epoch_second_times_and_times_as_epoch_seconds_work()
    {
        var chain = Write(hours: 4);
        File.WriteAllText(KeysFile, TestKey.A.ListJson(epochSeconds: true));
        long since = new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

        var result = await Verify("--signatures", Signatures(chain), "--since", since.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, result.Code);
        // Digests end hourly from 09:01:31 to 12:01:31: three end after 10:00.
        Assert.Equal("3 digests valid, 6 log files valid, 0 problems; chain 2025-03-14T09:01:31Z to 2025-03-14T12:01:31Z", result.Lines[^1]);
    }

    [Theory]
    [InlineData("missing-keys")]
    [InlineData("bad-keys")]
    [InlineData("bad-signatures")]
    [InlineData("no-such-folder")]
    [InlineData("a-file")]
    [InlineData("bad-time")]
    public async Task Usage_errors_exit_with_two_without_a_stack_trace(string problem)
    {
        Write(hours: 1);
        string bad = Path.Combine(_root, "bad.json");
        File.WriteAllText(bad, "{\"PublicKeyList\":[{\"Fingerprint\":\"ab\"");
        string[] args = problem switch
        {
            "missing-keys" => ["verify", Logs],
            "bad-keys" => ["verify", Logs, "--public-keys", bad],
            "bad-signatures" => ["verify", Logs, "--public-keys", KeysFile, "--signatures", KeysFile],
            "no-such-folder" => ["verify", Path.Combine(_root, "nope"), "--public-keys", KeysFile],
            "a-file" => ["verify", KeysFile, "--public-keys", KeysFile],
            _ => ["verify", Logs, "--public-keys", KeysFile, "--since", "soon"],
        };

        var result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.Code);
        Assert.StartsWith("glaciertrail: ", result.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    private ChainWriter Write(int hours)
    {
        var chain = new ChainWriter(Logs);
        for (int i = 0; i < hours; i++)
        {
            chain.Hour(TestKey.A);
        }

        return chain;
    }

    private string Signatures(ChainWriter chain)
    {
        string path = Path.Combine(_root, "signatures.json");
        File.WriteAllText(path, JsonSerializer.Serialize(chain.NewestSignature, SignatureJson.Default.DictionaryStringString));
        return path;
    }

    private Task<CliResult> Verify(params string[] more) => CliRunner.RunAsync(["verify", Logs, "--public-keys", KeysFile, .. more]);

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GlacierTrail.Gen.sln")))
            {
                return Path.Combine(dir.FullName, "samples");
            }
        }

        throw new InvalidOperationException("the repository root (GlacierTrail.Gen.sln) was not found above the test binaries");
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class SignatureJson : System.Text.Json.Serialization.JsonSerializerContext;
