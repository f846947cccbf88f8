using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace GlacierTrail.Cli;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        // Console.Out flushes on every write; a buffered writer keeps large outputs fast.
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024) { AutoFlush = false };
        var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        try
        {
            bool stdoutIsTerminal = !Console.IsOutputRedirected;
            using var stdin = Console.OpenStandardInput();
            int code = await Cli.RunAsync(args, stdin, stdout, stderr, stdoutIsTerminal, !Console.IsErrorRedirected, stdoutIsTerminal ? TerminalWidth() : 0, cancel.Token).ConfigureAwait(false);
            await stdout.FlushAsync().ConfigureAwait(false);
            return code;
        }
        catch (IOException) when (!cancel.IsCancellationRequested)
        {
            // The reader of stdout went away (e.g. `| head`): nothing more to say.
            return 0;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
    }

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
