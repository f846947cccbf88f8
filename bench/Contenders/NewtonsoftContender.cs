using System.IO;
using GlacierTrail.Bench.Corpus;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GlacierTrail.Bench.Contenders;

/// <summary>Contender 4: Newtonsoft.Json <see cref="JObject"/> per file, then the same lookups as contender 2.</summary>
internal sealed class NewtonsoftContender : IContender
{
    public string Name => "4 Newtonsoft.Json JObject";

    public RunResult Run(CorpusData corpus)
    {
        long records = 0, checksum = 0;
        foreach (byte[] file in corpus.Files)
        {
            using var text = new StreamReader(new MemoryStream(file));
            using var json = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None };
            var root = JObject.Load(json);
            foreach (var record in (JArray)root["Records"]!)
            {
                records++;
                foreach (var property in ((JObject)record).Properties())
                {
                    checksum += Value(property.Name, property.Value);
                }
            }
        }

        return new RunResult(records, checksum);
    }

    private static long Value(string name, JToken value)
    {
        switch (value.Type)
        {
            case JTokenType.String:
                return name is "eventTime" or "creationDate"
                    ? System.DateTimeOffset.Parse((string)value!, System.Globalization.CultureInfo.InvariantCulture).Second
                    : ((string)value!).Length;
            case JTokenType.Integer:
                return (long)value & 1;
            case JTokenType.Boolean:
                return (bool)value ? 1 : 0;
            case JTokenType.Object:
                long sum = 0;
                foreach (var property in ((JObject)value).Properties())
                {
                    sum += Value(property.Name, property.Value);
                }

                return sum;
            case JTokenType.Array:
                long items = 0;
                foreach (var item in (JArray)value)
                {
                    items += Value(name, item);
                }

                return items;
            default:
                return 0;
        }
    }
}
