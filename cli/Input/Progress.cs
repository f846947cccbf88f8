using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace GlacierTrail.Cli.Input;

/// <summary>
/// One status line on stderr (files, records, MB/s), redrawn in place, only when stderr is a
/// terminal and only once a run has lasted a second: short runs and pipes never see it.
/// </summary>
internal sealed class Progress
{
    private const int Width = 72;
    private readonly TextWriter _stderr;
    private readonly bool _enabled;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1000;
    private bool _drawn;

    public Progress(TextWriter stderr, bool enabled)
    {
        _stderr = stderr;
        _enabled = enabled;
    }

    public void Update(long files, long records, long bytes)
    {
        if (!_enabled)
        {
            return;
        }

        long now = _clock.ElapsedMilliseconds;
        if (now < 1000 || now - _lastDraw < 250)
        {
            return;
        }

        _lastDraw = now;
        double megabytes = bytes / (1024.0 * 1024.0);
        double rate = megabytes / (now / 1000.0);
        string line = string.Create(CultureInfo.InvariantCulture, $"{files} files, {records} records, {megabytes:F1} MB, {rate:F1} MB/s");
        _stderr.Write("\r" + line.PadRight(Width));
        _stderr.Flush();
        _drawn = true;
    }

    /// <summary>Removes the status line (before a message, and at the end).</summary>
    public void Clear()
    {
        if (_drawn)
        {
            _stderr.Write("\r" + new string(' ', Width) + "\r");
            _stderr.Flush();
            _drawn = false;
        }
    }
}
