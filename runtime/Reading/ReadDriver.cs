using System;
using System.Collections.Generic;
using GlacierTrail.Framing;
using GlacierTrail.Serialization;

namespace GlacierTrail.Reading;

/// <summary>
/// The one read driver: buffers in, items out. A source (a stream read into a pooled buffer, or
/// memory shown where it lies) hands it its bytes a buffer at a time and takes back the events
/// and errors they hold, so that sniffing, framing and the damage limits behave the same
/// whatever the bytes came from.
/// </summary>
internal sealed class ReadDriver
{
    /// <summary>
    /// The size of a stream's read buffer and of a window on memory: a batch of a few dozen
    /// records, held as events at once.
    /// </summary>
    public const int BufferSize = 64 * 1024;

    private readonly RecordFramer _framer;
    private readonly CloudTrailReaderOptions _options;
    private readonly string? _source;
    private bool _sniffed;
    private bool _stopped;

    // Where the damage since the last record read began (-1: none since), and how many errors
    // it has given: see MaxConsecutiveDamageBytes and MaxConsecutiveErrors.
    private long _damageStart = -1;
    private int _damageErrors;

    /// <param name="factory">Maps event names to types.</param>
    /// <param name="options">Limits and error policy.</param>
    /// <param name="source">A name for messages.</param>
    /// <param name="skipNonJson">Whether a source that does not start like JSON is skipped with a notice (a file in a folder) rather than read as damage.</param>
    public ReadDriver(ICloudTrailEventFactory factory, CloudTrailReaderOptions options, string? source, bool skipNonJson)
    {
        _framer = new RecordFramer(factory, options, source);
        _options = options;
        _source = source;
        _sniffed = !skipNonJson;
    }

    /// <summary>Whether the source is finished with: the framer has stopped, or the driver has given up on it.</summary>
    public bool IsDone => _stopped || _framer.IsDone;

    /// <summary>The outcome of the last <see cref="Process"/>, in order; the caller hands them out and clears the list.</summary>
    public List<ReadItem> Items { get; } = [];

    /// <summary>
    /// Frames as many records as <paramref name="data"/> holds. Returns the bytes consumed; the
    /// caller keeps the rest and calls again with more data after it.
    /// </summary>
    /// <param name="data">The unconsumed bytes.</param>
    /// <param name="isFinal">Whether no more data will come.</param>
    /// <param name="dataOffset">The offset of <paramref name="data"/> in the source, for messages and limits.</param>
    public int Process(ReadOnlySpan<byte> data, bool isFinal, long dataOffset)
    {
        if (!_sniffed && (data.Length >= JsonSyntax.Utf8Bom.Length || isFinal))
        {
            _sniffed = true;
            if (!LooksLikeJson(data))
            {
                _options.OnNotice?.Invoke($"{_source}: not a JSON log file; skipped");
                Items.Clear();
                _stopped = true;
                return data.Length;
            }
        }

        int consumed = _framer.Process(data, isFinal, dataOffset, Items);
        CountDamage(dataOffset + consumed, dataOffset + data.Length);
        if (isFinal && dataOffset == 0 && data.IsEmpty)
        {
            // Not an error (an empty NDJSON file is valid) but worth a word: an empty
            // CloudTrail log is usually a failed upload.
            _options.OnNotice?.Invoke($"{_source ?? "input"}: empty; no records");
        }

        return consumed;
    }

    /// <summary>
    /// Damage the source's bytes themselves report (a gzip stream that fails while inflating):
    /// the error takes its place before whatever the data already read still holds.
    /// </summary>
    public void Report(CloudTrailReadException error) => Items.Add(new ReadItem(null, error));

    /// <summary>An empty file is not damage (it holds no records); anything but an object or array is not a log.</summary>
    public static bool LooksLikeJson(ReadOnlySpan<byte> head) => JsonSyntax.FirstSignificantByte(head) is -1 or '{' or '[';

    /// <summary>
    /// Applies the damage limits to the items just framed: a source that gives more errors in a
    /// row, or more bytes of damage, than they allow is cut off with an error that says why.
    /// </summary>
    /// <param name="consumedTo">The source offset framed up to, where damage with no offset of its own is placed.</param>
    /// <param name="position">The source offset read up to.</param>
    private void CountDamage(long consumedTo, long position)
    {
        var items = Items;
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i].Event is not null)
            {
                _damageStart = -1;
                _damageErrors = 0;
                continue;
            }

            if (_damageStart < 0)
            {
                var error = items[i].Error!;
                _damageStart = error.ByteOffset >= 0 ? error.ByteOffset : consumedTo;
            }

            if (++_damageErrors > _options.MaxConsecutiveErrors && _options.MaxConsecutiveErrors > 0)
            {
                // Items after the one over the limit are not handed out: the source stops here.
                items.RemoveRange(i, items.Count - i);
                break;
            }
        }

        if (_damageStart >= 0 && TooMuchDamage(position) is { } stop)
        {
            items.Add(new ReadItem(null, stop));
            _stopped = true;
        }
    }

    // Null while the damage since the last record read is within both limits.
    private CloudTrailReadException? TooMuchDamage(long position)
    {
        string? limit = _options.MaxConsecutiveErrors > 0 && _damageErrors > _options.MaxConsecutiveErrors
            ? $"more than MaxConsecutiveErrors ({_options.MaxConsecutiveErrors}) errors"
            : _options.MaxConsecutiveDamageBytes > 0 && position - _damageStart > _options.MaxConsecutiveDamageBytes
                ? $"more than MaxConsecutiveDamageBytes ({_options.MaxConsecutiveDamageBytes}) bytes"
                : null;
        return limit is null
            ? null
            : new CloudTrailReadException($"{limit} since the damage at byte {_damageStart} with no readable record; stopped reading this source, which does not look like a CloudTrail log", _source, -1, position);
    }
}
