using System.Text.Json;

namespace GlacierTrail.Bench.Contenders.Stj;

/// <summary>Per eventName: the payloads deserialized into their own classes, as a careful user dispatches by hand.</summary>
internal static class StjGlacierPayloads
{
    public static object? Read(string eventName, JsonElement? request, JsonElement? response) => eventName switch
    {
        "AbortMultipartUpload" => Pair(Deserialize(request, StjContext.Default.StjAbortMultipartUploadRequestParameters), null),
        "AbortVaultLock" => Pair(Deserialize(request, StjContext.Default.StjAbortVaultLockRequestParameters), null),
        "AddTagsToVault" => Pair(Deserialize(request, StjContext.Default.StjAddTagsToVaultRequestParameters), null),
        "CompleteMultipartUpload" => Pair(Deserialize(request, StjContext.Default.StjCompleteMultipartUploadRequestParameters), Deserialize(response, StjContext.Default.StjCompleteMultipartUploadResponseElements)),
        "CompleteVaultLock" => Pair(Deserialize(request, StjContext.Default.StjCompleteVaultLockRequestParameters), null),
        "CreateVault" => Pair(Deserialize(request, StjContext.Default.StjCreateVaultRequestParameters), Deserialize(response, StjContext.Default.StjCreateVaultResponseElements)),
        "DeleteArchive" => Pair(Deserialize(request, StjContext.Default.StjDeleteArchiveRequestParameters), null),
        "DeleteVault" => Pair(Deserialize(request, StjContext.Default.StjDeleteVaultRequestParameters), null),
        "DeleteVaultAccessPolicy" => Pair(Deserialize(request, StjContext.Default.StjDeleteVaultAccessPolicyRequestParameters), null),
        "DeleteVaultNotifications" => Pair(Deserialize(request, StjContext.Default.StjDeleteVaultNotificationsRequestParameters), null),
        "DescribeJob" => Pair(Deserialize(request, StjContext.Default.StjDescribeJobRequestParameters), null),
        "DescribeVault" => Pair(Deserialize(request, StjContext.Default.StjDescribeVaultRequestParameters), null),
        "GetDataRetrievalPolicy" => Pair(Deserialize(request, StjContext.Default.StjGetDataRetrievalPolicyRequestParameters), null),
        "GetJobOutput" => Pair(Deserialize(request, StjContext.Default.StjGetJobOutputRequestParameters), null),
        "GetVaultAccessPolicy" => Pair(Deserialize(request, StjContext.Default.StjGetVaultAccessPolicyRequestParameters), null),
        "GetVaultLock" => Pair(Deserialize(request, StjContext.Default.StjGetVaultLockRequestParameters), null),
        "GetVaultNotifications" => Pair(Deserialize(request, StjContext.Default.StjGetVaultNotificationsRequestParameters), null),
        "InitiateJob" => Pair(Deserialize(request, StjContext.Default.StjInitiateJobRequestParameters), Deserialize(response, StjContext.Default.StjInitiateJobResponseElements)),
        "InitiateMultipartUpload" => Pair(Deserialize(request, StjContext.Default.StjInitiateMultipartUploadRequestParameters), Deserialize(response, StjContext.Default.StjInitiateMultipartUploadResponseElements)),
        "InitiateVaultLock" => Pair(Deserialize(request, StjContext.Default.StjInitiateVaultLockRequestParameters), Deserialize(response, StjContext.Default.StjInitiateVaultLockResponseElements)),
        "ListJobs" => Pair(Deserialize(request, StjContext.Default.StjListJobsRequestParameters), null),
        "ListMultipartUploads" => Pair(Deserialize(request, StjContext.Default.StjListMultipartUploadsRequestParameters), null),
        "ListParts" => Pair(Deserialize(request, StjContext.Default.StjListPartsRequestParameters), null),
        "ListProvisionedCapacity" => Pair(Deserialize(request, StjContext.Default.StjListProvisionedCapacityRequestParameters), null),
        "ListTagsForVault" => Pair(Deserialize(request, StjContext.Default.StjListTagsForVaultRequestParameters), null),
        "ListVaults" => Pair(Deserialize(request, StjContext.Default.StjListVaultsRequestParameters), null),
        "PurchaseProvisionedCapacity" => Pair(Deserialize(request, StjContext.Default.StjPurchaseProvisionedCapacityRequestParameters), Deserialize(response, StjContext.Default.StjPurchaseProvisionedCapacityResponseElements)),
        "RemoveTagsFromVault" => Pair(Deserialize(request, StjContext.Default.StjRemoveTagsFromVaultRequestParameters), null),
        "SetDataRetrievalPolicy" => Pair(Deserialize(request, StjContext.Default.StjSetDataRetrievalPolicyRequestParameters), null),
        "SetVaultAccessPolicy" => Pair(Deserialize(request, StjContext.Default.StjSetVaultAccessPolicyRequestParameters), null),
        "SetVaultNotifications" => Pair(Deserialize(request, StjContext.Default.StjSetVaultNotificationsRequestParameters), null),
        "UploadArchive" => Pair(Deserialize(request, StjContext.Default.StjUploadArchiveRequestParameters), Deserialize(response, StjContext.Default.StjUploadArchiveResponseElements)),
        "UploadMultipartPart" => Pair(Deserialize(request, StjContext.Default.StjUploadMultipartPartRequestParameters), Deserialize(response, StjContext.Default.StjUploadMultipartPartResponseElements)),
        _ => null,
    };

    private static T? Deserialize<T>(JsonElement? element, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
        where T : class =>
        element is { ValueKind: JsonValueKind.Object } value ? value.Deserialize(info) : null;

    private static object? Pair(object? request, object? response) => request ?? response;
}
