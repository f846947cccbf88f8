using System;
using System.IO;

namespace GlacierTrail.Cli.Output;

/// <summary>
/// A file written under a temporary name in its own folder and renamed over the target only when
/// complete: a reader of the target sees the old file or the whole new one, never a part, and a
/// run that fails or is interrupted leaves the target as it was.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private readonly string _target;
    private readonly string _temporary;
    private bool _committed;

    private AtomicFile(string target, string temporary, FileStream stream)
    {
        _target = target;
        _temporary = temporary;
        Stream = stream;
    }

    public FileStream Stream { get; }

    /// <summary>Starts the file; a usage error, naming <paramref name="option"/>, when its folder does not exist or it names a folder.</summary>
    public static AtomicFile Create(string path, string option = "--output")
    {
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? ".";
        if (Directory.Exists(full))
        {
            throw new UsageException($"{option} '{path}' is a directory; give a file name");
        }

        if (!Directory.Exists(folder))
        {
            throw new UsageException($"{option} '{path}': no directory at '{folder}'");
        }

        // Same folder, so the rename stays within one file system and is atomic there.
        string temporary = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        try
        {
            return new AtomicFile(full, temporary, new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} '{path}': cannot write there: {ex.Message}");
        }
    }

    /// <summary>Closes the temporary file and renames it over the target.</summary>
    public void Commit()
    {
        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        File.Move(_temporary, _target, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed)
        {
            return;
        }

        Stream.Dispose();
        try
        {
            File.Delete(_temporary);
        }
        catch (IOException)
        {
            // Nothing more to do: the target is untouched either way.
        }
    }
}
