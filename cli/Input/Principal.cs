using System;

namespace GlacierTrail.Cli.Input;

/// <summary>Who made a call, for display and for <c>--principal</c>.</summary>
internal static class Principal
{
    /// <summary>The ARN, or the calling service, or the principal ID.</summary>
    public static string? Display(CloudTrailEvent evt) =>
        evt.UserIdentity?.Arn ?? evt.UserIdentity?.InvokedBy ?? evt.UserIdentity?.PrincipalId;

    /// <summary>
    /// A principal for a narrow column: an ARN without its <c>arn:partition:service::account:</c>
    /// head (<c>assumed-role/AuditRole/alice</c>, <c>user/bob</c>); anything else as it is.
    /// </summary>
    public static string? Short(string? display)
    {
        if (display is null || !display.StartsWith("arn:", StringComparison.Ordinal))
        {
            return display;
        }

        int colon = -1;
        for (int i = 0; i < 5; i++)
        {
            colon = display.IndexOf(':', colon + 1);
            if (colon < 0)
            {
                return display;
            }
        }

        return colon + 1 < display.Length ? display[(colon + 1)..] : display;
    }

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
