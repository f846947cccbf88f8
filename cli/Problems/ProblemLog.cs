using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using GlacierTrail.Cli.Input;
using GlacierTrail.Cli.Output;

namespace GlacierTrail.Cli.Problems;

/// <summary>
/// The problems of delivered events: a warning on stderr for each, a line in the
/// <c>--problems</c> file when one is asked for, and counts for <c>summary</c> and <c>check</c>.
/// </summary>
internal sealed class ProblemLog : IDisposable
{
    private readonly LogInput _input;
    private readonly bool _warn;
    private readonly AtomicFile? _file;
    private readonly Utf8JsonWriter? _writer;
    private readonly Dictionary<(string EventName, string Path, CloudTrailProblemKind Kind), ProblemCount> _counts = new();

    public ProblemLog(LogInput input, bool warn, string? path = null)
    {
        _input = input;
        _warn = warn;
        if (path is not null)
        {
            _file = AtomicFile.Create(path, "--problems");
            _writer = new Utf8JsonWriter(_file.Stream);
        }
    }

    /// <summary>Records that had at least one problem.</summary>
    public long Records { get; private set; }

    /// <summary>Problems by event name, path and kind, with an example value and record.</summary>
    public IReadOnlyDictionary<(string EventName, string Path, CloudTrailProblemKind Kind), ProblemCount> Counts => _counts;

    /// <summary>How many problems of each kind, by the kind's name.</summary>
    public Dictionary<string, long> CountsByKind()
    {
        var kinds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var ((_, _, kind), count) in _counts)
        {
            string name = kind.ToString();
            kinds[name] = kinds.GetValueOrDefault(name) + count.Count;
        }

        return kinds;
    }

    /// <summary>Takes note of an event's problems, if it has any.</summary>
    public void Add(InputRecord record)
    {
        var evt = record.Event;
        if (!evt.HasProblems)
        {
            return;
        }

        Records++;
        foreach (var problem in evt.Problems)
        {
            var key = (evt.EventName, problem.Path, problem.Kind);
            if (_counts.TryGetValue(key, out var count))
            {
                count.Count++;
            }
            else
            {
                _counts[key] = new ProblemCount(problem.RawValue?.ToString(), record.Location);
            }

            if (_warn)
            {
                string path = problem.Path.Length == 0 ? "(record)" : problem.Path;
                _input.Message($"warning: {record.Source}: record {record.RecordIndex.ToString(CultureInfo.InvariantCulture)}: {path}: {problem.Message}");
            }

            if (_writer is not null)
            {
                _writer.WriteStartObject();
                _writer.WriteString("source"u8, record.Source);
                _writer.WriteNumber("recordIndex"u8, record.RecordIndex);
                _writer.WriteString("eventId"u8, evt.EventId);
                _writer.WriteString("path"u8, problem.Path);
                _writer.WriteString("kind"u8, problem.Kind.ToString());
                _writer.WriteString("message"u8, problem.Message);
                _writer.WritePropertyName("raw"u8);
                if (problem.RawValue is { } raw)
                {
                    _writer.WriteRawValue(raw.Utf8.Span, skipInputValidation: true);
                }
                else
                {
                    _writer.WriteNullValue();
                }

                _writer.WriteEndObject();
                _writer.Flush();
                _writer.Reset();
                _file!.Stream.WriteByte((byte)'\n');
            }
        }
    }

    /// <summary>Renames the problems file into place once the run is complete.</summary>
    public void Commit()
    {
        _writer?.Dispose();
        _file?.Commit();
    }

    public void Dispose()
    {
        // After Commit the writer is disposed and the file in place: both calls do nothing.
        _writer?.Dispose();
        _file?.Dispose();
    }
}

/// <summary>How often one problem was seen, and the first value and record it was seen in.</summary>
internal sealed class ProblemCount(string? example, string firstRecord)
{
    public long Count { get; set; } = 1;

    public string? Example { get; } = example;

    public string FirstRecord { get; } = firstRecord;
}
