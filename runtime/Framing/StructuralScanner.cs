using System;

namespace GlacierTrail.Framing;

/// <summary>
/// Finds where a JSON value ends by bracket depth and string state alone, across as many
/// buffers as it takes, with constant memory. Used where the reader must pass over a value
/// without holding it: a record larger than the limit, or nesting deeper than the limit.
/// It does not validate; it only balances brackets outside strings.
/// </summary>
internal struct StructuralScanner
{
    private long _depth;
    private bool _inString;
    private bool _escaped;
    private bool _started;

    /// <summary>
    /// Scans <paramref name="data"/> (the continuation of the value). Returns the index just past
    /// the value's end, or -1 when the value goes on past the data.
    /// </summary>
    public int Scan(ReadOnlySpan<byte> data)
    {
        for (int i = 0; i < data.Length; i++)
        {
            byte b = data[i];
            if (_inString)
            {
                if (_escaped)
                {
                    _escaped = false;
                }
                else if (b == (byte)'\\')
                {
                    _escaped = true;
                }
                else if (b == (byte)'"')
                {
                    _inString = false;
                    if (_depth == 0)
                    {
                        return i + 1;
                    }
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    _inString = true;
                    _started = true;
                    break;
                case (byte)'{':
                case (byte)'[':
                    _depth++;
                    _started = true;
                    break;
                case (byte)'}':
                case (byte)']':
                    _depth--;
                    if (_depth <= 0)
                    {
                        return i + 1;
                    }

                    break;
                case (byte)',' when _started && _depth == 0:
                    return i; // a scalar value ends before the separator
                default:
                    _started = true;
                    break;
            }
        }

        return -1;
    }
}
