using System;

namespace GlacierTrail.Gen.Emitting;

/// <summary>An open brace of a <see cref="SourceWriter"/>; disposing it writes the closing brace.</summary>
internal readonly struct SourceBlock : IDisposable
{
    private readonly SourceWriter _writer;
    private readonly string _close;

    public SourceBlock(SourceWriter writer, string close)
    {
        _writer = writer;
        _close = close;
    }

    public void Dispose() => _writer.Close(_close);
}
