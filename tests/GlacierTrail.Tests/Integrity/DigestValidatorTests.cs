using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using GlacierTrail.Integrity;
using GlacierTrail.Testing.Integrity;
using Xunit;

namespace GlacierTrail.Tests.Integrity;

/// <summary>One test per finding: a valid chain, then each way a synced folder can be tampered with or incomplete.</summary>
public sealed class DigestValidatorTests : IntegrityTestBase
{
    [Fact]
    public async Task A_valid_chain_with_the_newest_signature_supplied_has_no_findings()
    {
        var chain = Chain(hours: 4);

        var result = await Validate(Root, chain.NewestSignature);

        AssertKinds(result);
        Assert.Equal(4, result.Summary.DigestsValid);
        Assert.Equal(8, result.Summary.LogFilesValid);
        Assert.Equal(8, result.Summary.LogFilesReferenced);
        Assert.True(result.Summary.LogBytesHashed > 0);
        var only = Assert.Single(result.Chains);
        Assert.Equal(("111122223333", "us-east-1", "audit-trail", "us-east-1", false, 4), (only.AccountId, only.Region, only.TrailName, only.HomeRegion, only.IsBackfill, only.Digests));
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 8, 1, 31, TimeSpan.Zero), result.Summary.Start);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 12, 1, 31, TimeSpan.Zero), result.Summary.End);
        var key = Assert.Single(result.KeysUsed);
        Assert.Equal((TestKey.A.Fingerprint, 4), (key.Key.Fingerprint, key.Digests));
        Assert.True(result.Summary.IsValid);
    }

    [Fact]
    public async Task The_newest_digest_without_a_supplied_signature_is_a_warning_and_the_rest_verify()
    {
        var chain = Chain(hours: 3);

        var result = await Validate(Root);

        var finding = Single(result, IntegrityFindingKind.DigestNotSignatureChecked);
        AssertKinds(result, IntegrityFindingKind.DigestNotSignatureChecked);
        Assert.Equal(IntegritySeverity.Warning, finding.Severity);
        Assert.Equal(chain.Digests[^1].Key, finding.File.S3Key);
        Assert.Equal(2, result.Summary.DigestsValid);
        Assert.True(result.Summary.IsValid);
    }

    [Fact]
    public async Task A_wrong_supplied_signature_for_the_newest_digest_is_an_error()
    {
        var chain = Chain(hours: 2);
        var wrong = new Dictionary<string, string> { [chain.Digests[^1].Key] = chain.Digests[0].Signature };

        var result = await Validate(Root, wrong);

        Assert.Equal(chain.Digests[^1].Key, Single(result, IntegrityFindingKind.DigestSignatureInvalid).File.S3Key);
        Assert.False(result.Summary.IsValid);
    }

    [Fact]
    public async Task An_edited_log_file_is_a_hash_mismatch()
    {
        var chain = Chain(hours: 3);
        var log = chain.Digests[1].Logs[0];
        byte[] json = ChainWriter.Gunzip(File.ReadAllBytes(log.Path));
        File.WriteAllBytes(log.Path, ChainWriter.Gzip(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json).Replace("ListVaults", "ListJobs!!", StringComparison.Ordinal))));

        var result = await Validate(Root, chain.NewestSignature);

        var finding = Single(result, IntegrityFindingKind.LogFileHashMismatch);
        AssertKinds(result, IntegrityFindingKind.LogFileHashMismatch);
        Assert.Equal((log.Key, log.Path), (finding.File.S3Key, finding.File.LocalPath));
        Assert.Contains(log.Sha256, finding.Detail, StringComparison.Ordinal);
        Assert.Equal(IntegritySeverity.Error, finding.Severity);
        Assert.Equal(5, result.Summary.LogFilesValid);
    }

    [Fact]
    public async Task A_log_file_stored_uncompressed_hashes_the_same()
    {
        var chain = Chain(hours: 1);
        var log = chain.Digests[0].Logs[1];
        File.WriteAllBytes(log.Path, ChainWriter.Gunzip(File.ReadAllBytes(log.Path)));

        var result = await Validate(Root, chain.NewestSignature);

        AssertKinds(result);
    }

    [Fact]
    public async Task A_deleted_log_file_is_missing()
    {
        var chain = Chain(hours: 3);
        var log = chain.Digests[2].Logs[1];
        File.Delete(log.Path);

        var result = await Validate(Root, chain.NewestSignature);

        var finding = Single(result, IntegrityFindingKind.LogFileMissing);
        AssertKinds(result, IntegrityFindingKind.LogFileMissing);
        Assert.Equal((log.Key, log.Path), (finding.File.S3Key, finding.File.LocalPath));
        Assert.Contains(chain.Digests[2].Key, finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_injected_log_file_in_a_covered_hour_is_unreferenced()
    {
        var chain = Chain(hours: 3);
        var injected = chain.WriteLog(new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero));

        var result = await Validate(Root, chain.NewestSignature);

        var finding = Single(result, IntegrityFindingKind.LogFileUnreferenced);
        AssertKinds(result, IntegrityFindingKind.LogFileUnreferenced);
        Assert.Equal((injected.Key, injected.Path), (finding.File.S3Key, finding.File.LocalPath));
        Assert.Equal(IntegritySeverity.Error, finding.Severity);
    }

    [Fact]
    public async Task A_log_file_newer_than_the_newest_digest_is_not_yet_covered()
    {
        var chain = Chain(hours: 2);
        var late = chain.WriteLog(chain.NextEnd.AddMinutes(-30));

        var result = await Validate(Root, chain.NewestSignature);

        var finding = Single(result, IntegrityFindingKind.LogFileNotCovered);
        AssertKinds(result, IntegrityFindingKind.LogFileNotCovered);
        Assert.Equal(late.Path, finding.File.LocalPath);
        Assert.Contains("not yet covered", finding.Detail, StringComparison.Ordinal);
        Assert.Equal(IntegritySeverity.Warning, finding.Severity);
    }

    [Fact]
    public async Task Log_files_of_a_region_without_any_digest_are_one_warning()
    {
        var chain = Chain(hours: 1);
        var other = new ChainWriter(Root, region: "eu-west-1");
        other.WriteLog(new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero));
        other.WriteLog(new DateTimeOffset(2025, 3, 14, 10, 5, 0, TimeSpan.Zero));

        var result = await Validate(Root, chain.NewestSignature);

        var finding = Single(result, IntegrityFindingKind.NoDigest);
        AssertKinds(result, IntegrityFindingKind.NoDigest);
        Assert.Equal("AWSLogs/111122223333/CloudTrail/eu-west-1/", finding.File.S3Key);
        Assert.Contains("2 log file(s)", finding.Detail, StringComparison.Ordinal);
        Assert.Equal(IntegritySeverity.Warning, finding.Severity);
    }

    [Fact]
    public async Task An_edited_digest_breaks_the_hash_chain_and_its_signature()
    {
        var chain = Chain(hours: 4);
        var edited = chain.Digests[1];
        string json = Encoding.UTF8.GetString(edited.Json).Replace(edited.Logs[0].Sha256, new string('a', 64), StringComparison.Ordinal);
        File.WriteAllBytes(edited.Path, ChainWriter.Gzip(Encoding.UTF8.GetBytes(json)));

        var result = await Validate(Root, chain.NewestSignature);

        AssertKinds(result, IntegrityFindingKind.DigestHashMismatch, IntegrityFindingKind.DigestSignatureInvalid, IntegrityFindingKind.LogFileHashMismatch);
        Assert.All(result.Findings.Where(f => f.Kind != IntegrityFindingKind.LogFileHashMismatch), f => Assert.Equal(edited.Key, f.File.S3Key));
        Assert.Equal(3, result.Summary.DigestsValid);
    }

    [Fact]
    public async Task A_digest_that_is_not_a_digest_any_more_is_unreadable_and_breaks_the_chain()
    {
        var chain = Chain(hours: 3);
        File.WriteAllBytes(chain.Digests[1].Path, ChainWriter.Gzip("{\"awsAccountId\":\"111122223333\""u8.ToArray()));

        var result = await Validate(Root, chain.NewestSignature);

        Assert.Equal(chain.Digests[1].Path, Single(result, IntegrityFindingKind.DigestUnreadable).File.LocalPath);
        Assert.Contains(result.Findings, f => f.Kind == IntegrityFindingKind.DigestHashMismatch && f.File.LocalPath == chain.Digests[1].Path);
        Assert.False(result.Summary.IsValid);
    }

    [Fact]
    public async Task A_deleted_digest_is_missing_from_the_chain()
    {
        var chain = Chain(hours: 5);
        var deleted = chain.Digests[2];
        File.Delete(deleted.Path);

        var result = await Validate(Root, chain.NewestSignature);

        var missing = result.Findings.Where(f => f.Kind == IntegrityFindingKind.DigestMissing).ToList();
        var finding = Assert.Single(missing);
        Assert.Equal((deleted.Key, deleted.Path), (finding.File.S3Key, finding.File.LocalPath));
        Assert.Contains(chain.Digests[1].Key, finding.Detail, StringComparison.Ordinal);
        Assert.Contains(chain.Digests[3].Key, finding.Detail, StringComparison.Ordinal);
        // Its log files are no longer vouched for, in an hour the other digests do not cover.
        Assert.Equal(2, result.Findings.Count(f => f.Kind == IntegrityFindingKind.LogFileNotCovered));
        Assert.Equal(3, result.Summary.DigestsValid);
        Assert.False(result.Summary.IsValid);
    }

    [Fact]
    public async Task Two_consecutive_deleted_digests_are_both_reported()
    {
        var chain = Chain(hours: 6, logFilesPerHour: 0);
        File.Delete(chain.Digests[2].Path);
        File.Delete(chain.Digests[3].Path);

        var result = await Validate(Root, chain.NewestSignature);

        var missing = result.Findings.Where(f => f.Kind == IntegrityFindingKind.DigestMissing).ToList();
        Assert.Equal(2, missing.Count);
        Assert.Contains(missing, f => f.File.S3Key == chain.Digests[3].Key && f.File.LocalPath == chain.Digests[3].Path);
        var gap = Assert.Single(missing, f => f.File.S3Key == chain.Digests[1].Key);
        Assert.Contains("about 1 more digest(s)", gap.Detail, StringComparison.Ordinal);
        Assert.Contains("2025-03-14T10:01:31Z to 2025-03-14T12:01:31Z", gap.Detail, StringComparison.Ordinal);
        AssertKinds(result, IntegrityFindingKind.DigestMissing, IntegrityFindingKind.DigestMissing);
    }

    [Fact]
    public async Task A_digest_moved_to_another_path_is_reported_and_the_chain_still_holds()
    {
        var chain = Chain(hours: 3);
        var moved = chain.Digests[1];
        string elsewhere = moved.Path.Replace(Path.Combine("2025", "03", "14"), Path.Combine("2025", "03", "13"), StringComparison.Ordinal);
        Directory.CreateDirectory(Path.GetDirectoryName(elsewhere)!);
        File.Move(moved.Path, elsewhere);

        var result = await Validate(Root, chain.NewestSignature);

        var finding = Single(result, IntegrityFindingKind.DigestMoved);
        AssertKinds(result, IntegrityFindingKind.DigestMoved);
        Assert.Equal((moved.Key, elsewhere), (finding.File.S3Key, finding.File.LocalPath));
        Assert.Equal(2, result.Summary.DigestsValid);
    }

    [Fact]
    public async Task A_digest_signed_with_another_key_than_its_fingerprint_names_fails_its_signature()
    {
        var chain = new ChainWriter(Root);
        chain.Hour(TestKey.A);
        var forged = chain.Hour(TestKey.A, signer: TestKey.B);
        chain.Hour(TestKey.A);

        var result = await Validate(Root, chain.NewestSignature);

        var finding = Single(result, IntegrityFindingKind.DigestSignatureInvalid);
        AssertKinds(result, IntegrityFindingKind.DigestSignatureInvalid);
        Assert.Equal(forged.Key, finding.File.S3Key);
        Assert.Contains(chain.Digests[2].Key, finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_whose_key_was_not_supplied_has_no_public_key()
    {
        var chain = Chain(hours: 2);

        var result = await Validate(Root, chain.NewestSignature, keys: [TestKey.B.Public]);

        AssertKinds(result, IntegrityFindingKind.PublicKeyNotFound, IntegrityFindingKind.PublicKeyNotFound);
        Assert.All(result.Findings, f => Assert.Contains(TestKey.A.Fingerprint, f.Detail, StringComparison.Ordinal));
        Assert.Empty(result.KeysUsed);
    }

    [Fact]
    public async Task A_key_not_valid_at_the_digest_time_is_an_error()
    {
        var chain = Chain(hours: 2);
        var expired = TestKey.A.ValidBetween(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero));

        var result = await Validate(Root, chain.NewestSignature, keys: [expired.Public]);

        var finding = Single(result, IntegrityFindingKind.PublicKeyNotValid);
        Assert.Equal(chain.Digests[1].Key, finding.File.S3Key);
        Assert.Contains("2025-03-14T09:30:00Z", finding.Detail, StringComparison.Ordinal);
        Assert.Equal(1, result.Summary.DigestsValid);
    }

    [Fact]
    public async Task A_key_rotation_puts_two_fingerprints_in_one_chain()
    {
        // Digests end at 09:01:31, 10:01:31, 11:01:31 (old key), then 12:01:31 and 13:01:31 (new key).
        var rotation = new DateTimeOffset(2025, 3, 14, 11, 30, 0, TimeSpan.Zero);
        var oldKey = TestKey.A.ValidBetween(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), rotation);
        var newKey = TestKey.B.ValidBetween(rotation, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var chain = new ChainWriter(Root);
        chain.Hour(oldKey);
        chain.Hour(oldKey);
        chain.Hour(oldKey);
        chain.Hour(newKey);
        chain.Hour(newKey);

        var result = await Validate(Root, chain.NewestSignature, keys: [oldKey.Public, newKey.Public]);

        AssertKinds(result);
        Assert.Equal([(oldKey.Fingerprint, 3), (newKey.Fingerprint, 2)], result.KeysUsed.Select(u => (u.Key.Fingerprint, u.Digests)).OrderBy(u => u.Digests == 3 ? 0 : 1).ToArray());
    }

    [Fact]
    public async Task An_empty_hour_verifies_like_any_other()
    {
        var chain = new ChainWriter(Root);
        chain.Hour(TestKey.A);
        var empty = chain.Hour(TestKey.A, logFiles: 0);
        chain.Hour(TestKey.A);

        var result = await Validate(Root, chain.NewestSignature);

        AssertKinds(result);
        Assert.Contains("\"logFiles\":[]", Encoding.UTF8.GetString(empty.Json), StringComparison.Ordinal);
        Assert.Contains("\"oldestEventTime\":null", Encoding.UTF8.GetString(empty.Json), StringComparison.Ordinal);
        Assert.Equal(3, result.Summary.DigestsValid);
    }

    [Fact]
    public async Task A_chain_restart_is_a_warning_and_the_digest_before_it_needs_its_signature()
    {
        var chain = Chain(hours: 2);
        var beforeRestart = chain.Digests[^1];
        chain.Restart();
        var restart = chain.Hour(TestKey.A);
        chain.Hour(TestKey.A);

        var result = await Validate(Root, chain.NewestSignature);

        AssertKinds(result, IntegrityFindingKind.ChainRestart, IntegrityFindingKind.DigestNotSignatureChecked);
        Assert.Equal(restart.Key, Single(result, IntegrityFindingKind.ChainRestart).File.S3Key);
        Assert.Equal(beforeRestart.Key, Single(result, IntegrityFindingKind.DigestNotSignatureChecked).File.S3Key);
        Assert.True(result.Summary.IsValid);

        var signed = new Dictionary<string, string>(chain.NewestSignature) { [beforeRestart.Key] = beforeRestart.Signature };
        AssertKinds(await Validate(Root, signed), IntegrityFindingKind.ChainRestart);
    }

    [Fact]
    public async Task Backfill_digests_form_their_own_chain()
    {
        var chain = Chain(hours: 3);
        var backfill = new ChainWriter(Root, backfill: true, firstEnd: new DateTimeOffset(2025, 3, 14, 9, 31, 2, TimeSpan.Zero));
        backfill.Hour(TestKey.A, logFiles: 1);
        backfill.Hour(TestKey.A, logFiles: 1);
        var signatures = new Dictionary<string, string>(chain.NewestSignature) { [backfill.Digests[^1].Key] = backfill.Digests[^1].Signature };

        var result = await Validate(Root, signatures);

        AssertKinds(result);
        Assert.Equal([false, true], result.Chains.Select(c => c.IsBackfill).Order().ToArray());
        Assert.Equal(5, result.Summary.DigestsValid);
        Assert.Equal(8, result.Summary.LogFilesValid);
    }

    [Fact]
    public async Task An_organization_trail_layout_validates_and_names_the_organization()
    {
        var member = new ChainWriter(Root, account: "444455556666", region: "ap-southeast-2", trail: "org-trail", organizationId: "o-a1b2c3d4e5");
        member.Hour(TestKey.A);
        member.Hour(TestKey.A);

        var result = await Validate(Root, member.NewestSignature);

        AssertKinds(result);
        var chain = Assert.Single(result.Chains);
        Assert.Equal(("o-a1b2c3d4e5", "444455556666", "AWSLogs/o-a1b2c3d4e5/444455556666/CloudTrail-Digest/ap-southeast-2"), (chain.OrganizationId, chain.AccountId, chain.Prefix));
        Assert.Equal(4, result.Summary.LogFilesValid);
    }

    [Fact]
    public async Task A_trail_key_prefix_above_AWSLogs_is_not_part_of_the_synced_folder()
    {
        var chain = new ChainWriter(Root, keyPrefix: "audit/prod/");
        chain.Hour(TestKey.A);
        chain.Hour(TestKey.A);

        var result = await Validate(Root, chain.NewestSignature);

        AssertKinds(result);
        Assert.StartsWith("audit/prod/AWSLogs/", chain.Digests[0].Key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_escape_in_s3Object_is_rejected_and_never_followed()
    {
        string outside = Path.Combine(Path.GetDirectoryName(Root)!, "outside-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(outside, "{\"Records\":[]}");
        try
        {
            var chain = new ChainWriter(Root);
            chain.Hour(TestKey.A, logFiles: 1, extraEntries: ["AWSLogs/111122223333/CloudTrail/us-east-1/../../../../../" + Path.GetFileName(outside)]);

            var result = await Validate(Root, chain.NewestSignature);

            var finding = Single(result, IntegrityFindingKind.LogFilePathRejected);
            AssertKinds(result, IntegrityFindingKind.LogFilePathRejected);
            Assert.Null(finding.File.LocalPath);
            Assert.Contains("'..'", finding.Detail, StringComparison.Ordinal);
            Assert.Equal(1, result.Summary.LogFilesValid);
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Fact]
    public async Task A_root_inside_AWSLogs_keeps_log_files_of_other_accounts_out_of_reach()
    {
        var chain = new ChainWriter(Root);
        chain.Hour(TestKey.A, logFiles: 1, extraEntries: ["AWSLogs/999999999999/CloudTrail/us-east-1/2025/03/14/999999999999_CloudTrail_us-east-1_20250314T0810Z_x.json.gz"]);
        string account = Path.Combine(Root, "AWSLogs", "111122223333");

        var result = await Validate(account, chain.NewestSignature);

        Assert.Contains("outside the folder being verified", Single(result, IntegrityFindingKind.LogFilePathRejected).Detail, StringComparison.Ordinal);
        Assert.Equal(1, result.Summary.LogFilesValid);
    }

    [Fact]
    public async Task Strict_makes_every_warning_an_error()
    {
        Chain(hours: 2);

        var result = await Validate(Root, strict: true);

        Assert.Equal(IntegritySeverity.Error, Single(result, IntegrityFindingKind.DigestNotSignatureChecked).Severity);
        Assert.False(result.Summary.IsValid);
    }

    [Fact]
    public async Task Since_leaves_out_earlier_digests_and_a_missing_digest_before_the_window()
    {
        var chain = Chain(hours: 6);
        File.Delete(chain.Digests[1].Path);

        var all = await Validate(Root, chain.NewestSignature);
        var windowed = await Validate(Root, chain.NewestSignature, since: new DateTimeOffset(2025, 3, 14, 11, 0, 0, TimeSpan.Zero));

        Assert.Contains(all.Findings, f => f.Kind == IntegrityFindingKind.DigestMissing);
        AssertKinds(windowed);
        // Digests end hourly from 09:01:31 to 14:01:31: four end after 11:00.
        Assert.Equal(4, windowed.Summary.Digests);
        Assert.Equal(8, windowed.Summary.LogFilesValid);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 10, 1, 31, TimeSpan.Zero), windowed.Summary.Start);
    }

    [Fact]
    public async Task Until_uses_the_next_digest_on_disk_for_the_last_signature_in_the_window()
    {
        var chain = Chain(hours: 4);

        var result = await Validate(Root, until: new DateTimeOffset(2025, 3, 14, 10, 0, 0, TimeSpan.Zero));

        AssertKinds(result);
        Assert.Equal(2, result.Summary.DigestsValid);
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 10, 1, 31, TimeSpan.Zero), result.Summary.End);
    }

    [Fact]
    public async Task A_missing_root_is_an_error_naming_it()
    {
        var ex = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => Validate(Path.Combine(Root, "nope")));
        Assert.Contains("nope", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_digest_inflating_past_the_limit_is_unreadable()
    {
        var chain = Chain(hours: 1);
        var options = new DigestValidationOptions
        {
            PublicKeys = [TestKey.A.Public],
            Signatures = chain.NewestSignature,
            Limits = new CloudTrailReaderOptions { MaxRecordBytes = 200 },
        };

        var result = await DigestValidator.ValidateAsync([Root], options);

        Assert.Contains("200 bytes", Single(result, IntegrityFindingKind.DigestUnreadable).Detail, StringComparison.Ordinal);
    }
}
