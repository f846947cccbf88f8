using System;
using GlacierTrail.Gen.Emitting;
using Xunit;

namespace GlacierTrail.Gen.Tests.Emitting;

/// <summary>The writer every emitter writes through: braces in blocks, and no text with a block left open.</summary>
public sealed class SourceWriterTests
{
    [Fact]
    public void Block_writes_its_header_braces_and_suffix_around_indented_lines()
    {
        var w = new SourceWriter();
        using (w.Block("public sealed class X"))
        {
            using (w.Block("private static readonly int[] Values =", ";"))
            {
                w.Line("1,");
            }
        }

        Assert.Equal(
            "public sealed class X\n{\n    private static readonly int[] Values =\n    {\n        1,\n    };\n}\n",
            w.ToText());
    }

    [Fact]
    public void Unclosed_block_throws_when_the_text_is_taken()
    {
        var w = new SourceWriter();
        w.Block("namespace N");
        w.Line("class C { }");

        var error = Assert.Throws<InvalidOperationException>(() => w.ToText());
        Assert.Contains("1 level(s) deep", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => w.ToSourceText());
    }

    [Fact]
    public void Closing_a_block_twice_throws()
    {
        var w = new SourceWriter();
        var block = w.Block("class C");
        block.Dispose();

        Assert.Throws<InvalidOperationException>(() => block.Dispose());
    }

    [Fact]
    public void Template_lines_take_the_indentation_and_LF_line_ends_only()
    {
        var w = new SourceWriter();
        using (w.Block("class C"))
        {
            w.Lines("int A;\r\n\r\nint B;   ");
        }

        Assert.Equal("class C\n{\n    int A;\n\n    int B;\n}\n", w.ToText());
    }
}
