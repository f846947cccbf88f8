using System;
using System.Buffers;
using System.IO;
using System.Text;

namespace GlacierTrail.Cli.Output;

/// <summary>
/// Lines of UTF-8 on their way to a text writer. When the writer is a UTF-8 <see cref="StreamWriter"/>
/// without a byte order mark (stdout and <c>--output</c> are), the bytes go to its stream as
/// they are, through a buffer of their own: decoding each record to a string only for the
/// writer to encode it again cost more than a tenth of a scan's processor time. Any other
/// writer (a test's <see cref="StringWriter"/>) gets the text.
/// </summary>
internal sealed class Utf8Lines : IDisposable
{
    private const int BufferBytes = 64 * 1024;

    private readonly TextWriter _text;
    private readonly Stream? _stream;
    private byte[] _buffer = [];
    private int _count;

    public Utf8Lines(TextWriter writer)
    {
        _text = writer;
        if (writer is StreamWriter { Encoding: UTF8Encoding utf8 } streamWriter && utf8.Preamble.Length == 0)
        {
            // What the writer holds goes first.
            streamWriter.Flush();
            _stream = streamWriter.BaseStream;
            _buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        }
    }

    /// <summary>Writes <paramref name="utf8"/> and a line feed.</summary>
    public void WriteLine(ReadOnlySpan<byte> utf8)
    {
        if (_stream is null)
        {
            _text.Write(Encoding.UTF8.GetString(utf8) + "\n");
            return;
        }

        if (_count + utf8.Length + 1 > _buffer.Length)
        {
            Flush();
            if (utf8.Length + 1 > _buffer.Length)
            {
                _stream.Write(utf8);
                _stream.WriteByte((byte)'\n');
                return;
            }
        }

        utf8.CopyTo(_buffer.AsSpan(_count));
        _count += utf8.Length;
        _buffer[_count++] = (byte)'\n';
    }

    /// <summary>Hands the buffered bytes to the stream, so that what the writer writes next comes after them.</summary>
    public void Flush()
    {
        if (_stream is not null && _count > 0)
        {
            _stream.Write(_buffer, 0, _count);
            _count = 0;
        }
    }

    public void Dispose()
    {
        Flush();
        if (_stream is not null && _buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
