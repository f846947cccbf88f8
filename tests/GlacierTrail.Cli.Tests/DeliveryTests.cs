using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace GlacierTrail.Cli.Tests;

/// <summary>Records the default Glacier selection cannot place are written, not dropped.</summary>
public sealed class DeliveryTests
{
    [Fact]
    public async Task A_record_without_eventSource_is_written_by_default_with_its_warning_and_one_from_another_service_is_not()
    {
        string file = Path.Combine(Path.GetTempPath(), "glaciertrail-delivery-" + Guid.NewGuid().ToString("N") + ".ndjson");
        File.WriteAllText(file, string.Join('\n',
            """{"eventTime":"2025-01-06T22:36:13Z","eventName":"DeleteVault","eventID":"no-source"}""",
            """{"eventTime":"2025-01-06T22:36:14Z","eventSource":"s3.amazonaws.com","eventName":"DeleteBucket","eventID":"s3"}""",
            """{"eventTime":"2025-01-06T22:36:15Z","eventSource":"glacier.amazonaws.com","eventName":"DeleteVault","eventID":"glacier"}"""));
        try
        {
            var result = await CliRunner.RunAsync("events", file);

            Assert.Equal(0, result.Code);
            Assert.Equal(["no-source", "glacier"], result.Lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("eventID").GetString()));
            Assert.Contains("record 0: eventSource: ", result.Err, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
