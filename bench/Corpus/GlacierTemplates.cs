using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace GlacierTrail.Bench.Corpus;

/// <summary>
/// Every Glacier operation, with its success and denied fixture (tests/fixtures/glacier) as the
/// template for its payloads, and a weight: uploads and job polling dominate real Glacier traffic.
/// </summary>
internal sealed class GlacierTemplates
{
    private static readonly Dictionary<string, double> Weights = new(StringComparer.Ordinal)
    {
        ["UploadArchive"] = 20,
        ["UploadMultipartPart"] = 15,
        ["DescribeJob"] = 10,
        ["GetJobOutput"] = 8,
        ["InitiateJob"] = 8,
        ["ListJobs"] = 6,
        ["DescribeVault"] = 5,
        ["ListVaults"] = 5,
        ["DeleteArchive"] = 5,
        ["InitiateMultipartUpload"] = 4,
        ["CompleteMultipartUpload"] = 4,
        ["ListTagsForVault"] = 2,
        ["GetVaultNotifications"] = 2,
        ["GetVaultAccessPolicy"] = 2,
        ["ListParts"] = 1,
        ["ListMultipartUploads"] = 1,
        ["AbortMultipartUpload"] = 1,
    };

    private readonly Operation[] _operations;
    private readonly double[] _cumulative;

    private GlacierTemplates(Operation[] operations)
    {
        _operations = operations;
        _cumulative = new double[operations.Length];
        double total = 0;
        for (int i = 0; i < operations.Length; i++)
        {
            total += Weights.TryGetValue(operations[i].Name, out double w) ? w : 0.5;
            _cumulative[i] = total;
        }
    }

    public int Count => _operations.Length;

    public static GlacierTemplates Load(string fixtureDirectory)
    {
        var operations = new List<Operation>();
        foreach (string success in Directory.GetFiles(fixtureDirectory, "*.success.json"))
        {
            string name = Path.GetFileName(success)[..^".success.json".Length];
            string denied = Path.Combine(fixtureDirectory, name + ".denied.json");
            operations.Add(new Operation(name, Parse(success), Parse(File.Exists(denied) ? denied : success)));
        }

        operations.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        if (operations.Count == 0)
        {
            throw new InvalidOperationException($"no Glacier fixtures under {fixtureDirectory}");
        }

        return new GlacierTemplates(operations.ToArray());
    }

    public Operation Pick(Random random)
    {
        double u = random.NextDouble() * _cumulative[^1];
        int index = Array.BinarySearch(_cumulative, u);
        return _operations[index < 0 ? Math.Min(~index, _operations.Length - 1) : index];
    }

    private static JsonElement Parse(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.Clone();
    }

    internal sealed record Operation(string Name, JsonElement Success, JsonElement Denied);
}
