using System.Text.Json;
using GlacierTrail.Bench.Corpus;

namespace GlacierTrail.Bench.Contenders;

/// <summary>Contender 1, the floor: a <see cref="Utf8JsonReader"/> walk over every token, materialising nothing.</summary>
internal sealed class TokenWalkFloor : IContender
{
    public string Name => "1 floor: Utf8JsonReader token walk";

    public RunResult Run(CorpusData corpus)
    {
        long records = 0, tokens = 0;
        foreach (byte[] file in corpus.Files)
        {
            var reader = new Utf8JsonReader(file);
            while (reader.Read())
            {
                tokens++;
                if (reader.TokenType == JsonTokenType.StartObject && reader.CurrentDepth == 2)
                {
                    records++;
                }
            }
        }

        return new RunResult(records, tokens);
    }
}
