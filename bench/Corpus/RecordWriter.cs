using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace GlacierTrail.Bench.Corpus;

/// <summary>
/// Writes one CloudTrail record: the envelope from a seeded random caller, time and client, the
/// payloads of Glacier calls from the fixture of that operation with ids, names and sizes varied.
/// </summary>
internal sealed class RecordWriter
{
    private static readonly string[] Regions = ["us-east-1", "us-east-1", "us-east-1", "us-west-2", "us-west-2", "eu-central-1", "eu-west-1", "ap-southeast-2", "ca-central-1"];
    private static readonly string[] Accounts = ["111122223333", "123456789012", "444455556666", "777788889999"];
    private static readonly string[] Vaults = ["finance-archive-2019", "legal-hold-2021", "photo-archive", "db-backups-prod", "db-backups-staging", "media-masters", "compliance-7y", "log-archive", "hr-records", "genomics-raw"];
    private static readonly string[] Descriptions = ["pg_dump orders-db nightly", "Restore FY2019 general ledger for external audit", "weekly tape replacement set", "camera originals batch", "mysql binlog bundle", "", "quarterly compliance export"];
    private static readonly string[] UserAgents =
    [
        "aws-cli/2.23.6 md/awscrt#0.23.8 ua/2.1 os/linux#6.8.0-1021-aws md/arch#x86_64 lang/python#3.12.9 md/pyimpl#CPython cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off",
        "Boto3/1.35.90 md/Botocore#1.35.90 ua/2.0 os/linux#5.10.230-223.885.amzn2.x86_64 md/arch#x86_64 lang/python#3.11.10 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.35.90",
        "aws-sdk-java/2.29.43 Linux/5.10.230-223.885.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/21.0.5+11-LTS Java/21.0.5 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/standard",
        "aws-sdk-go-v2/1.32.7 os/linux lang/go#1.23.4 md/GOOS#linux md/GOARCH#amd64 api/glacier#1.26.8",
        "AWS Internal",
        "aws-internal/3 aws-sdk-java/1.12.779 Linux/5.10.230 OpenJDK_64-Bit_Server_VM/25.432-b06 java/1.8.0_432 vendor/Oracle_Corporation cfg/retry-mode/standard",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
    ];

    private static readonly string[] ServiceHosts = ["backup.amazonaws.com", "s3.amazonaws.com", "storagegateway.amazonaws.com", "datasync.amazonaws.com"];
    private static readonly string[] Ips = ["203.0.113.9", "203.0.113.190", "198.51.100.23", "192.0.2.44", "10.20.4.17", "172.31.9.200", "2001:db8:85a3::8a2e:370:7334"];

    private readonly Random _random;
    private readonly Principal[] _principals;
    private readonly GlacierTemplates _glacier;
    private DateTime _time;

    public RecordWriter(int seed, DateTime start, GlacierTemplates glacier)
    {
        _random = new Random(seed);
        _principals = MakePrincipals(new Random(17)); // the same callers in every file
        _glacier = glacier;
        _time = start;
    }

    public void WriteGlacier(Utf8JsonWriter w)
    {
        var op = _glacier.Pick(_random);
        bool denied = _random.NextDouble() < 0.06;
        var caller = PickCaller();
        string region = Pick(Regions);
        string account = caller.AccountId;
        string vault = Pick(Vaults);
        var template = denied ? op.Denied : op.Success;
        WriteEnvelopeStart(w, caller, "glacier.amazonaws.com", op.Name, region);
        if (denied)
        {
            w.WriteString("errorCode"u8, "AccessDenied"u8);
            w.WriteString("errorMessage"u8, $"User: {caller.Arn ?? caller.InvokedBy} is not authorized to perform: glacier:{op.Name} on resource: arn:aws:glacier:{region}:{account}:vaults/{vault} because no identity-based policy allows the glacier:{op.Name} action");
        }

        var ctx = new PayloadContext(account, vault, RandomToken(92), RandomToken(138), RandomToken(92));
        foreach (var property in template.EnumerateObject())
        {
            if (property.NameEquals("requestParameters"u8) || property.NameEquals("responseElements"u8) || property.NameEquals("additionalEventData"u8))
            {
                w.WritePropertyName(property.Name);
                WritePayload(w, property.Value, ctx, property.Name);
            }
        }

        WriteEnvelopeEnd(w, caller, account, $"glacier.{region}.amazonaws.com", readOnly: op.Name.StartsWith("List", StringComparison.Ordinal) || op.Name.StartsWith("Describe", StringComparison.Ordinal) || op.Name.StartsWith("Get", StringComparison.Ordinal), resources: null);
        w.WriteEndObject();
    }

    public void WriteOther(Utf8JsonWriter w)
    {
        double service = _random.NextDouble();
        var caller = PickCaller();
        string region = Pick(Regions);
        if (service < 0.42)
        {
            WriteS3(w, caller, region);
        }
        else if (service < 0.63)
        {
            WriteEc2(w, caller, region);
        }
        else if (service < 0.84)
        {
            WriteSts(w, caller, region);
        }
        else
        {
            WriteKms(w, caller, region);
        }
    }

    private void WriteS3(Utf8JsonWriter w, Principal caller, string region)
    {
        string[] names = ["GetObject", "GetObject", "PutObject", "HeadObject", "ListObjects", "DeleteObject"];
        string name = Pick(names);
        string bucket = Pick(["app-assets-prod", "data-lake-raw", "cloudtrail-logs-111122223333", "build-artifacts", "customer-exports"]);
        string key = $"{Pick(["2025/04/24", "images", "exports/daily", "tmp"])}/{RandomToken(20)}.{Pick(["json", "parquet", "png", "gz"])}";
        WriteEnvelopeStart(w, caller, "s3.amazonaws.com", name, region);
        w.WriteStartObject("requestParameters"u8);
        w.WriteString("bucketName"u8, bucket);
        w.WriteString("Host"u8, $"{bucket}.s3.{region}.amazonaws.com");
        if (name != "ListObjects")
        {
            w.WriteString("key"u8, key);
        }
        else
        {
            w.WriteString("prefix"u8, "exports/");
            w.WriteString("list-type"u8, "2");
        }

        w.WriteEndObject();
        w.WriteNull("responseElements"u8);
        w.WriteStartObject("additionalEventData"u8);
        w.WriteString("SignatureVersion"u8, "SigV4"u8);
        w.WriteString("CipherSuite"u8, "TLS_AES_128_GCM_SHA256"u8);
        w.WriteNumber("bytesTransferredIn"u8, name == "PutObject" ? _random.Next(100, 5_000_000) : 0);
        w.WriteString("AuthenticationMethod"u8, "AuthHeader"u8);
        w.WriteString("x-amz-id-2"u8, RandomToken(76));
        w.WriteNumber("bytesTransferredOut"u8, name == "GetObject" ? _random.Next(100, 5_000_000) : 0);
        w.WriteEndObject();
        w.WriteStartArray("resources"u8);
        if (name != "ListObjects")
        {
            w.WriteStartObject();
            w.WriteString("type"u8, "AWS::S3::Object"u8);
            w.WriteString("ARN"u8, $"arn:aws:s3:::{bucket}/{key}");
            w.WriteEndObject();
        }

        w.WriteStartObject();
        w.WriteString("accountId"u8, caller.AccountId);
        w.WriteString("type"u8, "AWS::S3::Bucket"u8);
        w.WriteString("ARN"u8, $"arn:aws:s3:::{bucket}");
        w.WriteEndObject();
        w.WriteEndArray();
        WriteEnvelopeEnd(w, caller, caller.AccountId, $"{bucket}.s3.{region}.amazonaws.com", readOnly: name is "GetObject" or "HeadObject" or "ListObjects", resources: null, category: "Data", managementEvent: false);
        w.WriteEndObject();
    }

    private void WriteEc2(Utf8JsonWriter w, Principal caller, string region)
    {
        string name = Pick(["DescribeInstances", "DescribeInstances", "DescribeSecurityGroups", "DescribeVolumes", "CreateTags"]);
        WriteEnvelopeStart(w, caller, "ec2.amazonaws.com", name, region);
        w.WriteStartObject("requestParameters"u8);
        if (name == "CreateTags")
        {
            w.WriteStartObject("resourcesSet"u8);
            w.WriteStartArray("items"u8);
            w.WriteStartObject();
            w.WriteString("resourceId"u8, "i-0" + RandomHex(16));
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("tagSet"u8);
            w.WriteStartArray("items"u8);
            w.WriteStartObject();
            w.WriteString("key"u8, "team"u8);
            w.WriteString("value"u8, Pick(["data", "platform", "security"]));
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteStartObject(name == "DescribeInstances" ? "instancesSet"u8 : "filterSet"u8);
            w.WriteStartArray("items"u8);
            for (int i = _random.Next(0, 3); i > 0; i--)
            {
                w.WriteStartObject();
                w.WriteString("instanceId"u8, "i-0" + RandomHex(16));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("filterSet"u8);
            w.WriteEndObject();
            w.WriteNumber("maxResults"u8, 1000);
        }

        w.WriteEndObject();
        w.WriteNull("responseElements"u8);
        WriteEnvelopeEnd(w, caller, caller.AccountId, $"ec2.{region}.amazonaws.com", readOnly: name != "CreateTags", resources: null);
        w.WriteEndObject();
    }

    private void WriteSts(Utf8JsonWriter w, Principal caller, string region)
    {
        bool assume = _random.NextDouble() < 0.7;
        WriteEnvelopeStart(w, caller, "sts.amazonaws.com", assume ? "AssumeRole" : "GetCallerIdentity", region);
        if (assume)
        {
            string role = $"arn:aws:iam::{caller.AccountId}:role/{Pick(["GlacierRestoreOperator", "DataPipelineRole", "ReadOnlyAuditor", "BackupServiceRole"])}";
            string session = Pick(["botocore-session-1745519139", "jdoe@example.com", "aws-go-sdk-1745519140", "i-0a1b2c3d4e5f67890"]);
            w.WriteStartObject("requestParameters"u8);
            w.WriteString("roleArn"u8, role);
            w.WriteString("roleSessionName"u8, session);
            w.WriteNumber("durationSeconds"u8, 3600);
            w.WriteEndObject();
            w.WriteStartObject("responseElements"u8);
            w.WriteStartObject("credentials"u8);
            w.WriteString("accessKeyId"u8, "ASIA" + RandomUpper(16));
            w.WriteString("sessionToken"u8, RandomToken(180));
            w.WriteString("expiration"u8, _time.AddHours(1).ToString("MMM d, yyyy, h:mm:ss tt", CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteStartObject("assumedRoleUser"u8);
            w.WriteString("assumedRoleId"u8, "AROA" + RandomUpper(17) + ":" + session);
            w.WriteString("arn"u8, role.Replace(":iam:", ":sts:", StringComparison.Ordinal).Replace(":role/", ":assumed-role/", StringComparison.Ordinal) + "/" + session);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("requestParameters"u8);
            w.WriteNull("responseElements"u8);
        }

        WriteEnvelopeEnd(w, caller, caller.AccountId, $"sts.{region}.amazonaws.com", readOnly: !assume, resources: assume ? caller.AccountId : null);
        w.WriteEndObject();
    }

    private void WriteKms(Utf8JsonWriter w, Principal caller, string region)
    {
        string name = Pick(["Decrypt", "Decrypt", "GenerateDataKey", "Encrypt"]);
        string keyArn = $"arn:aws:kms:{region}:{caller.AccountId}:key/{Guid(_random)}";
        WriteEnvelopeStart(w, caller, "kms.amazonaws.com", name, region);
        w.WriteStartObject("requestParameters"u8);
        w.WriteString("encryptionAlgorithm"u8, "SYMMETRIC_DEFAULT"u8);
        w.WriteStartObject("encryptionContext"u8);
        w.WriteString("aws:s3:arn"u8, $"arn:aws:s3:::data-lake-raw/{RandomToken(24)}");
        w.WriteEndObject();
        if (name == "GenerateDataKey")
        {
            w.WriteString("keyId"u8, keyArn);
            w.WriteString("keySpec"u8, "AES_256"u8);
        }

        w.WriteEndObject();
        w.WriteNull("responseElements"u8);
        w.WriteStartArray("resources"u8);
        w.WriteStartObject();
        w.WriteString("accountId"u8, caller.AccountId);
        w.WriteString("type"u8, "AWS::KMS::Key"u8);
        w.WriteString("ARN"u8, keyArn);
        w.WriteEndObject();
        w.WriteEndArray();
        WriteEnvelopeEnd(w, caller, caller.AccountId, null, readOnly: true, resources: null);
        w.WriteEndObject();
    }

    private void WriteEnvelopeStart(Utf8JsonWriter w, Principal caller, string source, string name, string region)
    {
        _time = _time.AddMilliseconds(_random.Next(5, 900));
        w.WriteStartObject();
        w.WriteString("eventVersion"u8, Pick(["1.08", "1.09", "1.10", "1.10", "1.11"]));
        w.WriteStartObject("userIdentity"u8);
        w.WriteString("type"u8, caller.Type);
        if (caller.Type == "AWSService")
        {
            w.WriteString("invokedBy"u8, caller.InvokedBy);
        }
        else
        {
            w.WriteString("principalId"u8, caller.PrincipalId);
            if (caller.Arn is not null)
            {
                w.WriteString("arn"u8, caller.Arn);
            }

            w.WriteString("accountId"u8, caller.AccountId);
            if (caller.Type is "AssumedRole" or "IAMUser" or "FederatedUser" or "Root")
            {
                w.WriteString("accessKeyId"u8, (caller.Type == "IAMUser" && !caller.Console ? "AKIA" : "ASIA") + RandomUpper(16));
            }

            if (caller.UserName is not null)
            {
                w.WriteString("userName"u8, caller.UserName);
            }

            if (caller.IssuerArn is not null || caller.Console)
            {
                w.WriteStartObject("sessionContext"u8);
                if (caller.IssuerArn is not null)
                {
                    w.WriteStartObject("sessionIssuer"u8);
                    w.WriteString("type"u8, caller.Type == "FederatedUser" ? "IAMUser" : "Role");
                    w.WriteString("principalId"u8, caller.IssuerPrincipalId);
                    w.WriteString("arn"u8, caller.IssuerArn);
                    w.WriteString("accountId"u8, caller.AccountId);
                    w.WriteString("userName"u8, caller.IssuerName);
                    w.WriteEndObject();
                    w.WriteStartObject("webIdFederationData"u8);
                    w.WriteEndObject();
                }

                w.WriteStartObject("attributes"u8);
                w.WriteString("creationDate"u8, _time.AddMinutes(-_random.Next(1, 55)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                w.WriteString("mfaAuthenticated"u8, caller.Console ? "true" : "false");
                w.WriteEndObject();
                if (caller.Ec2Role)
                {
                    w.WriteString("ec2RoleDelivery"u8, "2.0"u8);
                }

                w.WriteEndObject();
            }
        }

        w.WriteEndObject();
        w.WriteString("eventTime"u8, _time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WriteString("eventSource"u8, source);
        w.WriteString("eventName"u8, name);
        w.WriteString("awsRegion"u8, region);
        w.WriteString("sourceIPAddress"u8, caller.Type == "AWSService" ? caller.InvokedBy : Pick(Ips));
        w.WriteString("userAgent"u8, caller.Type == "AWSService" ? caller.InvokedBy : caller.Console ? UserAgents[6] : Pick(UserAgents.AsSpan(0, 6)));
    }

    private void WriteEnvelopeEnd(Utf8JsonWriter w, Principal caller, string account, string? host, bool readOnly, string? resources, string category = "Management", bool managementEvent = true)
    {
        w.WriteString("requestID"u8, RandomToken(47));
        w.WriteString("eventID"u8, Guid(_random));
        w.WriteBoolean("readOnly"u8, readOnly);
        if (resources is not null)
        {
            w.WriteStartArray("resources"u8);
            w.WriteStartObject();
            w.WriteString("accountId"u8, resources);
            w.WriteString("type"u8, "AWS::IAM::Role"u8);
            w.WriteString("ARN"u8, $"arn:aws:iam::{resources}:role/DataPipelineRole");
            w.WriteEndObject();
            w.WriteEndArray();
        }

        w.WriteString("eventType"u8, "AwsApiCall"u8);
        w.WriteBoolean("managementEvent"u8, managementEvent);
        w.WriteString("recipientAccountId"u8, account);
        if (_random.NextDouble() < 0.05)
        {
            w.WriteString("vpcEndpointId"u8, "vpce-0" + RandomHex(16));
            w.WriteString("vpcEndpointAccountId"u8, account);
        }

        w.WriteString("eventCategory"u8, category);
        if (caller.Console)
        {
            w.WriteString("sessionCredentialFromConsole"u8, "true"u8);
        }

        if (host is not null && caller.Type != "AWSService")
        {
            bool tls13 = _random.NextDouble() < 0.7;
            w.WriteStartObject("tlsDetails"u8);
            w.WriteString("tlsVersion"u8, tls13 ? "TLSv1.3"u8 : "TLSv1.2"u8);
            w.WriteString("cipherSuite"u8, tls13 ? "TLS_AES_128_GCM_SHA256"u8 : "ECDHE-RSA-AES128-GCM-SHA256"u8);
            w.WriteString("clientProvidedHostHeader"u8, host);
            w.WriteEndObject();
        }
    }

    private void WritePayload(Utf8JsonWriter w, JsonElement value, PayloadContext ctx, string key)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var property in value.EnumerateObject())
                {
                    w.WritePropertyName(property.Name);
                    WritePayload(w, property.Value, ctx, property.Name);
                }

                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WritePayload(w, item, ctx, key);
                }

                w.WriteEndArray();
                break;
            case JsonValueKind.String:
                w.WriteStringValue(Substitute(key, value.GetString()!, ctx));
                break;
            case JsonValueKind.Number when key is "archiveSize" or "partSize":
                w.WriteNumberValue(key == "partSize" ? 1L << _random.Next(20, 30) : _random.NextInt64(1 << 20, 1L << 36));
                break;
            default:
                value.WriteTo(w);
                break;
        }
    }

    private string Substitute(string key, string text, PayloadContext ctx) => key switch
    {
        "vaultName" => ctx.Vault,
        "archiveId" => ctx.ArchiveId,
        "jobId" => ctx.JobId,
        "uploadId" => ctx.UploadId,
        "checksum" => RandomHex(64),
        "archiveDescription" or "description" => Pick(Descriptions),
        "location" => text.Contains("/jobs/", StringComparison.Ordinal) ? $"/{ctx.Account}/vaults/{ctx.Vault}/jobs/{ctx.JobId}"
            : text.Contains("/archives/", StringComparison.Ordinal) ? $"/{ctx.Account}/vaults/{ctx.Vault}/archives/{ctx.ArchiveId}"
            : text.Contains("/multipart-uploads/", StringComparison.Ordinal) ? $"/{ctx.Account}/vaults/{ctx.Vault}/multipart-uploads/{ctx.UploadId}"
            : $"/{ctx.Account}/vaults/{ctx.Vault}",
        "range" when text.StartsWith("bytes", StringComparison.Ordinal) => $"bytes {_random.Next(0, 64) << 20}-{(_random.Next(64, 128) << 20) - 1}/*",
        _ => text,
    };

    private Principal PickCaller()
    {
        // Skewed: the first principals make most calls, as service roles do in real accounts.
        double u = _random.NextDouble();
        int index = (int)(u * u * u * _principals.Length);
        return _principals[Math.Min(index, _principals.Length - 1)];
    }

    private static Principal[] MakePrincipals(Random random)
    {
        var list = new List<Principal>();
        string[] roles = ["BackupServiceRole", "DataPipelineRole", "GlacierRestoreOperator", "AWSReservedSSO_AdministratorAccess_3f1b2c", "ReadOnlyAuditor", "ci-deploy", "eks-node-role"];
        string[] users = ["archive-admin", "backup-bot", "jdoe", "asmith", "svc-legacy-uploader"];
        string[] sessions = ["jdoe@example.com", "botocore-session-1745519139", "i-0a1b2c3d4e5f67890", "aws-go-sdk-1745519140", "asmith@example.com", "GitHubActions"];
        foreach (string account in Accounts)
        {
            // AssumedRole: about 62% of calls.
            for (int i = 0; i < 12; i++)
            {
                string role = roles[random.Next(roles.Length)];
                string roleId = "AROA" + Upper(random, 17);
                string session = sessions[random.Next(sessions.Length)];
                list.Add(new Principal("AssumedRole", $"{roleId}:{session}", $"arn:aws:sts::{account}:assumed-role/{role}/{session}", account, null, null,
                    $"arn:aws:iam::{account}:role/{role}", roleId, role, Console: false, Ec2Role: session.StartsWith("i-", StringComparison.Ordinal)));
            }

            foreach (string user in users)
            {
                bool console = user is "jdoe" or "asmith";
                list.Add(new Principal("IAMUser", "AIDA" + Upper(random, 17), $"arn:aws:iam::{account}:user/{user}", account, user, null, null, null, null, console, false));
            }

            list.Add(new Principal("AWSService", "", null, account, null, ServiceHosts[random.Next(ServiceHosts.Length)], null, null, null, false, false));
            list.Add(new Principal("AWSService", "", null, account, null, ServiceHosts[random.Next(ServiceHosts.Length)], null, null, null, false, false));
            list.Add(new Principal("FederatedUser", $"{account}:partner-upload", $"arn:aws:sts::{account}:federated-user/partner-upload", account, null, null,
                $"arn:aws:iam::{account}:user/federation-broker", "AIDA" + Upper(random, 17), "federation-broker", false, false));
            list.Add(new Principal("AWSAccount", "AIDA" + Upper(random, 17), null, "999988887777", null, null, null, null, null, false, false));
            list.Add(new Principal("Root", account, $"arn:aws:iam::{account}:root", account, null, null, null, null, null, true, false));
        }

        // Shuffle with the fixed generator, then keep the skew: order decides frequency.
        for (int i = list.Count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list.ToArray();
    }

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];

    private T Pick<T>(ReadOnlySpan<T> items) => items[_random.Next(items.Length)];

    private string RandomToken(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return string.Create(length, _random, static (span, random) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[random.Next(64)];
            }
        });
    }

    private string RandomHex(int length) => string.Create(length, _random, static (span, random) =>
    {
        for (int i = 0; i < span.Length; i++)
        {
            span[i] = "0123456789abcdef"[random.Next(16)];
        }
    });

    private string RandomUpper(int length) => Upper(_random, length);

    private static string Upper(Random random, int length) => string.Create(length, random, static (span, r) =>
    {
        for (int i = 0; i < span.Length; i++)
        {
            span[i] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[r.Next(32)];
        }
    });

    private static string Guid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new System.Guid(bytes).ToString();
    }

    private readonly record struct PayloadContext(string Account, string Vault, string JobId, string ArchiveId, string UploadId);
}
