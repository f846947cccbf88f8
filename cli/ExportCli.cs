using System.CommandLine;
using GlacierTrail.Cli.Commands;

namespace GlacierTrail.Cli;

/// <summary>The <c>export</c> command's options and how they reach <see cref="ExportCommand"/>.</summary>
internal static class ExportCli
{
    public static Command Build(CliContext context)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Log files (JSON, NDJSON, gzip) or folders of them.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "The dataset's folder: cloudtrail/ and a folder per event type, each partitioned account=/region=/date=.",
            HelpName = "DIR",
        };
        var fileSize = new Option<int>("--file-size")
        {
            Description = "Roll files at this size, in MB (default 128).",
            HelpName = "MB",
            DefaultValueFactory = _ => 128,
        };
        var ddl = new Option<string?>("--ddl")
        {
            Description = "Instead of exporting, print the CREATE EXTERNAL TABLE statements for this engine (athena), with partition projection.",
            HelpName = "ENGINE",
        };
        ddl.AcceptOnlyFromAmong("athena");
        var location = new Option<string?>("--location")
        {
            Description = "With --ddl: where the dataset is on S3 (s3://BUCKET/PREFIX/).",
            HelpName = "S3URI",
        };
        var filters = new FilterOptions();
        var command = new Command("export", "Writes the events as a Hive-partitioned Parquet dataset for Athena, Spark and DuckDB: a cloudtrail table in the columns of AWS's table, and a typed table per event type.")
        {
            paths, output, fileSize, ddl, location,
        };
        filters.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            string[] given = result.GetValue(paths) ?? [];
            if (result.GetValue(ddl) is not null)
            {
                if (result.GetValue(location) is not { } s3)
                {
                    throw new UsageException("--ddl needs --location s3://BUCKET/PREFIX/ (where the dataset is)");
                }

                return ExportCommand.PrintDdlAsync(context, s3, cancellationToken);
            }

            if (given.Length == 0)
            {
                throw new UsageException("export needs at least one PATH (or --ddl athena --location s3://BUCKET/PREFIX/)");
            }

            if (result.GetValue(output) is not { Length: > 0 } dir)
            {
                throw new UsageException("export needs --output DIR");
            }

            int megabytes = result.GetValue(fileSize);
            if (megabytes < 1)
            {
                throw new UsageException("--file-size must be at least 1 (MB)");
            }

            return ExportCommand.RunAsync(context, given, filters.Build(result), dir, megabytes * 1024L * 1024L, cancellationToken);
        });
        return command;
    }
}
