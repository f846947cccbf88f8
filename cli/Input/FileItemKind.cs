namespace GlacierTrail.Cli.Input;

/// <summary>What a <see cref="FileItem"/> says about the file being read.</summary>
internal enum FileItemKind
{
    /// <summary>The file was opened; its items follow.</summary>
    Opened,

    /// <summary>An event, with its record index.</summary>
    Event,

    /// <summary>A record, or the file, could not be read.</summary>
    Error,

    /// <summary>Input skipped on purpose.</summary>
    Notice,

    /// <summary>The file was read to its end (or to an error that ends it).</summary>
    Closed,
}
