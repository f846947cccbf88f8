using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using GlacierTrail.Events;
using Xunit;

namespace GlacierTrail.Robustness.Tests;

/// <summary>
/// The robustness corpus read as one folder (damaged, empty, non-log and gzip-bomb files among
/// good ones): files read at once give exactly the events, errors and notices of a read of one
/// file after another, in the same order.
/// </summary>
public class ParallelCorpusTests
{
    [Theory]
    [InlineData(false, 2)]
    [InlineData(false, 4)]
    [InlineData(true, 3)]
    public async Task Reading_the_corpus_folder_in_parallel_gives_the_sequential_trace(bool strict, int maxParallelFiles)
    {
        var sequential = await TraceAsync(strict, maxParallelFiles: 1);
        var parallel = await TraceAsync(strict, maxParallelFiles);

        // The corpus holds damage in several files, and files skipped with a notice.
        var damagedFiles = sequential.Where(t => t.StartsWith("error ", StringComparison.Ordinal)).Select(t => t.Split(' ')[1]).Distinct();
        Assert.True(damagedFiles.Count() >= 3);
        Assert.Contains(sequential, t => t.StartsWith("notice", StringComparison.Ordinal));
        Assert.Contains(sequential, t => t.StartsWith("event", StringComparison.Ordinal));
        Assert.Equal(sequential, parallel);
    }

    /// <summary>Events (with record index and JSON), errors and notices, in the order they reached the caller.</summary>
    private static async Task<List<string>> TraceAsync(bool strict, int maxParallelFiles)
    {
        var trace = new List<string>();
        var options = new CloudTrailReaderOptions
        {
            Strict = strict,
            MaxParallelFiles = maxParallelFiles,
            // The bomb stops at this limit in both reads; a smaller one keeps the test quick.
            MaxInflatedBytes = 64L * 1024 * 1024,
            ErrorHandling = CloudTrailErrorHandling.Skip,
            OnError = error => trace.Add($"error {Path.GetFileName(error.Source)} #{error.RecordIndex} @{error.ByteOffset}: {error.Detail}"),
            OnNotice = notice => trace.Add("notice " + notice),
        };
        await foreach (var evt in GlacierTrailEvents.ReadFileAsync(Harness.CorpusPath(string.Empty), options))
        {
            trace.Add($"event #{evt.RecordIndex} {evt.ToJson()}");
        }

        return trace;
    }
}
