// Classes for System.Text.Json source generation: what a careful user writes by hand for the
// Glacier payloads today. Written from schemas/glacier/*.schema.json (one class per payload
// and shared type, every member with its exact JSON name) so the contender reads what ours reads.
using System.Text.Json.Serialization;

namespace GlacierTrail.Bench.Contenders.Stj;

public sealed class StjAbortMultipartUploadRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }

    [JsonPropertyName("uploadId")]
    public string? UploadId { get; set; }
}

public sealed class StjAbortVaultLockRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }
}

public sealed class StjAddTagsToVaultRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }

    [JsonPropertyName("tags")]
    public global::System.Collections.Generic.Dictionary<string, string>? Tags { get; set; }
}

public sealed class StjCompleteMultipartUploadRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }

    [JsonPropertyName("uploadId")]
    public string? UploadId { get; set; }

    [JsonPropertyName("archiveSize")]
    public string? ArchiveSize { get; set; }

    [JsonPropertyName("checksum")]
    public string? Checksum { get; set; }
}

public sealed class StjCompleteMultipartUploadResponseElements
{
    [JsonPropertyName("location")]
    public string? Location { get; set; }

    [JsonPropertyName("checksum")]
    public string? Checksum { get; set; }

    [JsonPropertyName("archiveId")]
    public string? ArchiveId { get; set; }
}

public sealed class StjCompleteVaultLockRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }

    [JsonPropertyName("lockId")]
    public string? LockId { get; set; }
}

public sealed class StjCreateVaultRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }
}

public sealed class StjCreateVaultResponseElements
{
    [JsonPropertyName("location")]
    public string? Location { get; set; }
}

public sealed class StjDeleteArchiveRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }

    [JsonPropertyName("archiveId")]
    public string? ArchiveId { get; set; }
}

public sealed class StjDeleteVaultRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }
}

public sealed class StjDeleteVaultAccessPolicyRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }
}

public sealed class StjDeleteVaultNotificationsRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }
}

public sealed class StjDescribeJobRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }

    [JsonPropertyName("jobId")]
    public string? JobId { get; set; }
}

public sealed class StjDescribeVaultRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }
}

public sealed class StjGetDataRetrievalPolicyRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }
}

public sealed class StjGetJobOutputRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }

    [JsonPropertyName("jobId")]
    public string? JobId { get; set; }

    [JsonPropertyName("range")]
    public string? Range { get; set; }
}

public sealed class StjGetVaultAccessPolicyRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }
}

public sealed class StjGetVaultLockRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }
}

public sealed class StjGetVaultNotificationsRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }
}

public sealed class StjInventoryRetrievalParameters
{
    [JsonPropertyName("startDate")]
    public string? StartDate { get; set; }

    [JsonPropertyName("endDate")]
    public string? EndDate { get; set; }

    [JsonPropertyName("limit")]
    public string? Limit { get; set; }

    [JsonPropertyName("marker")]
    public string? Marker { get; set; }
}

public sealed class StjCsvInput
{
    [JsonPropertyName("fileHeaderInfo")]
    public string? FileHeaderInfo { get; set; }

    [JsonPropertyName("comments")]
    public string? Comments { get; set; }

    [JsonPropertyName("quoteEscapeCharacter")]
    public string? QuoteEscapeCharacter { get; set; }

    [JsonPropertyName("recordDelimiter")]
    public string? RecordDelimiter { get; set; }

    [JsonPropertyName("fieldDelimiter")]
    public string? FieldDelimiter { get; set; }

    [JsonPropertyName("quoteCharacter")]
    public string? QuoteCharacter { get; set; }
}

public sealed class StjInputSerialization
{
    [JsonPropertyName("csv")]
    public StjCsvInput? Csv { get; set; }
}

public sealed class StjCsvOutput
{
    [JsonPropertyName("quoteFields")]
    public string? QuoteFields { get; set; }

    [JsonPropertyName("quoteEscapeCharacter")]
    public string? QuoteEscapeCharacter { get; set; }

    [JsonPropertyName("recordDelimiter")]
    public string? RecordDelimiter { get; set; }

    [JsonPropertyName("fieldDelimiter")]
    public string? FieldDelimiter { get; set; }

    [JsonPropertyName("quoteCharacter")]
    public string? QuoteCharacter { get; set; }
}

public sealed class StjOutputSerialization
{
    [JsonPropertyName("csv")]
    public StjCsvOutput? Csv { get; set; }
}

public sealed class StjSelectParameters
{
    [JsonPropertyName("inputSerialization")]
    public StjInputSerialization? InputSerialization { get; set; }

    [JsonPropertyName("expressionType")]
    public string? ExpressionType { get; set; }

    [JsonPropertyName("expression")]
    public string? Expression { get; set; }

    [JsonPropertyName("outputSerialization")]
    public StjOutputSerialization? OutputSerialization { get; set; }
}

public sealed class StjEncryption
{
    [JsonPropertyName("encryptionType")]
    public string? EncryptionType { get; set; }

    [JsonPropertyName("kMSKeyId")]
    public string? KMSKeyId { get; set; }

    [JsonPropertyName("kMSContext")]
    public string? KMSContext { get; set; }
}

public sealed class StjGrantee
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("displayName")]
    public string? DisplayName { get; set; }

    [JsonPropertyName("uRI")]
    public string? URI { get; set; }

    [JsonPropertyName("iD")]
    public string? ID { get; set; }

    [JsonPropertyName("emailAddress")]
    public string? EmailAddress { get; set; }
}

public sealed class StjGrant
{
    [JsonPropertyName("grantee")]
    public StjGrantee? Grantee { get; set; }

    [JsonPropertyName("permission")]
    public string? Permission { get; set; }
}

public sealed class StjS3Location
{
    [JsonPropertyName("bucketName")]
    public string? BucketName { get; set; }

    [JsonPropertyName("prefix")]
    public string? Prefix { get; set; }

    [JsonPropertyName("encryption")]
    public StjEncryption? Encryption { get; set; }

    [JsonPropertyName("cannedACL")]
    public string? CannedACL { get; set; }

    [JsonPropertyName("accessControlList")]
    public global::System.Collections.Generic.List<StjGrant>? AccessControlList { get; set; }

    [JsonPropertyName("tagging")]
    public global::System.Collections.Generic.Dictionary<string, string>? Tagging { get; set; }

    [JsonPropertyName("userMetadata")]
    public global::System.Collections.Generic.Dictionary<string, string>? UserMetadata { get; set; }

    [JsonPropertyName("storageClass")]
    public string? StorageClass { get; set; }
}

public sealed class StjOutputLocation
{
    [JsonPropertyName("s3")]
    public StjS3Location? S3 { get; set; }
}

public sealed class StjJobParameters
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("format")]
    public string? Format { get; set; }

    [JsonPropertyName("archiveId")]
    public string? ArchiveId { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("sNSTopic")]
    public string? SNSTopic { get; set; }

    [JsonPropertyName("retrievalByteRange")]
    public string? RetrievalByteRange { get; set; }

    [JsonPropertyName("tier")]
    public string? Tier { get; set; }

    [JsonPropertyName("inventoryRetrievalParameters")]
    public StjInventoryRetrievalParameters? InventoryRetrievalParameters { get; set; }

    [JsonPropertyName("selectParameters")]
    public StjSelectParameters? SelectParameters { get; set; }

    [JsonPropertyName("outputLocation")]
    public StjOutputLocation? OutputLocation { get; set; }
}

public sealed class StjInitiateJobRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }

    [JsonPropertyName("jobParameters")]
    public StjJobParameters? JobParameters { get; set; }
}

public sealed class StjInitiateJobResponseElements
{
    [JsonPropertyName("location")]
    public string? Location { get; set; }

    [JsonPropertyName("jobId")]
    public string? JobId { get; set; }

    [JsonPropertyName("jobOutputPath")]
    public string? JobOutputPath { get; set; }
}

public sealed class StjInitiateMultipartUploadRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }

    [JsonPropertyName("archiveDescription")]
    public string? ArchiveDescription { get; set; }

    [JsonPropertyName("partSize")]
    public string? PartSize { get; set; }
}

public sealed class StjInitiateMultipartUploadResponseElements
{
    [JsonPropertyName("location")]
    public string? Location { get; set; }

    [JsonPropertyName("uploadId")]
    public string? UploadId { get; set; }
}

public sealed class StjVaultLockPolicy
{
    [JsonPropertyName("policy")]
    public string? Policy { get; set; }
}

public sealed class StjInitiateVaultLockRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }

    [JsonPropertyName("policy")]
    public StjVaultLockPolicy? Policy { get; set; }
}

public sealed class StjInitiateVaultLockResponseElements
{
    [JsonPropertyName("lockId")]
    public string? LockId { get; set; }
}

public sealed class StjListJobsRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }

    [JsonPropertyName("limit")]
    public string? Limit { get; set; }

    [JsonPropertyName("marker")]
    public string? Marker { get; set; }

    [JsonPropertyName("statuscode")]
    public string? Statuscode { get; set; }

    [JsonPropertyName("completed")]
    public string? Completed { get; set; }
}

public sealed class StjListMultipartUploadsRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }

    [JsonPropertyName("marker")]
    public string? Marker { get; set; }

    [JsonPropertyName("limit")]
    public string? Limit { get; set; }
}

public sealed class StjListPartsRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }

    [JsonPropertyName("uploadId")]
    public string? UploadId { get; set; }

    [JsonPropertyName("marker")]
    public string? Marker { get; set; }

    [JsonPropertyName("limit")]
    public string? Limit { get; set; }
}

public sealed class StjListProvisionedCapacityRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }
}

public sealed class StjListTagsForVaultRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }
}

public sealed class StjListVaultsRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("marker")]
    public string? Marker { get; set; }

    [JsonPropertyName("limit")]
    public string? Limit { get; set; }
}

public sealed class StjPurchaseProvisionedCapacityRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }
}

public sealed class StjPurchaseProvisionedCapacityResponseElements
{
    [JsonPropertyName("capacityId")]
    public string? CapacityId { get; set; }
}

public sealed class StjRemoveTagsFromVaultRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }

    [JsonPropertyName("tagKeys")]
    public global::System.Collections.Generic.List<string>? TagKeys { get; set; }
}

public sealed class StjDataRetrievalRule
{
    [JsonPropertyName("strategy")]
    public string? Strategy { get; set; }

    [JsonPropertyName("bytesPerHour")]
    public long? BytesPerHour { get; set; }
}

public sealed class StjDataRetrievalPolicy
{
    [JsonPropertyName("rules")]
    public global::System.Collections.Generic.List<StjDataRetrievalRule>? Rules { get; set; }
}

public sealed class StjSetDataRetrievalPolicyRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("policy")]
    public StjDataRetrievalPolicy? Policy { get; set; }
}

public sealed class StjVaultAccessPolicy
{
    [JsonPropertyName("policy")]
    public string? Policy { get; set; }
}

public sealed class StjSetVaultAccessPolicyRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }

    [JsonPropertyName("policy")]
    public StjVaultAccessPolicy? Policy { get; set; }
}

public sealed class StjVaultNotificationConfig
{
    [JsonPropertyName("sNSTopic")]
    public string? SNSTopic { get; set; }

    [JsonPropertyName("events")]
    public global::System.Collections.Generic.List<string>? Events { get; set; }
}

public sealed class StjSetVaultNotificationsRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }

    [JsonPropertyName("vaultNotificationConfig")]
    public StjVaultNotificationConfig? VaultNotificationConfig { get; set; }
}

public sealed class StjUploadArchiveRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }

    [JsonPropertyName("archiveDescription")]
    public string? ArchiveDescription { get; set; }

    [JsonPropertyName("checksum")]
    public string? Checksum { get; set; }
}

public sealed class StjUploadArchiveResponseElements
{
    [JsonPropertyName("location")]
    public string? Location { get; set; }

    [JsonPropertyName("checksum")]
    public string? Checksum { get; set; }

    [JsonPropertyName("archiveId")]
    public string? ArchiveId { get; set; }
}

public sealed class StjUploadMultipartPartRequestParameters
{
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    [JsonPropertyName("vaultName")]
    public string? VaultName { get; set; }

    [JsonPropertyName("uploadId")]
    public string? UploadId { get; set; }

    [JsonPropertyName("checksum")]
    public string? Checksum { get; set; }

    [JsonPropertyName("range")]
    public string? Range { get; set; }
}

public sealed class StjUploadMultipartPartResponseElements
{
    [JsonPropertyName("checksum")]
    public string? Checksum { get; set; }
}
