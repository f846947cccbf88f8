using System;
using System.CommandLine;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using GlacierTrail.Cli.Output;

namespace GlacierTrail.Cli;

/// <summary><c>--output FILE</c> and <c>--quiet</c>, for the commands that write a report or events to stdout.</summary>
internal sealed class OutputOptions
{
    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "Writes to this file instead of stdout: first to a temporary file beside it, renamed into place when the run ends, so the file is never seen half written.",
        HelpName = "FILE",
    };

    private readonly Option<bool> _quiet = new("--quiet", "-q")
    {
        Description = "No notes on stderr about input skipped on purpose (digests, files that are not logs); errors are still printed.",
    };

    public void AddTo(Command command)
    {
        command.Add(_output);
        command.Add(_quiet);
    }

    /// <summary>Runs <paramref name="run"/> with stdout, or the file named by <c>--output</c>, as its stdout.</summary>
    public async Task<int> RunAsync(CliContext context, ParseResult result, Func<CliContext, Task<int>> run)
    {
        var quiet = context with { Quiet = result.GetValue(_quiet) };
        if (result.GetValue(_output) is not { } path)
        {
            return await run(quiet).ConfigureAwait(false);
        }

        using var file = AtomicFile.Create(path);
        var writer = new StreamWriter(file.Stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\n" };
        int code;
        try
        {
            // A file is not a terminal: the default format and escaping are those of a pipe.
            code = await run(quiet with { Stdout = writer, StdoutIsTerminal = false }).ConfigureAwait(false);
            await writer.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            await writer.DisposeAsync().ConfigureAwait(false);
        }

        file.Commit();
        return code;
    }
}
