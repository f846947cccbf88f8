namespace GlacierTrail.Integrity;

/// <summary>A file's place in CloudTrail's <c>AWSLogs/</c> layout.</summary>
/// <param name="BaseDirectory">The local folder that holds <c>AWSLogs</c> (empty for a place read from an S3 key).</param>
/// <param name="Key">The key from <c>AWSLogs/</c> on, with <c>/</c> separators.</param>
/// <param name="OrganizationId">The organization ID segment of an organization trail, or null.</param>
/// <param name="AccountId">The account segment.</param>
/// <param name="IsDigest">Whether the file is under <c>CloudTrail-Digest</c> rather than <c>CloudTrail</c>.</param>
/// <param name="Region">The region segment.</param>
/// <param name="FileName">The last segment.</param>
internal sealed record AwsLogsLocation(string BaseDirectory, string Key, string? OrganizationId, string AccountId, bool IsDigest, string Region, string FileName)
{
    /// <summary>Identifies the account and region of one synced tree: log files there are covered by the digests of the same area.</summary>
    public string Area => BaseDirectory + "|" + OrganizationId + "|" + AccountId + "|" + Region;
}
