// Writes the synthetic CloudTrail sample logs under samples/logs (or the folder given).
//
//   dotnet run samples/MakeSampleLogs.cs -- samples/logs
//
// A .NET file-based app using only the base class library. Every value comes from one seeded
// Random and fixed start times, and the gzip header carries no timestamp, so two runs write
// byte-identical files. Accounts, IPs, keys and names are documentation examples, not real ones.
//
// The digest chains beside the logs are signed with SampleDigestKey.Pem below (RSA PKCS#1 v1.5
// signatures are deterministic, so they too are byte-identical run to run). Its public half goes
// to public-keys.json and the newest digests' signatures to signatures.json, both in the folder
// above the output folder (samples/), outside the tree being verified.

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
string outDir = args.Length > 0 ? args[0] : Path.Combine("samples", "logs");
var samples = new SampleSet(new Random(20250314));
samples.WriteAll(outDir);
return 0;

/// <summary>
/// SAMPLE-ONLY KEY. It signs the sample digest chains and nothing else; it is published here, so
/// a signature made with it proves nothing about real logs. Never trust it for real logs: real
/// digests are verified with the keys 'aws cloudtrail list-public-keys' returns.
/// </summary>
static class SampleDigestKey
{
    public const string Pem = """
        -----BEGIN PRIVATE KEY-----
        MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQDwSwEWOJ9hQfC2
        3bYhC4wYEWLmgtINaOqN3cW7KGZeoh4Wm2e5xRKrp/U3x9tvBY2NfjEChP4+IFD/
        cOKdBIvcs7/yVgSvBfSs73Qq00bdrsAoiYarSyxxJBdm++Ov0HCo/rrME8e8oOrH
        YSsatJ26xgRnlqQDG4GCDOZN6Vzzty1bfP8wY1JAsMfb0wqR26zzO5lA/15sk9K5
        qDtDBKUN3lsoNhz5mr8tjRSHe3s90hWET0HcOZyT5NWL/0ttBLACgxH9O7HoafC0
        FItBQ25GhIaoEYd69XnlGF2PDCtVeOgsDgvxnd/zwwVkZ02w6D38SXCh1N2BIc4/
        Fy5fXlGbAgMBAAECgf8cV1FoSCPmfKuXjDqTLeR7w8c1SHU2l5VGaky8zeJOy+sz
        EX4lAjrqN+7Ww6c33yiAzfVqL8X15nVojBMgRIQCU0jR/XF/xhKR5wopa6+HRV6d
        7SXjx/Sd5TFat6m09JlpmDW4VS/Q6MRNBxNHq1+GWijZ0mstNIpKAWSIkq/XffTi
        WAyg8jKfWdR8AJRtRGtVeOhQpUzYNlpEoaHbFqfd34JfkUZFY+A48hewMJgLAtxX
        471iFzYC/003RWgFXvqgp7sQv0+k//vf71ioPJTreP5GptXmGLfg+ySKnN+ysIc2
        vU68SdFd1xFrGMnBt0+eMT514kxS9YKcsY52WsECgYEA+pepmqRCTPOghmHFKd77
        Yi++w7OZ/bBkV0AbO+Qd45VJuNBWFtw3PIk3FNbN9CmSuNZxuuWXsubgMk2Fj/Cx
        hyDkxGptUQs1XSyeUSFWHhOA8NZiAzO8KCEjWKHuWfQ90OGrUYyyadh1lTDcvFYp
        GXanXIEUzMAT1gVaPVwOqhkCgYEA9Xpx5lFRv/rRUgqk+vfJPBRTlFCTf3VDvXKR
        Rt3e11npDrmRTT5Rc2VGzqvHnJKorLSY2gssZrujEnuonZH+6VvGsfakMS6Q4EEH
        69bDU/0I+QqkqWUZQbuPRgFvHheEcS/3/k8W2bG8Oxp2AAeN4ULL2lzNqsBE9uzQ
        Hju699MCgYA1H1OIAcxATeE4u581WhzGWsLA7+D0I6GR0Xg0gQ5JAYvITvoBDJv1
        DE2N8F9mpC2DW4puiV9YQJNEdqSat/aaY8G7Vaho5sxgPSYuoreD1rSd2YSbkysP
        Ar9geatyjFFSZ5SOzBnCUG3Uu6//iPBbgojGFmMXaJyL4USY/1voeQKBgQDy1Xjd
        LS6gqn7tGMiR2BMC0tzHSFpQ6PDk9PPP1eX+xNuvDFU3w2ERtWsxQW9KbS5dAp5+
        fDUlP5MW0qs/jNBNitNo8yMD4BvDK7GpVJ+Pcy2wJx4y0GcGxoL57qs8amlDCv/Z
        W+Wv3onlMczvRInO/6PnVIzD0EWouyU58z6GrwKBgQCpip7hqKZwN/ORnhukOYQV
        U+u2n0v73OoHchQog8TrmcKpOITqHYjj83op6b1feDHdkd7nyt1HybIsvyTST2o2
        olV6o3OAgD8C49j5DKkCsG4beSx5pi7M1Y3rY9WkyiM2hIVh2uBO5Uoqlpy9CUBP
        ty0YQBfKw3/JbaDcpriM8g==
        -----END PRIVATE KEY-----
        """;

    public static readonly DateTime ValidFrom = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime ValidUntil = new(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);
}

/// <summary>An ordered JSON object: CloudTrail's key order is part of what the samples show.</summary>
sealed class J
{
    public readonly List<KeyValuePair<string, object?>> Props = new();

    public J Add(string key, object? value)
    {
        Props.Add(new KeyValuePair<string, object?>(key, value));
        return this;
    }

    public J AddIf(bool condition, string key, object? value) => condition ? Add(key, value) : this;
}

static class Json
{
    public static byte[] Serialize(object? value, bool indented)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Indented = indented,
            IndentSize = 4,
            NewLine = "\n",
        };
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            Write(writer, value);
        }

        if (indented)
        {
            buffer.WriteByte((byte)'\n');
        }

        return buffer.ToArray();
    }

    static void Write(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null:
                w.WriteNullValue();
                break;
            case string s:
                w.WriteStringValue(s);
                break;
            case bool b:
                w.WriteBooleanValue(b);
                break;
            case int i:
                w.WriteNumberValue(i);
                break;
            case long l:
                w.WriteNumberValue(l);
                break;
            case J obj:
                w.WriteStartObject();
                foreach (var p in obj.Props)
                {
                    w.WritePropertyName(p.Key);
                    Write(w, p.Value);
                }

                w.WriteEndObject();
                break;
            case object?[] items:
                w.WriteStartArray();
                foreach (object? item in items)
                {
                    Write(w, item);
                }

                w.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"Unsupported JSON value {value.GetType()}.");
        }
    }
}

/// <summary>Gzip with a fixed header (MTIME 0, no file name), deflate body and CRC-32 trailer.</summary>
static class Gzip
{
    static readonly uint[] Table = MakeTable();

    static uint[] MakeTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    static uint Crc32(byte[] data)
    {
        uint c = 0xFFFFFFFFu;
        foreach (byte b in data)
        {
            c = Table[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFFu;
    }

    public static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        output.Write(new byte[] { 0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 });
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(data);
        }

        Span<byte> trailer = stackalloc byte[8];
        BitConverter.TryWriteBytes(trailer[..4], Crc32(data));
        BitConverter.TryWriteBytes(trailer[4..], (uint)data.Length);
        if (!BitConverter.IsLittleEndian)
        {
            trailer[..4].Reverse();
            trailer[4..].Reverse();
        }

        output.Write(trailer);
        return output.ToArray();
    }
}

/// <summary>Who makes a call, and from where.</summary>
sealed class Principal
{
    public required string Type;
    public string? PrincipalId;
    public string? Arn;
    public string? AccountId;
    public string? AccessKeyId;
    public string? UserName;
    public string? RoleName;
    public string? RoleArn;
    public string? RoleId;
    public DateTime? SessionCreated;
    public bool Mfa;
    public string? InvokedBy;
    public required string SourceIp;

    /// <summary>The user agent for a call: (service, CLI command) to string.</summary>
    public required Func<string, string, string> Agent;
    public bool Console;
    public string TlsVersion = "TLSv1.3";
    public string Cipher = "TLS_AES_128_GCM_SHA256";

    public J Identity()
    {
        var id = new J().Add("type", Type);
        if (Type == "AWSService")
        {
            return id.Add("invokedBy", InvokedBy);
        }

        id.Add("principalId", PrincipalId).Add("arn", Arn).Add("accountId", AccountId).Add("accessKeyId", AccessKeyId);
        if (Type == "IAMUser")
        {
            id.Add("userName", UserName);
        }

        if (Type == "AssumedRole")
        {
            id.Add("sessionContext", new J()
                .Add("sessionIssuer", new J()
                    .Add("type", "Role")
                    .Add("principalId", RoleId)
                    .Add("arn", RoleArn)
                    .Add("accountId", AccountId)
                    .Add("userName", RoleName))
                .Add("webIdFederationData", new J())
                .Add("attributes", Attributes()));
        }
        else if (Type == "Root" && SessionCreated is not null)
        {
            id.Add("sessionContext", new J()
                .Add("sessionIssuer", new J())
                .Add("webIdFederationData", new J())
                .Add("attributes", Attributes()));
        }

        return id.AddIf(InvokedBy is not null, "invokedBy", InvokedBy);
    }

    J Attributes() => new J()
        .Add("creationDate", SampleSet.Time(SessionCreated!.Value))
        .Add("mfaAuthenticated", Mfa ? "true" : "false");

    /// <summary>This principal as an AWS service acting for it (S3 calling KMS for SSE-KMS).</summary>
    public Principal Via(string service) => new Principal
    {
        Type = Type,
        PrincipalId = PrincipalId,
        Arn = Arn,
        AccountId = AccountId,
        AccessKeyId = AccessKeyId,
        UserName = UserName,
        RoleName = RoleName,
        RoleArn = RoleArn,
        RoleId = RoleId,
        SessionCreated = SessionCreated,
        Mfa = Mfa,
        InvokedBy = service,
        SourceIp = service,
        Agent = (_, _) => service,
    };
}

/// <summary>One log file being written: region, account, records and a clock that only moves forward.</summary>
sealed class LogFile
{
    public required string Account;
    public required string Region;
    public required DateTime Delivered;
    public string? OrgId;
    public required DateTime Clock;
    public readonly List<J> Records = new();
    public string Name = "";
    public string Key = "";
    public byte[] Json = Array.Empty<byte>();
    public DateTime Oldest;
    public DateTime Newest;
}

sealed class SampleSet
{
    const string Main = "111122223333";
    const string Member = "444455556666";
    const string OrgId = "o-a1b2c3d4e5";
    const string TrailBucket = "aws-cloudtrail-logs-111122223333-5e1a7c3f";
    const string OrgBucket = "aws-cloudtrail-logs-o-a1b2c3d4e5-9c4d2b7e";
    const string Alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    const string UrlSafe = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const string Base64Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    const string CliLinux = "aws-cli/2.24.22 md/awscrt#0.23.8 ua/2.1 os/linux#6.8.0-1024-aws md/arch#x86_64 lang/python#3.12.9 md/pyimpl#CPython m/b,Z,E cfg/retry-mode#standard md/installer#exe md/distrib#ubuntu.24 md/prompt#off md/command#";
    const string CliMac = "aws-cli/2.25.2 md/awscrt#0.23.8 ua/2.1 os/macos#24.3.0 md/arch#arm64 lang/python#3.12.9 md/pyimpl#CPython m/E,b cfg/retry-mode#standard md/installer#source md/prompt#off md/command#";
    const string Boto3Lambda = "Boto3/1.37.11 md/Botocore#1.37.11 ua/2.1 os/linux#5.10.234-245.913.amzn2.x86_64 md/arch#x86_64 lang/python#3.12.9 md/pyimpl#CPython exec-env/AWS_Lambda_python3.12 cfg/retry-mode#legacy Botocore/1.37.11";
    const string JavaSdk = "aws-sdk-java/2.31.1 Linux/5.10.234-225.910.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.14+7-LTS Java/17.0.14 vendor/Amazon.com_Inc. md/io#sync md/http#Apache ua/2.1 api/Glacier#2.31.1 m/D,N cfg/retry-mode#legacy";
    const string Browser = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/134.0.0.0 Safari/537.36";
    const string Terraform = "APN/1.0 HashiCorp/1.0 Terraform/1.11.2 (+https://www.terraform.io) terraform-provider-aws/5.91.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.36.3 ua/2.1 os/linux lang/go#1.23.7 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.210.0 m/E,g";

    readonly Random rng;

    public SampleSet(Random rng) => this.rng = rng;

    public static string Time(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    static DateTime At(int day, int hour, int minute, int second = 0) =>
        new DateTime(2025, 3, day, hour, minute, second, DateTimeKind.Utc);

    // ---- random values -------------------------------------------------------------------

    string Chars(string alphabet, int length)
    {
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++)
        {
            sb.Append(alphabet[rng.Next(alphabet.Length)]);
        }

        return sb.ToString();
    }

    string Hex(int length) => Chars("0123456789abcdef", length);

    string Uuid()
    {
        var b = new byte[16];
        rng.NextBytes(b);
        b[6] = (byte)((b[6] & 0x0F) | 0x40);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        string h = Convert.ToHexString(b).ToLowerInvariant();
        return $"{h[..8]}-{h[8..12]}-{h[12..16]}-{h[16..20]}-{h[20..]}";
    }

    string GlacierRequestId() => Chars(UrlSafe, 47);

    string ArchiveId() => Chars(UrlSafe, 138);

    string JobId() => Chars(UrlSafe, 92);

    string S3RequestId() => Chars("0123456789ABCDEF", 16);

    string AmzId2() => Chars(Base64Chars, 75) + "=";

    // ---- principals ----------------------------------------------------------------------

    static Func<string, string, string> Cli(string prefix) => (service, command) => prefix + service + "." + command;

    static Func<string, string, string> Fixed(string agent) => (_, _) => agent;

    static string GoAgent(string service, string command) =>
        "aws-sdk-go-v2/1.36.3 ua/2.1 os/linux lang/go#1.23.6 md/GOOS#linux md/GOARCH#amd64 api/" + service switch
        {
            "s3" => "s3#1.78.2",
            "ec2" => "ec2#1.210.0",
            "kms" => "kms#1.38.1",
            _ => "sts#1.33.17",
        } + " m/E";

    Principal User(string account, string name, string principalId, string accessKey, string ip, Func<string, string, string> agent) => new Principal
    {
        Type = "IAMUser",
        PrincipalId = principalId,
        Arn = $"arn:aws:iam::{account}:user/{name}",
        AccountId = account,
        AccessKeyId = accessKey,
        UserName = name,
        SourceIp = ip,
        Agent = agent,
    };

    Principal Role(string account, string rolePath, string roleId, string session, DateTime created, bool mfa, string ip, Func<string, string, string> agent)
    {
        string roleName = rolePath[(rolePath.LastIndexOf('/') + 1)..];
        return new Principal
        {
            Type = "AssumedRole",
            PrincipalId = roleId + ":" + session,
            Arn = $"arn:aws:sts::{account}:assumed-role/{roleName}/{session}",
            AccountId = account,
            AccessKeyId = "ASIA" + Chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16),
            RoleName = roleName,
            RoleArn = $"arn:aws:iam::{account}:role/{rolePath}",
            RoleId = roleId,
            SessionCreated = created,
            Mfa = mfa,
            SourceIp = ip,
            Agent = agent,
        };
    }

    Principal Root(string account, DateTime created, string ip) => new Principal
    {
        Type = "Root",
        PrincipalId = account,
        Arn = $"arn:aws:iam::{account}:root",
        AccountId = account,
        AccessKeyId = "ASIA" + Chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16),
        SessionCreated = created,
        Mfa = true,
        SourceIp = ip,
        Agent = Fixed(Browser),
        Console = true,
    };

    static Principal Service(string service) => new Principal
    {
        Type = "AWSService",
        InvokedBy = service,
        SourceIp = service,
        Agent = Fixed(service),
    };

    // ---- the envelope ----------------------------------------------------------------------

    sealed class Call
    {
        public required string Source;
        public required string Name;
        public required string Host;
        public string Version = "1.08";
        public string Command = "";
        public string CliService = "";
        public J? Request;
        public J? Response;
        public J? Additional;
        public object?[]? Resources;
        public bool ReadOnly;
        public string? ErrorCode;
        public string? ErrorMessage;
        public string? RequestId;
        public bool Data;
        public int MinGap = 3;
        public int MaxGap = 20;
    }

    J Emit(LogFile f, Principal p, Call c)
    {
        f.Clock = f.Clock.AddSeconds(rng.Next(c.MinGap, c.MaxGap + 1));
        bool service = p.SourceIp.EndsWith(".amazonaws.com", StringComparison.Ordinal);
        string agent = p.Agent(c.CliService, c.Command);
        if (c.Source == "s3.amazonaws.com" && !service)
        {
            agent = "[" + agent + "]";
        }

        var r = new J()
            .Add("eventVersion", c.Version)
            .Add("userIdentity", p.Identity())
            .Add("eventTime", Time(f.Clock))
            .Add("eventSource", c.Source)
            .Add("eventName", c.Name)
            .Add("awsRegion", f.Region)
            .Add("sourceIPAddress", p.SourceIp)
            .Add("userAgent", agent)
            .AddIf(c.ErrorCode is not null, "errorCode", c.ErrorCode)
            .AddIf(c.ErrorCode is not null, "errorMessage", c.ErrorMessage)
            .Add("requestParameters", c.Request)
            .Add("responseElements", c.Response)
            .AddIf(c.Additional is not null, "additionalEventData", c.Additional)
            .Add("requestID", c.RequestId ?? Uuid())
            .Add("eventID", Uuid())
            .Add("readOnly", c.ReadOnly)
            .AddIf(c.Resources is not null, "resources", c.Resources)
            .Add("eventType", "AwsApiCall")
            .Add("managementEvent", !c.Data)
            .Add("recipientAccountId", f.Account)
            .Add("eventCategory", c.Data ? "Data" : "Management");
        if (!service)
        {
            r.Add("tlsDetails", new J()
                .Add("tlsVersion", p.TlsVersion)
                .Add("cipherSuite", p.Cipher)
                .Add("clientProvidedHostHeader", c.Host));
        }

        if (p.Console)
        {
            r.Add("sessionCredentialFromConsole", "true");
        }

        f.Records.Add(r);
        return r;
    }

    // ---- Glacier ---------------------------------------------------------------------------

    static string Kebab(string op)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < op.Length; i++)
        {
            if (i > 0 && char.IsUpper(op[i]))
            {
                sb.Append('-');
            }

            sb.Append(char.ToLowerInvariant(op[i]));
        }

        return sb.ToString();
    }

    static bool GlacierReadOnly(string op) =>
        op.StartsWith("List", StringComparison.Ordinal) || op.StartsWith("Describe", StringComparison.Ordinal) ||
        op.StartsWith("Get", StringComparison.Ordinal);

    void Glacier(LogFile f, Principal p, string op, J? request, J? response, int minGap = 3, int maxGap = 20) =>
        Emit(f, p, new Call
        {
            Source = "glacier.amazonaws.com",
            Name = op,
            Host = $"glacier.{f.Region}.amazonaws.com",
            Version = "1.11",
            CliService = "glacier",
            Command = Kebab(op),
            Request = request,
            Response = response,
            ReadOnly = GlacierReadOnly(op),
            RequestId = GlacierRequestId(),
            MinGap = minGap,
            MaxGap = maxGap,
        });

    void GlacierDenied(LogFile f, Principal p, string op, string? vault, J? request) =>
        Emit(f, p, new Call
        {
            Source = "glacier.amazonaws.com",
            Name = op,
            Host = $"glacier.{f.Region}.amazonaws.com",
            Version = "1.11",
            CliService = "glacier",
            Command = Kebab(op),
            ErrorCode = "AccessDenied",
            ErrorMessage = $"User: {p.Arn} is not authorized to perform: glacier:{op} on resource: " +
                $"arn:aws:glacier:{f.Region}:{f.Account}:vaults/{vault ?? "*"} because no identity-based policy allows the glacier:{op} action",
            Request = request,
            ReadOnly = GlacierReadOnly(op),
            RequestId = GlacierRequestId(),
        });

    static J Vault(string vault, string accountId = "-") => new J().Add("accountId", accountId).Add("vaultName", vault);

    void CreateVault(LogFile f, Principal p, string vault) =>
        Glacier(f, p, "CreateVault", Vault(vault), new J().Add("location", $"/{f.Account}/vaults/{vault}"));

    void DescribeVault(LogFile f, Principal p, string vault, string accountId = "-") =>
        Glacier(f, p, "DescribeVault", Vault(vault, accountId), null);

    void ListVaults(LogFile f, Principal p, string accountId = "-", string? limit = null) =>
        Glacier(f, p, "ListVaults", new J().Add("accountId", accountId).AddIf(limit is not null, "limit", limit), null);

    void DeleteVault(LogFile f, Principal p, string vault) => Glacier(f, p, "DeleteVault", Vault(vault), null);

    void AddTags(LogFile f, Principal p, string vault, J tags) =>
        Glacier(f, p, "AddTagsToVault", Vault(vault).Add("tags", tags), null);

    void SetNotifications(LogFile f, Principal p, string vault, string topic, params string[] events) =>
        Glacier(f, p, "SetVaultNotifications", Vault(vault).Add("vaultNotificationConfig", new J()
            .Add("sNSTopic", $"arn:aws:sns:{f.Region}:{f.Account}:{topic}")
            .Add("events", Array.ConvertAll(events, e => (object?)e))), null);

    void SetAccessPolicy(LogFile f, Principal p, string vault, string policy) =>
        Glacier(f, p, "SetVaultAccessPolicy", Vault(vault).Add("policy", new J().Add("policy", policy)), null);

    string InitiateVaultLock(LogFile f, Principal p, string vault, string policy)
    {
        string lockId = Chars(Alnum, 24);
        Glacier(f, p, "InitiateVaultLock", Vault(vault).Add("policy", new J().Add("policy", policy)), new J().Add("lockId", lockId));
        return lockId;
    }

    void CompleteVaultLock(LogFile f, Principal p, string vault, string lockId) =>
        Glacier(f, p, "CompleteVaultLock", Vault(vault).Add("lockId", lockId), null);

    string UploadArchive(LogFile f, Principal p, string vault, string description)
    {
        string archiveId = ArchiveId();
        string checksum = Hex(64);
        Glacier(f, p, "UploadArchive",
            Vault(vault).Add("archiveDescription", description).Add("checksum", checksum),
            new J()
                .Add("location", $"/{f.Account}/vaults/{vault}/archives/{archiveId}")
                .Add("checksum", checksum)
                .Add("archiveId", archiveId));
        return archiveId;
    }

    string MultipartUpload(LogFile f, Principal p, string vault, string description, int parts, long lastPartSize)
    {
        const long partSize = 134217728;
        string uploadId = JobId();
        Glacier(f, p, "InitiateMultipartUpload",
            Vault(vault).Add("archiveDescription", description).Add("partSize", partSize.ToString(CultureInfo.InvariantCulture)),
            new J()
                .Add("location", $"/{f.Account}/vaults/{vault}/multipart-uploads/{uploadId}")
                .Add("uploadId", uploadId));
        long offset = 0;
        for (int i = 0; i < parts; i++)
        {
            long size = i == parts - 1 ? lastPartSize : partSize;
            string checksum = Hex(64);
            Glacier(f, p, "UploadMultipartPart",
                Vault(vault).Add("uploadId", uploadId).Add("checksum", checksum)
                    .Add("range", $"bytes {offset}-{offset + size - 1}/*"),
                new J().Add("checksum", checksum), 2, 9);
            offset += size;
        }

        string archiveId = ArchiveId();
        string treeHash = Hex(64);
        Glacier(f, p, "CompleteMultipartUpload",
            Vault(vault).Add("uploadId", uploadId).Add("archiveSize", offset.ToString(CultureInfo.InvariantCulture)).Add("checksum", treeHash),
            new J()
                .Add("location", $"/{f.Account}/vaults/{vault}/archives/{archiveId}")
                .Add("checksum", treeHash)
                .Add("archiveId", archiveId), 1, 4);
        return archiveId;
    }

    string InitiateJob(LogFile f, Principal p, string vault, J jobParameters)
    {
        string jobId = JobId();
        Glacier(f, p, "InitiateJob", Vault(vault).Add("jobParameters", jobParameters), new J()
            .Add("location", $"/{f.Account}/vaults/{vault}/jobs/{jobId}")
            .Add("jobId", jobId)
            .Add("jobOutputPath", null));
        return jobId;
    }

    J Retrieval(LogFile f, string archiveId, string tier, string description, string? range = null) => new J()
        .Add("type", "archive-retrieval")
        .Add("archiveId", archiveId)
        .Add("description", description)
        .Add("sNSTopic", $"arn:aws:sns:{f.Region}:{f.Account}:glacier-job-notifications")
        .AddIf(range is not null, "retrievalByteRange", range)
        .Add("tier", tier);

    static J Inventory(string format, string? start = null, string? end = null, string? limit = null)
    {
        var job = new J().Add("type", "inventory-retrieval").Add("format", format).Add("description", "weekly inventory");
        if (start is not null || end is not null || limit is not null)
        {
            job.Add("inventoryRetrievalParameters", new J()
                .AddIf(start is not null, "startDate", start)
                .AddIf(end is not null, "endDate", end)
                .AddIf(limit is not null, "limit", limit));
        }

        return job;
    }

    void DescribeJob(LogFile f, Principal p, string vault, string jobId) =>
        Glacier(f, p, "DescribeJob", Vault(vault).Add("jobId", jobId), null);

    void GetJobOutput(LogFile f, Principal p, string vault, string jobId, string? range = null) =>
        Glacier(f, p, "GetJobOutput", Vault(vault).Add("jobId", jobId).AddIf(range is not null, "range", range), null);

    void DeleteArchive(LogFile f, Principal p, string vault, string archiveId) =>
        Glacier(f, p, "DeleteArchive", Vault(vault).Add("archiveId", archiveId), null);

    // ---- other services ------------------------------------------------------------------

    J S3Additional(Principal p, long bytesIn, long bytesOut, bool kms) => new J()
        .Add("SignatureVersion", "SigV4")
        .Add("CipherSuite", p.Cipher)
        .Add("bytesTransferredIn", bytesIn)
        .AddIf(kms, "SSEApplied", "SSE_KMS")
        .Add("AuthenticationMethod", "AuthHeader")
        .Add("x-amz-id-2", AmzId2())
        .Add("bytesTransferredOut", bytesOut);

    static object?[] S3Resources(string account, string bucket, string key) => new object?[]
    {
        new J().Add("type", "AWS::S3::Object").Add("ARN", $"arn:aws:s3:::{bucket}/{key}"),
        new J().Add("accountId", account).Add("type", "AWS::S3::Bucket").Add("ARN", $"arn:aws:s3:::{bucket}"),
    };

    void GetObject(LogFile f, Principal p, string bucket, string key, long size, string kmsKey)
    {
        Emit(f, p, new Call
        {
            Source = "s3.amazonaws.com",
            Name = "GetObject",
            Host = $"{bucket}.s3.{f.Region}.amazonaws.com",
            Version = "1.10",
            CliService = "s3",
            Command = "cp",
            Request = new J().Add("bucketName", bucket).Add("Host", $"{bucket}.s3.{f.Region}.amazonaws.com").Add("key", key),
            Additional = S3Additional(p, 0, size, true),
            Resources = S3Resources(f.Account, bucket, key),
            ReadOnly = true,
            RequestId = S3RequestId(),
            Data = true,
        });
        Kms(f, p.Via("s3.amazonaws.com"), "Decrypt", kmsKey, new J()
            .Add("encryptionContext", new J().Add("aws:s3:arn", $"arn:aws:s3:::{bucket}/{key}"))
            .Add("encryptionAlgorithm", "SYMMETRIC_DEFAULT"), 0, 1);
    }

    void PutObject(LogFile f, Principal p, string bucket, string key, long size, string kmsKey)
    {
        Kms(f, p.Via("s3.amazonaws.com"), "GenerateDataKey", kmsKey, new J()
            .Add("keyId", kmsKey)
            .Add("encryptionContext", new J().Add("aws:s3:arn", $"arn:aws:s3:::{bucket}/{key}"))
            .Add("keySpec", "AES_256"));
        Emit(f, p, new Call
        {
            Source = "s3.amazonaws.com",
            Name = "PutObject",
            Host = $"{bucket}.s3.{f.Region}.amazonaws.com",
            Version = "1.10",
            CliService = "s3",
            Command = "cp",
            Request = new J().Add("bucketName", bucket).Add("Host", $"{bucket}.s3.{f.Region}.amazonaws.com").Add("key", key),
            Response = new J()
                .Add("x-amz-server-side-encryption-aws-kms-key-id", kmsKey)
                .Add("x-amz-server-side-encryption", "aws:kms")
                .Add("x-amz-version-id", Chars(UrlSafe[..62] + "._", 32)),
            Additional = S3Additional(p, size, 0, true),
            Resources = S3Resources(f.Account, bucket, key),
            ReadOnly = false,
            RequestId = S3RequestId(),
            Data = true,
            MinGap = 0,
            MaxGap = 1,
        });
    }

    void ListBuckets(LogFile f, Principal p, bool denied = false) =>
        Emit(f, p, new Call
        {
            Source = "s3.amazonaws.com",
            Name = "ListBuckets",
            Host = $"s3.{f.Region}.amazonaws.com",
            Version = "1.10",
            CliService = "s3",
            Command = "ls",
            ErrorCode = denied ? "AccessDenied" : null,
            ErrorMessage = denied ? "Access Denied" : null,
            Request = new J().Add("Host", $"s3.{f.Region}.amazonaws.com"),
            Additional = S3Additional(p, 0, denied ? 243 : 1871, false),
            ReadOnly = true,
            RequestId = S3RequestId(),
        });

    void Kms(LogFile f, Principal p, string op, string keyArn, J request, int minGap = 0, int maxGap = 1) =>
        Emit(f, p, new Call
        {
            Source = "kms.amazonaws.com",
            Name = op,
            Host = $"kms.{f.Region}.amazonaws.com",
            Version = "1.11",
            CliService = "kms",
            Command = Kebab(op),
            Request = request,
            Resources = new object?[] { new J().Add("accountId", f.Account).Add("type", "AWS::KMS::Key").Add("ARN", keyArn) },
            ReadOnly = true,
            MinGap = minGap,
            MaxGap = maxGap,
        });

    void DescribeInstances(LogFile f, Principal p, string? instanceId = null) =>
        Emit(f, p, new Call
        {
            Source = "ec2.amazonaws.com",
            Name = "DescribeInstances",
            Host = $"ec2.{f.Region}.amazonaws.com",
            Version = "1.10",
            CliService = "ec2",
            Command = "describe-instances",
            Request = new J()
                .Add("instancesSet", instanceId is null ? new J() : new J().Add("items", new object?[] { new J().Add("instanceId", instanceId) }))
                .Add("filterSet", new J()),
            ReadOnly = true,
        });

    void RunInstances(LogFile f, Principal p, string ami, string type, string subnet, string name)
    {
        string instanceId = "i-0" + Hex(16);
        string eni = "eni-0" + Hex(16);
        string requestId = Uuid();
        Emit(f, p, new Call
        {
            Source = "ec2.amazonaws.com",
            Name = "RunInstances",
            Host = $"ec2.{f.Region}.amazonaws.com",
            Version = "1.10",
            CliService = "ec2",
            Command = "run-instances",
            Request = new J()
                .Add("instancesSet", new J().Add("items", new object?[] { new J().Add("imageId", ami).Add("minCount", 1).Add("maxCount", 1) }))
                .Add("instanceType", type)
                .Add("blockDeviceMapping", new J())
                .Add("subnetId", subnet)
                .Add("monitoring", new J().Add("enabled", false))
                .Add("disableApiTermination", false)
                .Add("disableApiStop", false)
                .Add("clientToken", "terraform-" + Hex(26))
                .Add("tagSpecificationSet", new J().Add("items", new object?[]
                {
                    new J().Add("resourceType", "instance").Add("tags", new object?[] { new J().Add("key", "Name").Add("value", name) }),
                })),
            Response = new J()
                .Add("requestId", requestId)
                .Add("reservationId", "r-0" + Hex(16))
                .Add("ownerId", f.Account)
                .Add("groupSet", new J())
                .Add("instancesSet", new J().Add("items", new object?[]
                {
                    new J()
                        .Add("instanceId", instanceId)
                        .Add("imageId", ami)
                        .Add("instanceState", new J().Add("code", 0).Add("name", "pending"))
                        .Add("privateDnsName", $"ip-10-20-{rng.Next(1, 63)}-{rng.Next(4, 250)}.ec2.internal")
                        .Add("amiLaunchIndex", 0)
                        .Add("productCodes", new J())
                        .Add("instanceType", type)
                        .Add("launchTime", (long)(f.Clock - DateTime.UnixEpoch).TotalMilliseconds + 1000)
                        .Add("placement", new J().Add("availabilityZone", f.Region + "b").Add("tenancy", "default"))
                        .Add("monitoring", new J().Add("state", "disabled"))
                        .Add("subnetId", subnet)
                        .Add("vpcId", "vpc-0" + Hex(16))
                        .Add("networkInterfaceSet", new J().Add("items", new object?[] { new J().Add("networkInterfaceId", eni).Add("status", "in-use") }))
                        .Add("ebsOptimized", false)
                        .Add("enaSupport", true)
                        .Add("currentInstanceBootMode", "uefi"),
                })),
            RequestId = requestId,
        });
    }

    void AssumeRole(LogFile f, Principal p, Principal session, int duration, string? mfaSerial = null)
    {
        string sessionName = session.PrincipalId![(session.PrincipalId!.IndexOf(':') + 1)..];
        bool service = p.Type == "AWSService";
        f.Clock = f.Clock.AddSeconds(rng.Next(3, 21));
        session.SessionCreated = f.Clock;
        string host = f.Region == "us-east-1" ? "sts.amazonaws.com" : $"sts.{f.Region}.amazonaws.com";
        DateTime expires = f.Clock.AddSeconds(duration + 10);
        var response = new J().Add("credentials", new J()
            .Add("accessKeyId", session.AccessKeyId)
            .Add("sessionToken", "IQoJb3JpZ2luX2VjE" + Chars(Base64Chars, 3) + "aCXVz" + Chars(Base64Chars, 220))
            .Add("expiration", expires.ToString("MMM d, yyyy, h:mm:ss tt", CultureInfo.InvariantCulture)));
        if (!service)
        {
            response.Add("assumedRoleUser", new J().Add("assumedRoleId", session.PrincipalId).Add("arn", session.Arn));
        }

        Emit(f, p, new Call
        {
            Source = "sts.amazonaws.com",
            Name = "AssumeRole",
            Host = host,
            Version = "1.08",
            CliService = "sts",
            Command = "assume-role",
            Request = new J()
                .Add("roleArn", session.RoleArn)
                .Add("roleSessionName", sessionName)
                .AddIf(!service, "durationSeconds", duration)
                .AddIf(mfaSerial is not null, "serialNumber", mfaSerial),
            Response = response,
            Resources = new object?[] { new J().Add("accountId", session.AccountId).Add("type", "AWS::IAM::Role").Add("ARN", session.RoleArn) },
            ReadOnly = true,
            MinGap = 0,
            MaxGap = 0,
        });
    }

    void GetCallerIdentity(LogFile f, Principal p) =>
        Emit(f, p, new Call
        {
            Source = "sts.amazonaws.com",
            Name = "GetCallerIdentity",
            Host = f.Region == "us-east-1" ? "sts.amazonaws.com" : $"sts.{f.Region}.amazonaws.com",
            Version = "1.08",
            CliService = "sts",
            Command = "get-caller-identity",
            ReadOnly = true,
        });

    /// <summary>Background activity of a workload: object reads and writes with their KMS calls, describes, identity checks.</summary>
    void Noise(LogFile f, int records, string bucket, string kmsKey, params Principal[] who)
    {
        int target = f.Records.Count + records;
        while (f.Records.Count < target)
        {
            var p = who[rng.Next(who.Length)];
            string day = f.Clock.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            switch (rng.Next(6))
            {
                case 0:
                case 1:
                    GetObject(f, p, bucket, $"reports/daily/{day}/part-{rng.Next(0, 64):D5}.csv.gz", rng.Next(20_000, 9_000_000), kmsKey);
                    break;
                case 2:
                    PutObject(f, p, bucket, $"reports/daily/{day}/summary-{f.Clock:HHmmss}.json", rng.Next(900, 40_000), kmsKey);
                    break;
                case 3:
                    DescribeInstances(f, p);
                    break;
                case 4:
                    GetCallerIdentity(f, p);
                    break;
                default:
                    Kms(f, p, "Decrypt", kmsKey, new J()
                        .Add("encryptionContext", new J().Add("app", "ops-agent").Add("purpose", "config-secrets"))
                        .Add("encryptionAlgorithm", "SYMMETRIC_DEFAULT"), 3, 20);
                    break;
            }
        }
    }

    // ---- the story -----------------------------------------------------------------------

    static string Policy(string statement) => "{\"Version\":\"2012-10-17\",\"Statement\":[" + statement + "]}";

    LogFile NewFile(string account, string region, DateTime delivered, string? org = null) => new LogFile
    {
        Account = account,
        Region = region,
        Delivered = delivered,
        OrgId = org,
        Clock = delivered.AddMinutes(-10).AddSeconds(rng.Next(0, 30)),
    };

    public void WriteAll(string outDir)
    {
        string kmsUse1 = $"arn:aws:kms:us-east-1:{Main}:key/{Uuid()}";
        string kmsEuw1 = $"arn:aws:kms:eu-west-1:{Main}:key/{Uuid()}";
        string kmsApse2 = $"arn:aws:kms:ap-southeast-2:{Member}:key/{Uuid()}";
        const string staging = "acme-backup-staging-111122223333";
        const string euBucket = "acme-eu-exports-111122223333";
        const string mediaBucket = "media-ingest-444455556666-apse2";

        var admin = User(Main, "archive-admin", "AIDAJQABLZS4A3QDU576Q", "AKIAIOSFODNN7EXAMPLE", "203.0.113.9", Cli(CliLinux));
        var jdoe = User(Main, "jdoe", "AIDA3EXAMPLEJDOE4QZX7", "AKIA3EXAMPLEJDOE7KQW", "198.51.100.24", Cli(CliMac));
        var attacker = User(Main, "legacy-sync", "AIDAZ3EXAMPLE7KQWLMNP", "AKIAZ3EXAMPLEV7QH2LM", "198.51.100.118", Fixed("python-requests/2.32.3"));
        attacker.TlsVersion = "TLSv1.2";
        attacker.Cipher = "ECDHE-RSA-AES128-GCM-SHA256";
        var lambda = Service("lambda.amazonaws.com");
        var ec2 = Service("ec2.amazonaws.com");
        var logs = new List<LogFile>();

        // Day 1, us-east-1, 08:51-09:02: a new vault is set up, locked, and fed by a Lambda and a multipart upload.
        var a = NewFile(Main, "us-east-1", At(14, 9, 5));
        logs.Add(a);
        var sweeperA = Role(Main, "service-role/vault-sweeper-role", "AROAJ45Q7YFFAREXAMPLE", "vault-sweeper", a.Clock.AddSeconds(-40), false, "203.0.113.61", Fixed(Boto3Lambda));
        var hostA = Role(Main, "ops-agent-role", "AROA6EXAMPLEOPSAGT2Q", "i-0a1b2c3d4e5f60718", a.Clock.AddMinutes(-52), false, "203.0.113.24", GoAgent);
        var rootA = Root(Main, a.Clock.AddMinutes(-9), "192.0.2.45");
        const string finance = "finance-archive-2025";
        GetCallerIdentity(a, admin);
        CreateVault(a, admin, finance);
        AddTags(a, admin, finance, new J().Add("CostCenter", "FIN-4410").Add("DataClassification", "confidential").Add("Owner", "finance-ops"));
        SetNotifications(a, admin, finance, "glacier-job-notifications", "ArchiveRetrievalCompleted", "InventoryRetrievalCompleted");
        SetAccessPolicy(a, admin, finance, Policy(
            "{\"Sid\":\"cross-account-upload\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::444455556666:root\"}," +
            "\"Action\":[\"glacier:UploadArchive\",\"glacier:InitiateMultipartUpload\",\"glacier:UploadMultipartPart\",\"glacier:CompleteMultipartUpload\"]," +
            $"\"Resource\":\"arn:aws:glacier:us-east-1:{Main}:vaults/{finance}\"}}"));
        ListBuckets(a, rootA);
        ListVaults(a, rootA, Main);
        AssumeRole(a, lambda, sweeperA, 900);
        GetObject(a, sweeperA, staging, "db/orders/2025-03-14/orders-0200.dump.zst", 734003200, kmsUse1);
        string ordersArchive = UploadArchive(a, sweeperA, finance, "pg_dump orders-db 2025-03-14T02:00Z");
        GetObject(a, sweeperA, staging, "db/ledger/2025-03-14/ledger-0200.dump.zst", 268435456, kmsUse1);
        UploadArchive(a, sweeperA, finance, "pg_dump ledger-db 2025-03-14T02:00Z");
        PutObject(a, sweeperA, staging, "manifests/2025-03-14.json", 2214, kmsUse1);
        string q4Archive = MultipartUpload(a, admin, finance, "FY2024-Q4 close package.tar.zst", 2, 98566144);
        string financeLock = InitiateVaultLock(a, admin, finance, Policy(
            "{\"Sid\":\"deny-delete-under-7-years\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"glacier:DeleteArchive\"," +
            $"\"Resource\":\"arn:aws:glacier:us-east-1:{Main}:vaults/{finance}\",\"Condition\":{{\"NumericLessThan\":{{\"glacier:ArchiveAgeInDays\":\"2555\"}}}}}}"));
        DescribeInstances(a, hostA);
        var batchA = Role(Main, "ops-agent-role", "AROA6EXAMPLEOPSAGT2Q", "i-07c1d2e3f4a5b6c7d", a.Clock, false, "203.0.113.25", hostA.Agent);
        AssumeRole(a, ec2, batchA, 21600);
        GetObject(a, batchA, staging, "config/ops-agent.yaml", 4096, kmsUse1);
        Noise(a, 4, staging, kmsUse1, hostA, batchA);

        // Day 1, us-east-1, 09:21-09:32: restores start, the lock completes, a leaked key probes.
        var b = NewFile(Main, "us-east-1", At(14, 9, 35));
        logs.Add(b);
        var restorer = Role(Main, "GlacierRestoreOperator", "AROA3EXAMPLEKQ7WJ2XHY", "jdoe", b.Clock.AddSeconds(20), true, "198.51.100.24", Cli(CliMac));
        var deployer = Role(Main, "terraform-deployer", "AROAW2EXAMPLETFDPL0Y", "terraform-run-8812", b.Clock.AddMinutes(-3), false, "192.0.2.210", Fixed(Terraform));
        const string legal = "legal-hold-2021";
        string legalArchive = ArchiveId();
        AssumeRole(b, jdoe, restorer, 3600, $"arn:aws:iam::{Main}:mfa/jdoe");
        ListVaults(b, restorer);
        DescribeVault(b, restorer, legal);
        string inventoryJob = InitiateJob(b, restorer, legal, Inventory("JSON", "2021-01-01T00:00:00Z", "2022-01-01T00:00:00Z", "10000"));
        string bulkJob = InitiateJob(b, restorer, legal, Retrieval(b, legalArchive, "Bulk", "Restore FY2021 contracts for litigation hold"));
        string fastJob = InitiateJob(b, restorer, finance, Retrieval(b, ordersArchive, "Expedited", "orders-db restore test", "0-268435455"));
        GetCallerIdentity(b, attacker);
        GlacierDenied(b, attacker, "ListVaults", null, null);
        ListBuckets(b, attacker, denied: true);
        GlacierDenied(b, attacker, "DescribeVault", "backups", Vault("backups"));
        GetObject(b, hostA, staging, "config/ops-agent.yaml", 4096, kmsUse1);
        Noise(b, 3, staging, kmsUse1, hostA);
        DescribeJob(b, restorer, finance, fastJob);
        RunInstances(b, deployer, "ami-0c7217cdde317cfec", "t3.medium", "subnet-0" + Hex(16), "restore-worker-1");
        DescribeInstances(b, deployer);
        GetJobOutput(b, restorer, finance, fastJob);
        CompleteVaultLock(b, admin, finance, financeLock);
        Noise(b, 5, staging, kmsUse1, hostA);
        PutObject(b, hostA, staging, "ops-agent/heartbeat/2025-03-14T0930Z.json", 512, kmsUse1);
        DescribeInstances(b, hostA, "i-0a1b2c3d4e5f60718");

        // Day 1, eu-west-1, 13:56-14:07: routine work, a suspicious policy, and the same leaked key probing again.
        var c = NewFile(Main, "eu-west-1", At(14, 14, 10));
        logs.Add(c);
        var sweeperC = Role(Main, "service-role/vault-sweeper-role", "AROAJ45Q7YFFAREXAMPLE", "vault-sweeper", c.Clock.AddSeconds(-30), false, "203.0.113.61", Fixed(Boto3Lambda));
        var hostC = Role(Main, "ops-agent-role", "AROA6EXAMPLEOPSAGT2Q", "i-0f9e8d7c6b5a40312", c.Clock.AddHours(-2), false, "203.0.113.140", GoAgent);
        attacker.SourceIp = "203.0.113.77";
        const string euExports = "eu-customer-exports";
        const string euCold = "eu-backups-cold";
        ListVaults(c, admin);
        CreateVault(c, admin, euCold);
        AddTags(c, admin, euCold, new J().Add("DataResidency", "EU").Add("Retention", "10y"));
        SetAccessPolicy(c, admin, euExports, Policy(
            "{\"Sid\":\"partner-retrieval\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"glacier:InitiateJob\",\"glacier:GetJobOutput\"]," +
            $"\"Resource\":\"arn:aws:glacier:eu-west-1:{Main}:vaults/{euExports}\"}}"));
        AssumeRole(c, lambda, sweeperC, 900);
        GetObject(c, sweeperC, euBucket, "exports/2025-03-13/customers.parquet", 157286400, kmsEuw1);
        string euArchive = UploadArchive(c, sweeperC, euCold, "customers export 2025-03-13");
        GetObject(c, sweeperC, euBucket, "exports/2025-03-13/invoices.parquet", 52428800, kmsEuw1);
        UploadArchive(c, sweeperC, euCold, "invoices export 2025-03-13");
        string oldEuArchive = ArchiveId();
        DeleteArchive(c, sweeperC, euExports, oldEuArchive);
        GlacierDenied(c, attacker, "ListVaults", null, null);
        GlacierDenied(c, attacker, "InitiateJob", euExports, Vault(euExports).Add("jobParameters", new J()
            .Add("type", "inventory-retrieval").Add("format", "JSON")));
        DescribeInstances(c, hostC);
        PutObject(c, hostC, euBucket, "ops-agent/heartbeat/2025-03-14T1400Z.json", 512, kmsEuw1);
        Noise(c, 4, euBucket, kmsEuw1, hostC);
        DescribeVault(c, admin, euCold);
        SetNotifications(c, admin, euCold, "glacier-job-notifications-eu", "ArchiveRetrievalCompleted");
        GetCallerIdentity(c, hostC);
        GetObject(c, hostC, euBucket, "config/ops-agent.yaml", 4096, kmsEuw1);

        // Day 2, us-east-1, 08:06-08:17: the Bulk restore is ready; clean-up; a delete the restore role may not do.
        var d = NewFile(Main, "us-east-1", At(15, 8, 20));
        logs.Add(d);
        var restorerD = Role(Main, "GlacierRestoreOperator", "AROA3EXAMPLEKQ7WJ2XHY", "jdoe", d.Clock.AddSeconds(15), true, "198.51.100.24", Cli(CliMac));
        var sweeperD = Role(Main, "service-role/vault-sweeper-role", "AROAJ45Q7YFFAREXAMPLE", "vault-sweeper", d.Clock.AddSeconds(-35), false, "203.0.113.61", Fixed(Boto3Lambda));
        var rootD = Root(Main, d.Clock.AddMinutes(-4), "192.0.2.45");
        AssumeRole(d, jdoe, restorerD, 3600, $"arn:aws:iam::{Main}:mfa/jdoe");
        DescribeJob(d, restorerD, legal, bulkJob);
        GetJobOutput(d, restorerD, legal, bulkJob, "bytes=0-1073741823");
        DescribeJob(d, restorerD, legal, inventoryJob);
        GetJobOutput(d, restorerD, legal, inventoryJob);
        GlacierDenied(d, restorerD, "DeleteArchive", legal, Vault(legal).Add("archiveId", legalArchive));
        InitiateJob(d, restorerD, finance, Retrieval(d, q4Archive, "Standard", "FY2024-Q4 close package for auditors"));
        AssumeRole(d, lambda, sweeperD, 900);
        GetObject(d, sweeperD, staging, "db/orders/2025-03-15/orders-0200.dump.zst", 736100352, kmsUse1);
        UploadArchive(d, sweeperD, finance, "pg_dump orders-db 2025-03-15T02:00Z");
        ListBuckets(d, rootD);
        DescribeInstances(d, rootD);
        ListVaults(d, rootD, Main);
        DescribeVault(d, rootD, "scratch-2019", Main);
        DeleteVault(d, rootD, "scratch-2019");
        var hostD = Role(Main, "ops-agent-role", "AROA6EXAMPLEOPSAGT2Q", "i-0a1b2c3d4e5f60718", d.Clock, false, "203.0.113.24", hostA.Agent);
        AssumeRole(d, ec2, hostD, 21600);
        DescribeInstances(d, hostD);
        Noise(d, 6, staging, kmsUse1, hostD);
        PutObject(d, hostD, staging, "ops-agent/heartbeat/2025-03-15T0815Z.json", 512, kmsUse1);

        // Day 2, eu-west-1, 11:41-11:52: an inventory and a restore in the EU, and the leaked key once more.
        var e = NewFile(Main, "eu-west-1", At(15, 11, 55));
        logs.Add(e);
        var hostE = Role(Main, "ops-agent-role", "AROA6EXAMPLEOPSAGT2Q", "i-0f9e8d7c6b5a40312", e.Clock.AddHours(-1), false, "203.0.113.140", GoAgent);
        attacker.SourceIp = "198.51.100.203";
        string euInventory = InitiateJob(e, admin, euCold, Inventory("CSV"));
        InitiateJob(e, admin, euCold, Retrieval(e, euArchive, "Standard", "customers export for DSAR request"));
        DescribeJob(e, admin, euCold, euInventory);
        GlacierDenied(e, attacker, "ListVaults", null, null);
        DescribeInstances(e, hostE);
        GetObject(e, hostE, euBucket, "config/ops-agent.yaml", 4096, kmsEuw1);
        Noise(e, 6, euBucket, kmsEuw1, hostE);
        ListVaults(e, admin, "-", "10");
        PutObject(e, hostE, euBucket, "ops-agent/heartbeat/2025-03-15T1150Z.json", 512, kmsEuw1);
        GetCallerIdentity(e, admin);

        // Day 2, ap-southeast-2, member account of the organization trail: a media vault is set up and filled.
        var o = NewFile(Member, "ap-southeast-2", At(15, 22, 40), OrgId);
        logs.Add(o);
        var maria = Role(Member, "aws-reserved/sso.amazonaws.com/ap-southeast-2/AWSReservedSSO_StorageAdmin_4f1c2e9a7b3d5e60", "AROAQ7EXAMPLEXZ2M4PLK", "maria.garcia", o.Clock.AddMinutes(-25), false, "192.0.2.145", Fixed(Browser));
        maria.Console = true;
        var ci = User(Member, "ci-deployer", "AIDACKCEVSQ6C2EXAMPLE", "AKIAI44QH8DHBEXAMPLE", "198.51.100.7", Fixed(JavaSdk));
        const string media = "media-masters-apse2";
        ListVaults(o, maria, Member);
        CreateVault(o, maria, media);
        AddTags(o, maria, media, new J().Add("Team", "media").Add("CostCenter", "MED-2201"));
        SetNotifications(o, maria, media, "glacier-job-notifications", "ArchiveRetrievalCompleted", "InventoryRetrievalCompleted");
        DescribeVault(o, maria, media, Member);
        GetObject(o, ci, mediaBucket, "masters/ep-114/ep-114-master.mxf", 402653184, kmsApse2);
        MultipartUpload(o, ci, media, "ep-114 master MXF", 3, 134217728);
        GetObject(o, ci, mediaBucket, "masters/ep-115/ep-115-master.mxf", 268435456, kmsApse2);
        PutObject(o, ci, mediaBucket, "masters/ep-114/ep-114-master.mxf.archived", 0, kmsApse2);
        GetCallerIdentity(o, ci);
        Noise(o, 3, mediaBucket, kmsApse2, ci);

        foreach (var f in logs)
        {
            Finish(f);
            if (f.Newest >= f.Delivered.AddMinutes(-2))
            {
                throw new InvalidOperationException($"{f.Name}: events run past delivery time.");
            }
        }

        foreach (var f in logs)
        {
            Write(outDir, f.Key, Gzip.Compress(f.Json));
        }

        using var key = RSA.Create();
        key.ImportFromPem(SampleDigestKey.Pem);
        var chains = new DigestChainWriter(outDir, key, logs);
        chains.Write(Main, null, "us-east-1", TrailBucket, "glacier-audit", "us-east-1", At(14, 9, 4, 51), At(15, 9, 4, 51));
        chains.Write(Main, null, "eu-west-1", TrailBucket, "glacier-audit", "us-east-1", At(14, 13, 41, 7), At(15, 12, 41, 7));
        chains.Write(Member, OrgId, "ap-southeast-2", OrgBucket, "org-audit", "us-east-1", At(15, 22, 17, 33), At(15, 23, 17, 33));
        chains.WriteKeyAndSignatures(Path.GetDirectoryName(Path.GetFullPath(outDir))!);
        Write(outDir, "glacier-docs-example.json", Json.Serialize(DocsExample(), indented: true));

        int total = 0;
        foreach (var f in logs)
        {
            total += f.Records.Count;
            Console.WriteLine($"{f.Records.Count,3} records  {f.Key}");
        }

        Console.WriteLine($"{total,3} records in {logs.Count} log files, {chains.Digests} digests in 3 signed chains, glacier-docs-example.json (4 records)");
    }

    void Finish(LogFile f)
    {
        string stamp = f.Delivered.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);
        f.Name = $"{f.Account}_CloudTrail_{f.Region}_{stamp}_{Chars(Alnum, 16)}.json.gz";
        string prefix = f.OrgId is null ? $"AWSLogs/{f.Account}" : $"AWSLogs/{f.OrgId}/{f.Account}";
        f.Key = $"{prefix}/CloudTrail/{f.Region}/{f.Delivered:yyyy}/{f.Delivered:MM}/{f.Delivered:dd}/{f.Name}";
        f.Json = Json.Serialize(new J().Add("Records", f.Records.ToArray()), indented: false);
        f.Oldest = DateTime.MaxValue;
        f.Newest = DateTime.MinValue;
        foreach (var r in f.Records)
        {
            var t = DateTime.ParseExact((string)r.Props[2].Value!, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            f.Oldest = t < f.Oldest ? t : f.Oldest;
            f.Newest = t > f.Newest ? t : f.Newest;
        }
    }

    public static void Write(string outDir, string relative, byte[] bytes)
    {
        string path = Path.Combine(outDir, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>The example from the S3 Glacier developer guide's CloudTrail page, as published (key order included).</summary>
    static J DocsExample()
    {
        static J Doc(string eventId, string name, string requestId, J request, J? response) => new J()
            .Add("awsRegion", "us-east-1")
            .Add("eventID", eventId)
            .Add("eventName", name)
            .Add("eventSource", "glacier.amazonaws.com")
            .Add("eventTime", "2014-12-10T19:05:15Z")
            .Add("eventType", "AwsApiCall")
            .Add("eventVersion", "1.02")
            .Add("recipientAccountId", "999999999999")
            .Add("requestID", requestId)
            .Add("requestParameters", request)
            .Add("responseElements", response)
            .Add("sourceIPAddress", "127.0.0.1")
            .Add("userAgent", "aws-sdk-java/1.9.6 Mac_OS_X/10.9.5 Java_HotSpot(TM)_64-Bit_Server_VM/25.25-b02/1.8.0_25")
            .Add("userIdentity", new J()
                .Add("accessKeyId", "AKIAIOSFODNN7EXAMPLE")
                .Add("accountId", "999999999999")
                .Add("arn", "arn:aws:iam::999999999999:user/myUserName")
                .Add("principalId", "A1B2C3D4E5F6G7EXAMPLE")
                .Add("type", "IAMUser")
                .Add("userName", "myUserName"));

        static J VaultParams() => new J().Add("accountId", "-").Add("vaultName", "myVaultName");

        return new J().Add("Records", new object?[]
        {
            Doc("52f8c821-002e-4549-857f-8193a15246fa", "CreateVault", "HJiLgvfXCY88QJAC6rRoexS9ThvI21Q1Nqukfly02hcUPPo",
                VaultParams(), new J().Add("location", "/999999999999/vaults/myVaultName")),
            Doc("cdd33060-4758-416a-b7b9-dafd3afcec90", "DeleteVault", "GGdw-VfhVfLCFwAM6iVUvMQ6-fMwSqSO9FmRd0eRSa_Fc7c",
                VaultParams(), null),
            Doc("355750b4-e8b0-46be-9676-e786b1442470", "ListVaults", "yPTs22ghTsWprFivb-2u30FAaDALIZP17t4jM_xL9QJQyVA",
                new J().Add("accountId", "-"), null),
            Doc("569e830e-b075-4444-a826-aa8b0acad6c7", "DescribeVault", "QRt1ZdFLGn0TCm784HmKafBmcB2lVaV81UU3fsOR3PtoIiM",
                VaultParams(), null),
        });
    }
}

/// <summary>
/// Hourly digest chains over the sample logs, as CloudTrail writes them: one per account, region
/// and trail, the first with null previousDigest* members, each listing the log files delivered
/// in its hour (none: an empty logFiles), hashing the previous digest's uncompressed bytes and
/// carrying its signature.
/// </summary>
sealed class DigestChainWriter(string outDir, RSA key, List<LogFile> logs)
{
    readonly SortedDictionary<string, string> newest = new(StringComparer.Ordinal);

    public int Digests { get; private set; }

    string Fingerprint => Convert.ToHexString(MD5.HashData(key.ExportRSAPublicKey())).ToLowerInvariant();

    public void Write(string account, string? orgId, string region, string bucket, string trail, string homeRegion, DateTime firstEnd, DateTime lastEnd)
    {
        string prefix = orgId is null ? $"AWSLogs/{account}" : $"AWSLogs/{orgId}/{account}";
        string? previousKey = null, previousHash = null, previousSignature = null;
        for (DateTime end = firstEnd; end <= lastEnd; end = end.AddHours(1))
        {
            DateTime start = end.AddHours(-1);
            var files = logs.FindAll(f => f.Account == account && f.Region == region && f.Delivered > start && f.Delivered <= end);
            string objectKey = $"{prefix}/CloudTrail-Digest/{region}/{end:yyyy}/{end:MM}/{end:dd}/{account}_CloudTrail-Digest_{region}_{trail}_{homeRegion}_{end:yyyyMMdd'T'HHmmss'Z'}.json.gz";
            var entries = new object?[files.Count];
            DateTime? oldest = null, newestEvent = null;
            for (int i = 0; i < files.Count; i++)
            {
                var f = files[i];
                oldest = oldest is null || f.Oldest < oldest ? f.Oldest : oldest;
                newestEvent = newestEvent is null || f.Newest > newestEvent ? f.Newest : newestEvent;
                entries[i] = new J()
                    .Add("s3Bucket", bucket)
                    .Add("s3Object", f.Key)
                    .Add("hashValue", Hex(SHA256.HashData(f.Json)))
                    .Add("hashAlgorithm", "SHA-256")
                    .Add("newestEventTime", SampleSet.Time(f.Newest))
                    .Add("oldestEventTime", SampleSet.Time(f.Oldest));
            }

            string endText = SampleSet.Time(end);
            byte[] json = Json.Serialize(new J()
                .Add("awsAccountId", account)
                .Add("digestStartTime", SampleSet.Time(start))
                .Add("digestEndTime", endText)
                .Add("digestS3Bucket", bucket)
                .Add("digestS3Object", objectKey)
                .Add("digestPublicKeyFingerprint", Fingerprint)
                .Add("digestSignatureAlgorithm", "SHA256withRSA")
                .Add("newestEventTime", newestEvent is null ? null : SampleSet.Time(newestEvent.Value))
                .Add("oldestEventTime", oldest is null ? null : SampleSet.Time(oldest.Value))
                .Add("previousDigestS3Bucket", previousKey is null ? null : bucket)
                .Add("previousDigestS3Object", previousKey)
                .Add("previousDigestHashValue", previousHash)
                .Add("previousDigestHashAlgorithm", previousKey is null ? null : "SHA-256")
                .Add("previousDigestSignature", previousSignature)
                .Add("logFiles", entries), indented: false);
            SampleSet.Write(outDir, objectKey, Gzip.Compress(json));
            Digests++;

            // The signed text: end time as written, bucket/key, SHA-256 of the uncompressed digest, previous signature or "null".
            string signed = endText + "\n" + bucket + "/" + objectKey + "\n" + Hex(SHA256.HashData(json)) + "\n" + (previousSignature ?? "null");
            previousSignature = Hex(key.SignData(Encoding.UTF8.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            previousHash = Hex(SHA256.HashData(json));
            previousKey = objectKey;
        }

        newest[previousKey!] = previousSignature!;
    }

    /// <summary>The public key as 'aws cloudtrail list-public-keys' prints it, and the newest digests' signatures as the head-object loop collects them.</summary>
    public void WriteKeyAndSignatures(string folder)
    {
        var list = new J().Add("PublicKeyList", new object?[]
        {
            new J()
                .Add("Value", Convert.ToBase64String(key.ExportRSAPublicKey()))
                .Add("ValidityStartTime", SampleDigestKey.ValidFrom.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture))
                .Add("ValidityEndTime", SampleDigestKey.ValidUntil.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture))
                .Add("Fingerprint", Fingerprint),
        });
        SampleSet.Write(folder, "public-keys.json", Json.Serialize(list, indented: true));
        var signatures = new J();
        foreach (var (digestKey, signature) in newest)
        {
            signatures.Add(digestKey, signature);
        }

        SampleSet.Write(folder, "signatures.json", Json.Serialize(signatures, indented: true));
    }

    static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
