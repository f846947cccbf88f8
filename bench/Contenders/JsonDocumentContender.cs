using System.Text.Json;
using GlacierTrail.Bench.Corpus;

namespace GlacierTrail.Bench.Contenders;

/// <summary>Contender 2: <see cref="JsonDocument"/> parse of each file, then lookups of every field ours types.</summary>
internal sealed class JsonDocumentContender : IContender
{
    public string Name => "2 JsonDocument parse + lookup";

    public RunResult Run(CorpusData corpus)
    {
        long records = 0, checksum = 0;
        foreach (byte[] file in corpus.Files)
        {
            using var document = JsonDocument.Parse(file);
            foreach (var record in document.RootElement.GetProperty("Records").EnumerateArray())
            {
                records++;
                checksum += ReadRecord(record);
            }
        }

        return new RunResult(records, checksum);
    }

    private static long ReadRecord(JsonElement record)
    {
        long sum = 0;
        foreach (var property in record.EnumerateObject())
        {
            sum += Value(property);
        }

        return sum;
    }

    private static long Value(JsonProperty property) =>
        property.NameEquals("eventTime"u8) || property.NameEquals("creationDate"u8)
            ? property.Value.GetDateTimeOffset().Second
            : Value(property.Value);

    // Every member, typed as the schema says: strings materialised, timestamps and numbers parsed,
    // objects (identity, session, TLS, payloads) walked the same way.
    private static long Value(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString()!.Length;
            case JsonValueKind.Number:
                return value.TryGetInt64(out long n) ? n & 1 : 1;
            case JsonValueKind.True:
                return 1;
            case JsonValueKind.Object:
                long sum = 0;
                foreach (var property in value.EnumerateObject())
                {
                    sum += Value(property);
                }

                return sum;
            case JsonValueKind.Array:
                long items = 0;
                foreach (var item in value.EnumerateArray())
                {
                    items += Value(item);
                }

                return items;
            default:
                return 0;
        }
    }
}
