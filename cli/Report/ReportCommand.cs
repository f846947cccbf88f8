using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using GlacierTrail.Cli.Audit;
using GlacierTrail.Cli.Commands;
using GlacierTrail.Cli.Input;
using GlacierTrail.Integrity;

namespace GlacierTrail.Cli.Report;

/// <summary>
/// <c>glaciertrail report</c>: one self-contained HTML file an auditor opens offline: overview and
/// provenance, a timeline of sensitive actions per vault, per-vault and per-principal tables,
/// denied calls and errors, retrievals by tier, schema problems, and digest validation.
/// </summary>
internal static class ReportCommand
{
    public static Command Build(CliContext context)
    {
        var paths = Cli.PathsArgument();
        var top = TopOption.Create();
        var filters = new FilterOptions();
        var output = new OutputOptions();
        var integrity = new IntegrityOptions(required: false, "Validates the digest chains of the input folders with these keys, the output of 'aws cloudtrail list-public-keys' (repeatable), for the integrity section. Fetch them from AWS, never from the folder being reported on.");
        var command = new Command("report", "Writes one self-contained HTML audit report (opens offline): overview, a timeline of sensitive actions per vault, vault and principal tables, denied calls and errors, retrievals by tier, schema problems, and digest validation with --public-keys.") { paths, top };
        filters.AddTo(command);
        integrity.AddTo(command);
        output.AddTo(command);
        command.SetAction((result, cancellationToken) => output.RunAsync(context, result, run =>
        {
            var filter = filters.Build(result);
            var validation = integrity.Given(result) ? integrity.Build(result, filter.Since, filter.Until, strict: false) : null;
            var provenance = new ReportProvenance(ReportProvenance.CurrentVersion, ReportProvenance.Quote(result.Tokens.Select(t => t.Value)), DateTimeOffset.UtcNow, result.GetValue(paths)!);
            return RunAsync(run, filter, result.GetValue(top), validation, provenance, cancellationToken);
        }));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, EventFilter filter, int top, DigestValidationOptions? validation, ReportProvenance provenance, CancellationToken cancellationToken)
    {
        if (context.StdoutIsTerminal)
        {
            throw new UsageException("report writes HTML: give --output FILE.html, or redirect standard output to a file");
        }

        var input = CommandInput.Open(context, provenance.Inputs);
        input.HashFiles = true;

        // Skipped input is listed in the report's overview, not also as notes on stderr.
        input.EchoNotices = false;
        var counts = new AuditCounts(top);
        var data = new ReportData(input, counts, provenance);
        await counts.ReadAsync(input, filter, data.Add, cancellationToken).ConfigureAwait(false);
        if (validation is not null)
        {
            await ValidateAsync(data, provenance.Inputs, validation, cancellationToken).ConfigureAwait(false);
        }

        context.Stdout.Write(ReportPage.Write(data));
        await context.Stdout.FlushAsync(cancellationToken).ConfigureAwait(false);
        bool invalid = data.Integrity is { Summary.IsValid: false };
        return input.Errors > 0 || invalid ? Cli.DataProblem : Cli.Ok;
    }

    // Digests live in folders synced from S3; files and standard input among the inputs have none.
    private static async Task ValidateAsync(ReportData data, IReadOnlyList<string> inputs, DigestValidationOptions options, CancellationToken cancellationToken)
    {
        var folders = new List<string>();
        foreach (string path in inputs)
        {
            if (path != LogInput.StandardInput && Directory.Exists(path))
            {
                folders.Add(path);
            }
        }

        if (folders.Count == 0)
        {
            data.IntegrityNote = "No folder among the inputs: digest chains are validated in folders synced from S3 (holding AWSLogs/).";
            return;
        }

        data.Integrity = await DigestValidator.ValidateAsync(folders, options, cancellationToken).ConfigureAwait(false);
    }
}
