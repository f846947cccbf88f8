using System.Text.Json;
using GlacierTrail.Bench.Contenders.Stj;
using GlacierTrail.Bench.Corpus;

namespace GlacierTrail.Bench.Contenders;

/// <summary>
/// Contender 3: System.Text.Json source generation into equivalent classes, the payloads read as
/// <see cref="JsonElement"/> and deserialized per eventName into their own classes.
/// </summary>
internal sealed class StjSourceGenContender : IContender
{
    public string Name => "3 System.Text.Json source gen";

    public RunResult Run(CorpusData corpus)
    {
        long records = 0, checksum = 0;
        foreach (byte[] file in corpus.Files)
        {
            var log = JsonSerializer.Deserialize(file, StjContext.Default.StjLogFile)!;
            foreach (var record in log.Records!)
            {
                records++;
                if (record.EventSource == "glacier.amazonaws.com")
                {
                    record.TypedPayload = StjGlacierPayloads.Read(record.EventName!, record.RequestParameters, record.ResponseElements);
                }

                checksum += record.EventTime.Second + (record.TypedPayload is null ? 0 : 1) + (record.UserIdentity?.Arn?.Length ?? 0);
            }
        }

        return new RunResult(records, checksum);
    }
}
