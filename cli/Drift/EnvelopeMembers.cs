using System.Collections.Generic;

namespace GlacierTrail.Cli.Drift;

/// <summary>
/// Envelope members nothing declares: the ones the runtime kept as extension data on the event
/// and on each envelope object, because neither the runtime's envelope nor the types generated
/// from <c>cloudtrail-record.schema.json</c> name them. Read from the typed event, so the
/// envelope is known in one place, the runtime; a value of the wrong type there is a problem
/// on the event, reported with the others.
/// </summary>
internal static class EnvelopeMembers
{
    public static void ReportUnknown(CloudTrailEvent evt, DriftReport report, string example)
    {
        Report(evt.ExtensionData, string.Empty, report, example);
        if (evt.UserIdentity is { } identity)
        {
            Report(identity.ExtensionData, "userIdentity.", report, example);
            Report(identity.InvokedByDelegate?.ExtensionData, "userIdentity.invokedByDelegate.", report, example);
            Report(identity.OnBehalfOf?.ExtensionData, "userIdentity.onBehalfOf.", report, example);
            Report(identity.InScopeOf?.ExtensionData, "userIdentity.inScopeOf.", report, example);
            if (identity.SessionContext is { } session)
            {
                Report(session.ExtensionData, "userIdentity.sessionContext.", report, example);
                Report(session.SessionIssuer?.ExtensionData, "userIdentity.sessionContext.sessionIssuer.", report, example);
                Report(session.WebIdFederationData?.ExtensionData, "userIdentity.sessionContext.webIdFederationData.", report, example);
                Report(session.Attributes?.ExtensionData, "userIdentity.sessionContext.attributes.", report, example);
            }
        }

        if (evt.Resources is { } resources)
        {
            foreach (var resource in resources)
            {
                Report(resource?.ExtensionData, "resources[].", report, example);
            }
        }

        Report(evt.TlsDetails?.ExtensionData, "tlsDetails.", report, example);
        Report(evt.Addendum?.ExtensionData, "addendum.", report, example);
    }

    private static void Report(IReadOnlyList<RawJsonProperty>? extensionData, string prefix, DriftReport report, string example)
    {
        if (extensionData is null)
        {
            return;
        }

        foreach (var member in extensionData)
        {
            report.Unknown(prefix + member.Name, example);
        }
    }
}
