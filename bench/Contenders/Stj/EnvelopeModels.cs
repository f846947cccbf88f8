using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GlacierTrail.Bench.Contenders.Stj;

// The envelope of schemas/cloudtrail-record.schema.json as a user writes it for System.Text.Json:
// payloads as JsonElement, deserialized per eventName afterwards (StjGlacierPayloads).
public sealed class StjLogFile
{
    [JsonPropertyName("Records")]
    public List<StjRecord>? Records { get; set; }
}

public sealed class StjRecord
{
    [JsonPropertyName("eventVersion")] public string? EventVersion { get; set; }
    [JsonPropertyName("userIdentity")] public StjUserIdentity? UserIdentity { get; set; }
    [JsonPropertyName("eventTime")] public DateTimeOffset EventTime { get; set; }
    [JsonPropertyName("eventSource")] public string? EventSource { get; set; }
    [JsonPropertyName("eventName")] public string? EventName { get; set; }
    [JsonPropertyName("awsRegion")] public string? AwsRegion { get; set; }
    [JsonPropertyName("sourceIPAddress")] public string? SourceIPAddress { get; set; }
    [JsonPropertyName("userAgent")] public string? UserAgent { get; set; }
    [JsonPropertyName("errorCode")] public string? ErrorCode { get; set; }
    [JsonPropertyName("errorMessage")] public string? ErrorMessage { get; set; }
    [JsonPropertyName("requestParameters")] public JsonElement? RequestParameters { get; set; }
    [JsonPropertyName("responseElements")] public JsonElement? ResponseElements { get; set; }
    [JsonPropertyName("additionalEventData")] public JsonElement? AdditionalEventData { get; set; }
    [JsonPropertyName("requestID")] public string? RequestId { get; set; }
    [JsonPropertyName("eventID")] public string? EventId { get; set; }
    [JsonPropertyName("eventType")] public string? EventType { get; set; }
    [JsonPropertyName("apiVersion")] public string? ApiVersion { get; set; }
    [JsonPropertyName("managementEvent")] public bool? ManagementEvent { get; set; }
    [JsonPropertyName("readOnly")] public bool? ReadOnly { get; set; }
    [JsonPropertyName("resources")] public List<StjResource>? Resources { get; set; }
    [JsonPropertyName("recipientAccountId")] public string? RecipientAccountId { get; set; }
    [JsonPropertyName("serviceEventDetails")] public JsonElement? ServiceEventDetails { get; set; }
    [JsonPropertyName("sharedEventID")] public string? SharedEventId { get; set; }
    [JsonPropertyName("vpcEndpointId")] public string? VpcEndpointId { get; set; }
    [JsonPropertyName("vpcEndpointAccountId")] public string? VpcEndpointAccountId { get; set; }
    [JsonPropertyName("eventCategory")] public string? EventCategory { get; set; }
    [JsonPropertyName("sessionCredentialFromConsole")] public string? SessionCredentialFromConsole { get; set; }
    [JsonPropertyName("tlsDetails")] public StjTlsDetails? TlsDetails { get; set; }

    // Filled after deserialization from the payloads, per eventName.
    [JsonIgnore] public object? TypedPayload { get; set; }
}

public sealed class StjUserIdentity
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("principalId")] public string? PrincipalId { get; set; }
    [JsonPropertyName("arn")] public string? Arn { get; set; }
    [JsonPropertyName("accountId")] public string? AccountId { get; set; }
    [JsonPropertyName("accessKeyId")] public string? AccessKeyId { get; set; }
    [JsonPropertyName("userName")] public string? UserName { get; set; }
    [JsonPropertyName("invokedBy")] public string? InvokedBy { get; set; }
    [JsonPropertyName("sessionContext")] public StjSessionContext? SessionContext { get; set; }
    [JsonPropertyName("identityProvider")] public string? IdentityProvider { get; set; }
    [JsonPropertyName("credentialId")] public string? CredentialId { get; set; }
}

public sealed class StjSessionContext
{
    [JsonPropertyName("sessionIssuer")] public StjSessionIssuer? SessionIssuer { get; set; }
    [JsonPropertyName("webIdFederationData")] public StjWebIdFederationData? WebIdFederationData { get; set; }
    [JsonPropertyName("attributes")] public StjSessionAttributes? Attributes { get; set; }
    [JsonPropertyName("sourceIdentity")] public string? SourceIdentity { get; set; }
    [JsonPropertyName("ec2RoleDelivery")] public string? Ec2RoleDelivery { get; set; }
}

public sealed class StjSessionIssuer
{
    [JsonPropertyName("type")] public string? Type { get; set; }
    [JsonPropertyName("principalId")] public string? PrincipalId { get; set; }
    [JsonPropertyName("arn")] public string? Arn { get; set; }
    [JsonPropertyName("accountId")] public string? AccountId { get; set; }
    [JsonPropertyName("userName")] public string? UserName { get; set; }
}

public sealed class StjWebIdFederationData
{
    [JsonPropertyName("federatedProvider")] public string? FederatedProvider { get; set; }
    [JsonPropertyName("attributes")] public Dictionary<string, string>? Attributes { get; set; }
}

public sealed class StjSessionAttributes
{
    [JsonPropertyName("creationDate")] public DateTimeOffset? CreationDate { get; set; }
    [JsonPropertyName("mfaAuthenticated")] public string? MfaAuthenticated { get; set; }
}

public sealed class StjTlsDetails
{
    [JsonPropertyName("tlsVersion")] public string? TlsVersion { get; set; }
    [JsonPropertyName("cipherSuite")] public string? CipherSuite { get; set; }
    [JsonPropertyName("clientProvidedHostHeader")] public string? ClientProvidedHostHeader { get; set; }
    [JsonPropertyName("keyExchange")] public string? KeyExchange { get; set; }
}

public sealed class StjResource
{
    [JsonPropertyName("ARN")] public string? Arn { get; set; }
    [JsonPropertyName("ARNPrefix")] public string? ArnPrefix { get; set; }
    [JsonPropertyName("accountId")] public string? AccountId { get; set; }
    [JsonPropertyName("type")] public string? Type { get; set; }
}
