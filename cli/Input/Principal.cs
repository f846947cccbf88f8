using System;

namespace GlacierTrail.Cli.Input;

/// <summary>Who made a call, for display and for <c>--principal</c>.</summary>
internal static class Principal
{
    /// <summary>The ARN, or the calling service, or the principal ID.</summary>
    public static string? Display(CloudTrailEvent evt) =>
        evt.UserIdentity?.Arn ?? evt.UserIdentity?.InvokedBy ?? evt.UserIdentity?.PrincipalId;

    /// <summary>
    /// Whether <paramref name="wanted"/> names the caller: its ARN, its user name, the role it
    /// assumed (name or ARN), or the last part of its ARN (a user's name, a role session's name).
    /// </summary>
    public static bool Matches(CloudTrailEvent evt, string wanted)
    {
        var identity = evt.UserIdentity;
        if (identity is null)
        {
            return false;
        }

        if (Is(identity.Arn, wanted) || Is(identity.UserName, wanted) || Is(identity.InvokedBy, wanted)
            || Is(identity.SessionContext?.SessionIssuer?.Arn, wanted) || Is(identity.SessionContext?.SessionIssuer?.UserName, wanted))
        {
            return true;
        }

        string? arn = identity.Arn;
        int slash = arn?.LastIndexOf('/') ?? -1;
        return slash >= 0 && Is(arn![(slash + 1)..], wanted);
    }

    private static bool Is(string? value, string wanted) => value is not null && string.Equals(value, wanted, StringComparison.Ordinal);
}
