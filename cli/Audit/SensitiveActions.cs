using System;
using System.Collections.Generic;

namespace GlacierTrail.Cli.Audit;

/// <summary>
/// The sensitive actions of the product contract, one list for every view of them (the
/// summary's section, a report): deletions, access policy, vault lock and notification changes,
/// data retrieval policy changes, retrievals, and denied calls. An action counts when it was
/// done: a call with an error code did not delete or change anything, so it is never counted as
/// the action; a denied call, of any event, is counted as denied.
/// </summary>
public static class SensitiveActions
{
    /// <summary>The service whose event names the categories list.</summary>
    public const string GlacierSource = "glacier.amazonaws.com";

    public static readonly SensitiveActionCategory Deletions = new("deletions", "deletions", ["DeleteVault", "DeleteArchive"]);

    public static readonly SensitiveActionCategory AccessPolicy = new("accessPolicy", "access policy changes", ["SetVaultAccessPolicy", "DeleteVaultAccessPolicy"]);

    public static readonly SensitiveActionCategory VaultLock = new("vaultLock", "vault lock changes", ["InitiateVaultLock", "CompleteVaultLock", "AbortVaultLock"]);

    public static readonly SensitiveActionCategory Notifications = new("notifications", "notification changes", ["SetVaultNotifications", "DeleteVaultNotifications"]);

    public static readonly SensitiveActionCategory DataRetrievalPolicy = new("dataRetrievalPolicy", "data retrieval policy changes", ["SetDataRetrievalPolicy"]);

    /// <summary>Retrieval jobs started (<c>InitiateJob</c>), counted by tier and type as well.</summary>
    public static readonly SensitiveActionCategory Retrievals = new("retrievals", "retrievals", ["InitiateJob"]);

    /// <summary>Calls of any event refused for want of permission (see <see cref="IsAccessDenied"/>).</summary>
    public static readonly SensitiveActionCategory Denied = new("denied", "denied calls", []);

    /// <summary>Every category, in the order they are shown.</summary>
    public static IReadOnlyList<SensitiveActionCategory> All { get; } = [Deletions, AccessPolicy, VaultLock, Notifications, DataRetrievalPolicy, Retrievals, Denied];

    /// <summary>The error codes of access denial that AWS services write to CloudTrail.</summary>
    public static IReadOnlySet<string> AccessDeniedCodes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "Client.UnauthorizedOperation", "UnauthorizedAccess", "UnauthorizedException",
    };

    private static readonly Dictionary<string, SensitiveActionCategory> ByEventName = Index();

    /// <summary>Whether an error code says the caller lacked permission.</summary>
    public static bool IsAccessDenied(string? errorCode) => errorCode is not null && AccessDeniedCodes.Contains(errorCode);

    /// <summary>The category an event counts in, or null: a successful sensitive Glacier call, or a denied call.</summary>
    public static SensitiveActionCategory? CategoryOf(CloudTrailEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        if (evt.ErrorCode is not null)
        {
            return IsAccessDenied(evt.ErrorCode) ? Denied : null;
        }

        return string.Equals(evt.EventSource, GlacierSource, StringComparison.Ordinal) && ByEventName.TryGetValue(evt.EventName, out var category) ? category : null;
    }

    private static Dictionary<string, SensitiveActionCategory> Index()
    {
        var index = new Dictionary<string, SensitiveActionCategory>(StringComparer.Ordinal);
        foreach (var category in All)
        {
            foreach (string name in category.EventNames)
            {
                index.Add(name, category);
            }
        }

        return index;
    }
}
