namespace GlacierTrail;

/// <summary>What identifies an event type: the service that logged it and the API call's name.</summary>
/// <param name="EventSource">For example <c>glacier.amazonaws.com</c>.</param>
/// <param name="EventName">For example <c>CreateVault</c>.</param>
public readonly record struct CloudTrailEventKey(string EventSource, string EventName)
{
    /// <inheritdoc/>
    public override string ToString() => EventSource + "/" + EventName;
}
