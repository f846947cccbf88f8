using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading.Tasks;
using GlacierTrail.Events;
using Xunit;

namespace GlacierTrail.Parquet.Tests.Infrastructure;

/// <summary>
/// Every Glacier fixture, and the records of <see cref="ExtraRecords"/>, read with the generated
/// dispatcher and exported once into a temporary dataset for the tests to query.
/// </summary>
public sealed class ExportedDataset : IAsyncLifetime
{
    public const string UnknownFieldsEventId = "7f1c1c1e-0000-4000-8000-00000000f1e1";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "glaciertrail-export-" + Guid.NewGuid().ToString("N"));

    public List<CloudTrailEvent> Events { get; } = new();

    public ParquetExportResult Result { get; private set; } = null!;

    /// <summary>A consumer's event (own schema), a record with fields no schema names, and one without time, account or region.</summary>
    public static string ExtraRecords => """
        {"eventVersion":"1.11","eventTime":"2025-05-01T10:00:00Z","eventSource":"widgets.example.com","eventName":"RotateWidget","awsRegion":"eu-north-1","recipientAccountId":"012345678901","eventID":"0b3c5a7e-0000-4000-8000-000000000001",
         "requestParameters":{"widgetId":"w-1","generation":7,"mode":"safe","dryRun":false,"rotatedAt":"2025-05-01T09:59:58.123456Z","labels":["a",null,"c"],"matrix":[[1,2],[],[3]],"limits":{"cpu":4,"mem":16},
           "owners":{"alice":{"arn":"arn:aws:iam::012345678901:user/alice","since":"2024-01-01T00:00:00Z"},"bob":{"arn":null}},
           "steps":[{"order":1,"tags":["x","y"]},{"order":2,"tags":[]},{"order":3}],
           "root":{"name":"frame","weight":2.5,"children":[{"name":"wheel","weight":0.5,"children":[{"name":"spoke"}]},{"name":"seat"}]},
           "extra":{"any":["json",1]},"marker":{}},
         "responseElements":{"rotated":true}}
        {"eventVersion":"1.11","eventTime":"2025-05-01T10:00:01Z","eventSource":"widgets.example.com","eventName":"RotateWidget","awsRegion":"eu-north-1","recipientAccountId":"012345678901","eventID":"0b3c5a7e-0000-4000-8000-000000000002",
         "requestParameters":{"widgetId":"w-2","labels":[],"steps":[],"limits":{},"owners":{}},"responseElements":null}
        {"eventVersion":"1.11","eventTime":"2025-05-02T00:00:00Z","eventSource":"glacier.amazonaws.com","eventName":"CreateVault","awsRegion":"us-east-1","recipientAccountId":"111122223333","eventID":"7f1c1c1e-0000-4000-8000-00000000f1e1",
         "futureEnvelopeField":{"added":"later"},"requestParameters":{"accountId":"-","vaultName":"v","vaultTier":"deep"},"responseElements":{"location":"/111122223333/vaults/v"}}
        {"eventVersion":"1.11","eventSource":"glacier.amazonaws.com","eventName":"ListVaults","eventID":"7f1c1c1e-0000-4000-8000-0000000000aa","requestParameters":{"accountId":"-"}}
        """;

    public async Task InitializeAsync()
    {
        foreach (string file in Directory.GetFiles(FixtureDirectory(), "*.json"))
        {
            await foreach (var evt in GlacierTrailEvents.ReadFileAsync(file))
            {
                Events.Add(evt);
            }
        }

        Events.AddRange(GlacierTrailEvents.Read(Encoding.UTF8.GetBytes(ExtraRecords.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n         ", string.Empty, StringComparison.Ordinal))));
        await using var writer = new ParquetDatasetWriter(Root, GlacierTrailEvents.Factory, GlacierTrailEvents.ExportTables, new ParquetExportOptions { RunId = "test" });
        foreach (var evt in Events)
        {
            await writer.WriteAsync(evt);
        }

        Result = await writer.CompleteAsync();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    public static string FixtureDirectory([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "fixtures", "glacier"));
}
