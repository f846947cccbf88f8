using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Cli.Output;
using GlacierTrail.Integrity;

namespace GlacierTrail.Cli.Commands;

/// <summary>
/// <c>glaciertrail verify</c>: offline validation of CloudTrail digest chains (signatures, the
/// hash chain, log file hashes, missing and unreferenced files) on folders synced from S3.
/// </summary>
internal static class VerifyCommand
{
    public static Command Build(CliContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Folders synced from S3 (holding AWSLogs/, or inside it).",
            Arity = ArgumentArity.OneOrMore,
        };
        var integrity = new IntegrityOptions(required: true, "The output of 'aws cloudtrail list-public-keys' (repeatable, e.g. one per region). Fetch it from AWS, never from the folder being verified.");
        var since = new Option<DateTimeOffset?>("--since")
        {
            Description = "Only digests ending after this time, and log files delivered from then on (ISO 8601, or epoch seconds).",
            HelpName = "TIME",
            CustomParser = ParseTime,
        };
        var until = new Option<DateTimeOffset?>("--until")
        {
            Description = "Only digests starting before this time, and log files delivered before then (ISO 8601, or epoch seconds).",
            HelpName = "TIME",
            CustomParser = ParseTime,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "Output format: text (default) or json.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var strict = new Option<bool>("--strict") { Description = "Every warning is an error (an unsigned newest digest, a chain restart, log files not yet covered)." };
        var command = new Command("verify", "Validates CloudTrail digest chains offline: signatures, the hash chain, log file hashes, missing, moved and unreferenced files. Exit code 1 on any error.")
        {
            paths, since, until, format, strict,
        };
        integrity.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            var options = integrity.Build(result, result.GetValue(since), result.GetValue(until), result.GetValue(strict));
            return RunAsync(context, result.GetValue(paths)!, options, result.GetValue(format) == "json", cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, IReadOnlyList<string> paths, DigestValidationOptions options, bool asJson, CancellationToken cancellationToken)
    {
        foreach (string path in paths)
        {
            if (!Directory.Exists(path))
            {
                throw new UsageException(File.Exists(path)
                    ? $"'{path}' is a file; verify takes folders synced from S3 (holding AWSLogs/)"
                    : $"no file or directory at '{path}'");
            }
        }

        var result = await DigestValidator.ValidateAsync(paths, options, cancellationToken).ConfigureAwait(false);
        context.Stdout.Write(asJson ? VerifyReport.Json(result, options.PublicKeys) : VerifyReport.Text(result, options.PublicKeys));
        await context.Stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        return result.Summary.IsValid ? Cli.Ok : Cli.DataProblem;
    }

    private static DateTimeOffset? ParseTime(ArgumentResult result)
    {
        if (result.Tokens.Count == 1 && long.TryParse(result.Tokens[0].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long seconds)
            && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return Cli.ParseTime(result);
    }
}
