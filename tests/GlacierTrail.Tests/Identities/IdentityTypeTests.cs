using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using GlacierTrail.Events;
using GlacierTrail.Testing;
using Xunit;

namespace GlacierTrail.Tests;

/// <summary>
/// One realistic record per <c>userIdentity.type</c> (TestData/inputs/identities), after the
/// CloudTrail userIdentity reference: every identity field is read typed, and the record
/// writes back JSON-equal.
/// </summary>
public sealed class IdentityTypeTests
{
    private const string Account = "123456789012";

    public static IEnumerable<object[]> IdentityFiles() =>
        Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    private static string Folder => Path.Combine(InputSamples.Folder, "identities");

    [Theory]
    [MemberData(nameof(IdentityFiles))]
    public async Task Every_identity_record_reads_the_same_from_a_log_and_writes_back_json_equal(string file)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(Folder, file));
        var records = TestLogs.RecordsIn(input);

        var parsed = GlacierTrailEvents.ParseRecord(input);
        var read = await TestLogs.ReadAllAsync(TestLogs.Gzip(RecordBuilder.Log(input)));

        InputSamples.AssertDelivered(records, [parsed]);
        InputSamples.AssertDelivered(records, read);
        Assert.Null(parsed.UserIdentity!.ExtensionData);
    }

    [Fact]
    public void Root_identity_is_read()
    {
        var evt = Assert.IsType<DescribeVaultEvent>(Read("Root.json"));
        var identity = evt.UserIdentity!;

        Assert.Equal(UserIdentityType.Root, identity.Type);
        Assert.True(identity.Type!.Value.IsKnown);
        Assert.Equal(Account, identity.PrincipalId);
        Assert.Equal($"arn:aws:iam::{Account}:root", identity.Arn);
        Assert.Equal(Account, identity.AccountId);
        Assert.Equal("ASIAY34FZKBOKMUTVV7A", identity.AccessKeyId);
        Assert.Null(identity.UserName);
        Assert.Null(identity.InvokedBy);
        var session = identity.SessionContext!;
        Assert.NotNull(session.SessionIssuer);
        Assert.Null(session.SessionIssuer.Type);
        Assert.Null(session.SessionIssuer.Arn);
        Assert.NotNull(session.WebIdFederationData);
        Assert.Null(session.WebIdFederationData.FederatedProvider);
        Assert.Equal(new DateTimeOffset(2025, 1, 24, 20, 41, 7, TimeSpan.Zero), session.Attributes!.CreationDate);
        Assert.Equal("true", session.Attributes.MfaAuthenticated);
        Assert.Equal("true", evt.SessionCredentialFromConsole);
    }

    [Fact]
    public void IAMUser_identity_is_read()
    {
        var identity = Assert.IsType<ListVaultsEvent>(Read("IAMUser.json")).UserIdentity!;

        Assert.Equal(UserIdentityType.IAMUser, identity.Type);
        Assert.Equal("IAMUser", identity.Type!.Value.Value);
        Assert.Equal("AIDAJ45Q7YFFAREXAMPLE", identity.PrincipalId);
        Assert.Equal($"arn:aws:iam::{Account}:user/Alice", identity.Arn);
        Assert.Equal(Account, identity.AccountId);
        Assert.Equal("AKIAIOSFODNN7EXAMPLE", identity.AccessKeyId);
        Assert.Equal("Alice", identity.UserName);
        Assert.Null(identity.SessionContext);
        Assert.Null(identity.InvokedBy);
    }

    [Fact]
    public void AssumedRole_identity_is_read()
    {
        var identity = Assert.IsType<InitiateJobEvent>(Read("AssumedRole.json")).UserIdentity!;

        Assert.Equal(UserIdentityType.AssumedRole, identity.Type);
        Assert.Equal("AROAIDPPEZS35WEXAMPLE:i-0a1b2c3d4e5f67890", identity.PrincipalId);
        Assert.Equal($"arn:aws:sts::{Account}:assumed-role/GlacierRestoreWorker/i-0a1b2c3d4e5f67890", identity.Arn);
        Assert.Equal(Account, identity.AccountId);
        Assert.Equal("ASIAIOSFODNN7EXAMPLE", identity.AccessKeyId);
        Assert.Null(identity.UserName);
        var session = identity.SessionContext!;
        var issuer = session.SessionIssuer!;
        Assert.Equal("Role", issuer.Type);
        Assert.Equal("AROAIDPPEZS35WEXAMPLE", issuer.PrincipalId);
        Assert.Equal($"arn:aws:iam::{Account}:role/GlacierRestoreWorker", issuer.Arn);
        Assert.Equal(Account, issuer.AccountId);
        Assert.Equal("GlacierRestoreWorker", issuer.UserName);
        Assert.NotNull(session.WebIdFederationData);
        Assert.Null(session.WebIdFederationData.FederatedProvider);
        Assert.Null(session.WebIdFederationData.Attributes);
        Assert.Equal(new DateTimeOffset(2025, 4, 24, 18, 25, 39, TimeSpan.Zero), session.Attributes!.CreationDate);
        Assert.Equal("true", session.Attributes.MfaAuthenticated);
        Assert.Equal("jdoe@example.com", session.SourceIdentity);
        Assert.Equal("2.0", session.Ec2RoleDelivery);
        Assert.Null(session.AssumedRoot);
    }

    [Fact]
    public void AssumedRole_through_web_identity_federation()
    {
        var session = Assert.IsType<ListVaultsEvent>(Read("AssumedRole.web-identity.json")).UserIdentity!.SessionContext!;

        var federation = session.WebIdFederationData!;
        Assert.Equal($"arn:aws:iam::{Account}:oidc-provider/token.actions.githubusercontent.com", federation.FederatedProvider);
        Assert.Equal(2, federation.Attributes!.Count);
        Assert.Equal("repo:example-org/glacier-inventory:ref:refs/heads/main", federation.Attributes["token.actions.githubusercontent.com:sub"]);
        Assert.Equal("sts.amazonaws.com", federation.Attributes["token.actions.githubusercontent.com:aud"]);
        Assert.Equal("GlacierInventoryCI", session.SessionIssuer!.UserName);
        Assert.Equal("false", session.Attributes!.MfaAuthenticated);
    }

    [Fact]
    public void FederatedUser_with_an_IAM_user_issuer()
    {
        var identity = Assert.IsType<DeleteArchiveEvent>(Read("FederatedUser.json")).UserIdentity!;

        Assert.Equal(UserIdentityType.FederatedUser, identity.Type);
        Assert.Equal($"{Account}:Bob", identity.PrincipalId);
        Assert.Equal($"arn:aws:sts::{Account}:federated-user/Bob", identity.Arn);
        Assert.Equal(Account, identity.AccountId);
        Assert.Equal("ASIAJ3EXAMPLEFEDUSER", identity.AccessKeyId);
        var issuer = identity.SessionContext!.SessionIssuer!;
        Assert.Equal("IAMUser", issuer.Type);
        Assert.Equal("AIDAJ45Q7YFFAREXAMPLE", issuer.PrincipalId);
        Assert.Equal($"arn:aws:iam::{Account}:user/Alice", issuer.Arn);
        Assert.Equal(Account, issuer.AccountId);
        Assert.Equal("Alice", issuer.UserName);
        Assert.Equal(new DateTimeOffset(2025, 2, 20, 13, 20, 1, TimeSpan.Zero), identity.SessionContext.Attributes!.CreationDate);
        Assert.Equal("false", identity.SessionContext.Attributes.MfaAuthenticated);
    }

    [Fact]
    public void FederatedUser_with_a_root_issuer()
    {
        var identity = Assert.IsType<CreateVaultEvent>(Read("FederatedUser.root-issuer.json")).UserIdentity!;

        Assert.Equal(UserIdentityType.FederatedUser, identity.Type);
        Assert.Equal($"arn:aws:sts::{Account}:federated-user/BreakGlass", identity.Arn);
        var issuer = identity.SessionContext!.SessionIssuer!;
        Assert.Equal("Root", issuer.Type);
        Assert.Equal(Account, issuer.PrincipalId);
        Assert.Equal($"arn:aws:iam::{Account}:root", issuer.Arn);
        Assert.Equal(Account, issuer.AccountId);
        Assert.Equal("example-corp", issuer.UserName);
        Assert.Equal("true", identity.SessionContext.Attributes!.MfaAuthenticated);
    }

    [Fact]
    public void AWSAccount_identity_is_read()
    {
        var evt = Assert.IsType<GetVaultAccessPolicyEvent>(Read("AWSAccount.json"));
        var identity = evt.UserIdentity!;

        Assert.Equal(UserIdentityType.AWSAccount, identity.Type);
        Assert.Equal("AROAEXAMPLECROSSACCT:backup-job", identity.PrincipalId);
        Assert.Equal("444455556666", identity.AccountId);
        Assert.Equal("backup.amazonaws.com", identity.InvokedBy);
        Assert.Null(identity.Arn);
        Assert.Null(identity.AccessKeyId);
        Assert.Equal("111122223333", evt.RecipientAccountId);
        Assert.NotNull(evt.SharedEventId);
    }

    [Fact]
    public void AWSService_identity_is_read()
    {
        var evt = Assert.IsType<ListJobsEvent>(Read("AWSService.json"));
        var identity = evt.UserIdentity!;

        Assert.Equal(UserIdentityType.AWSService, identity.Type);
        Assert.Equal("backup.amazonaws.com", identity.InvokedBy);
        Assert.Null(identity.Arn);
        Assert.Null(identity.PrincipalId);
        Assert.Null(identity.AccountId);
        Assert.Equal("arn:aws:backup:ap-southeast-2:444455556666:backup-vault:glacier-tier", identity.InScopeOf!.SourceArn);
        Assert.Equal("444455556666", identity.InScopeOf.SourceAccount);
        Assert.Equal("backup.amazonaws.com", evt.SourceIPAddress);
        Assert.Null(evt.TlsDetails);
    }

    [Fact]
    public void IdentityCenterUser_identity_is_read()
    {
        var identity = Assert.IsType<ListVaultsEvent>(Read("IdentityCenterUser.json")).UserIdentity!;

        Assert.Equal(UserIdentityType.IdentityCenterUser, identity.Type);
        Assert.Equal(Account, identity.AccountId);
        Assert.Equal("544894e8-80c1-707f-60e3-3ba6510dfac1", identity.OnBehalfOf!.UserId);
        Assert.Equal($"arn:aws:identitystore::{Account}:identitystore/d-9067642ac7", identity.OnBehalfOf.IdentityStoreArn);
        Assert.Equal("EXAMPLEVHULjJdTUdPJfofVa1sufHDoj7aYcOYcxFVllWR_Whr1fEXAMPLE", identity.CredentialId);
        Assert.Null(identity.PrincipalId);
        Assert.Null(identity.Arn);
    }

    [Fact]
    public void SAMLUser_identity_is_read()
    {
        var evt = Assert.IsType<UnknownCloudTrailEvent>(Read("SAMLUser.json"));
        var identity = evt.UserIdentity!;

        Assert.Equal(("sts.amazonaws.com", "AssumeRoleWithSAML"), (evt.EventSource, evt.EventName));
        Assert.Equal(UserIdentityType.SAMLUser, identity.Type);
        Assert.Equal("SampleUkh1i4+ExamPle=:SamlExample", identity.PrincipalId);
        Assert.Equal("SamlExample", identity.UserName);
        Assert.Equal("bdGOnTesti4+ExamPle=", identity.IdentityProvider);
        Assert.Null(identity.Arn);
        Assert.Null(identity.AccountId);
        Assert.Equal("AWS::IAM::SAMLProvider", Assert.Single(evt.Resources!).Type);
    }

    [Fact]
    public void WebIdentityUser_identity_is_read()
    {
        var evt = Assert.IsType<UnknownCloudTrailEvent>(Read("WebIdentityUser.json"));
        var identity = evt.UserIdentity!;

        Assert.Equal(("sts.amazonaws.com", "AssumeRoleWithWebIdentity"), (evt.EventSource, evt.EventName));
        Assert.Equal(UserIdentityType.WebIdentityUser, identity.Type);
        Assert.Equal("accounts.google.com:1234567890-abcdefg.apps.googleusercontent.com:108209876543210987654", identity.PrincipalId);
        Assert.Equal("108209876543210987654", identity.UserName);
        Assert.Equal("accounts.google.com", identity.IdentityProvider);
        Assert.Null(identity.SessionContext);
    }

    [Fact]
    public void Unknown_identity_is_read()
    {
        var evt = Assert.IsType<UnknownCloudTrailEvent>(Read("Unknown.json"));
        var identity = evt.UserIdentity!;

        Assert.Equal(UserIdentityType.Unknown, identity.Type);
        Assert.True(identity.Type!.Value.IsKnown);
        Assert.Equal("111122223333", identity.PrincipalId);
        Assert.Equal(string.Empty, identity.Arn);
        Assert.Equal(string.Empty, identity.AccessKeyId);
        Assert.Equal("jdoe", identity.UserName);
        Assert.Equal("AwsServiceEvent", evt.EventType!.Value.Value);
        Assert.Equal("Success", evt.ServiceEventDetails!.Value.ToJsonElement().GetProperty("UserAuthentication").GetString());
    }

    [Fact]
    public void A_type_not_in_the_list_is_kept_as_an_open_value()
    {
        var identity = Assert.IsType<GetVaultLockEvent>(Read("FutureType.json")).UserIdentity!;

        var type = identity.Type!.Value;
        Assert.Equal("AgentPrincipal", type.Value);
        Assert.False(type.IsKnown);
        Assert.Equal(new UserIdentityType("AgentPrincipal"), type);
        Assert.DoesNotContain(type, UserIdentityType.KnownValues);
        Assert.Equal("APRAEXAMPLEAGENT:glacier-auditor", identity.PrincipalId);
        Assert.Equal(Account, identity.AccountId);
        Assert.Equal("ASIAEXAMPLEAGENTKEY1", identity.AccessKeyId);
    }

    /// <summary>Parses one identity record and checks the round trip on the way.</summary>
    private static CloudTrailEvent Read(string file)
    {
        byte[] input = File.ReadAllBytes(Path.Combine(Folder, file));
        var evt = GlacierTrailEvents.ParseRecord(input);
        JsonAssert.Equal(Encoding.UTF8.GetString(input), evt.ToJson());
        return evt;
    }
}
