using System;
using System.IO;
using System.Threading.Tasks;
using GlacierTrail;
using GlacierTrail.Events;

// Prints the typed Glacier events in the logs given (a file or a folder; default: the bundled samples).
string path = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "logs");
int count = 0;
var options = new CloudTrailReaderOptions
{
    ErrorHandling = CloudTrailErrorHandling.Skip,
    OnError = error => Console.Error.WriteLine($"skipped: {error.Message}"),
};

await foreach (var evt in GlacierTrailEvents.ReadFileAsync(path, options))
{
    count++;
    string who = evt.UserIdentity?.Arn ?? evt.UserIdentity?.InvokedBy ?? "(unknown principal)";
    string outcome = evt.ErrorCode is null ? "ok" : "DENIED " + evt.ErrorCode;
    string detail = evt switch
    {
        CreateVaultEvent e => $"vault={e.RequestParameters?.VaultName} location={e.ResponseElements?.Location}",
        DeleteVaultEvent e => $"vault={e.RequestParameters?.VaultName}",
        DeleteArchiveEvent e => $"vault={e.RequestParameters?.VaultName} archive={e.RequestParameters?.ArchiveId}",
        InitiateJobEvent e => $"vault={e.RequestParameters?.VaultName} type={e.RequestParameters?.JobParameters?.Type} tier={e.RequestParameters?.JobParameters?.Tier}",
        SetVaultAccessPolicyEvent e => $"vault={e.RequestParameters?.VaultName} policy={e.RequestParameters?.Policy?.Policy?.Length ?? 0} chars",
        UnknownCloudTrailEvent e => $"(no schema for {e.EventSource})",
        _ => string.Empty,
    };
    Console.WriteLine($"{evt.EventTime:yyyy-MM-dd HH:mm:ss} {evt.EventName,-28} {outcome,-20} {who} {detail}");
}

Console.WriteLine($"{count} events");
await Task.CompletedTask;
