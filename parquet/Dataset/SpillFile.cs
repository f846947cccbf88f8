using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;

namespace GlacierTrail.Parquet.Dataset;

/// <summary>
/// Records set down on disk until their partition is written: the second stage of the export's
/// sort. Each spill appends, per partition, a run of length-prefixed JSON records; reading a
/// partition back visits its runs in the order they were written, so its rows keep the order
/// they came in. The file lives in the dataset's folder (a hidden name that query engines skip,
/// on the disk the output is meant for, not a temporary folder that may be memory) and is
/// deleted when closed.
/// </summary>
internal sealed class SpillFile : IDisposable
{
    private const int ReadBlock = 1 << 20;

    private readonly string _path;
    private readonly Dictionary<Partition, List<(long Offset, long Length)>> _runs = new();
    private readonly byte[] _prefix = new byte[sizeof(int)];
    private FileStream? _stream;

    public SpillFile(string directory, string runId) =>
        _path = Path.Combine(directory, ".glaciertrail-spill-" + runId + "-" + Guid.NewGuid().ToString("N"));

    /// <summary>Bytes set down so far.</summary>
    public long Bytes => _stream?.Length ?? 0;

    /// <summary>Whether any of <paramref name="partition"/>'s records are on disk.</summary>
    public bool Holds(Partition partition) => _runs.ContainsKey(partition);

    /// <summary>The partitions with records on disk.</summary>
    public IEnumerable<Partition> Partitions => _runs.Keys;

    /// <summary>Appends the records as one run of <paramref name="partition"/>.</summary>
    public void Append(Partition partition, IEnumerable<ReadOnlyMemory<byte>> records)
    {
        if (_stream is null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            _stream = new FileStream(_path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20, FileOptions.DeleteOnClose);
        }

        long start = _stream.Position;
        foreach (var record in records)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_prefix, record.Length);
            _stream.Write(_prefix);
            _stream.Write(record.Span);
        }

        if (!_runs.TryGetValue(partition, out var runs))
        {
            runs = new List<(long, long)>();
            _runs.Add(partition, runs);
        }

        runs.Add((start, _stream.Position - start));
    }

    /// <summary>Ends writing: what was appended is on disk, to be read by any number of readers at once.</summary>
    public void Seal() => _stream?.Flush();

    /// <summary>A reader with a buffer of its own, for one thread.</summary>
    public Reader OpenReader() => new(this);

    public void Dispose() => _stream?.Dispose();

    /// <summary>Reads runs back; each record it gives is valid until the next is read.</summary>
    internal sealed class Reader
    {
        private readonly SpillFile _file;
        private byte[] _read = Array.Empty<byte>();

        public Reader(SpillFile file) => _file = file;

        /// <summary>The records of <paramref name="partition"/>, run after run; each is valid until the next is read.</summary>
        public IEnumerable<ReadOnlyMemory<byte>> RecordsOf(Partition partition)
        {
            if (_file._stream is not { } stream || !_file._runs.TryGetValue(partition, out var runs))
            {
                yield break;
            }

            if (_read.Length == 0)
            {
                _read = new byte[ReadBlock];
            }

            foreach (var (offset, length) in runs)
            {
                long next = offset;
                long end = offset + length;
                int start = 0;
                int filled = 0;
                while (true)
                {
                    int have = filled - start;
                    if (have >= sizeof(int))
                    {
                        int size = BinaryPrimitives.ReadInt32LittleEndian(_read.AsSpan(start));
                        if (have - sizeof(int) >= size)
                        {
                            yield return _read.AsMemory(start + sizeof(int), size);
                            start += sizeof(int) + size;
                            continue;
                        }

                        if (sizeof(int) + size > _read.Length)
                        {
                            // A record larger than the block: a buffer that holds it.
                            var larger = new byte[sizeof(int) + size];
                            _read.AsSpan(start, have).CopyTo(larger);
                            _read = larger;
                            start = 0;
                            filled = have;
                        }
                    }

                    if (next == end)
                    {
                        if (have != 0)
                        {
                            throw new IOException($"The export's spill file '{_file._path}' ends inside a record.");
                        }

                        break;
                    }

                    // Keep the part of a record already read, then fill the rest of the buffer.
                    _read.AsSpan(start, have).CopyTo(_read);
                    start = 0;
                    filled = have;
                    int want = (int)Math.Min(_read.Length - filled, end - next);
                    int got = RandomAccess.Read(stream.SafeFileHandle, _read.AsSpan(filled, want), next);
                    if (got <= 0)
                    {
                        throw new IOException($"The export's spill file '{_file._path}' is shorter than what was written to it.");
                    }

                    filled += got;
                    next += got;
                }
            }
        }

    }
}
