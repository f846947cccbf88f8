using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using GlacierTrail.Integrity;

namespace GlacierTrail.Cli;

/// <summary>
/// <c>--public-keys FILE</c> (repeatable) and <c>--signatures FILE</c>, for the commands that
/// validate digest chains (<c>verify</c>, and <c>report</c>'s integrity section).
/// </summary>
internal sealed class IntegrityOptions
{
    private readonly Option<string[]> _keys;

    private readonly Option<string?> _signatures = new("--signatures")
    {
        Description = "A JSON object mapping a digest's digestS3Object to its hex signature (x-amz-meta-signature): needed for the newest digest of each chain.",
        HelpName = "FILE",
    };

    /// <param name="required">Whether the command cannot run without keys (<c>verify</c>); else validation is skipped without them.</param>
    /// <param name="description">What the keys are for, in this command's help.</param>
    public IntegrityOptions(bool required, string description)
    {
        _keys = new Option<string[]>("--public-keys")
        {
            Description = description,
            HelpName = "FILE",
            Required = required,
            AllowMultipleArgumentsPerToken = false,
        };
    }

    public void AddTo(Command command)
    {
        command.Add(_keys);
        command.Add(_signatures);
    }

    /// <summary>Whether keys were given (validation asked for).</summary>
    public bool Given(ParseResult result) => result.GetValue(_keys) is { Length: > 0 };

    /// <summary>The validation options for the keys and signatures given; a usage error when a file cannot be read or parsed.</summary>
    public DigestValidationOptions Build(ParseResult result, DateTimeOffset? since, DateTimeOffset? until, bool strict) => new()
    {
        PublicKeys = LoadKeys(result.GetValue(_keys) ?? []),
        Signatures = result.GetValue(_signatures) is { } file ? ParseOrUsage(() => DigestSignatures.Parse(ReadInput(file, "--signatures"), file)) : new Dictionary<string, string>(),
        Since = since,
        Until = until,
        Strict = strict,
    };

    private static List<DigestPublicKey> LoadKeys(string[] files)
    {
        var keys = new List<DigestPublicKey>();
        foreach (string file in files)
        {
            keys.AddRange(ParseOrUsage(() => DigestPublicKey.ParseList(ReadInput(file, "--public-keys"), file)));
        }

        return keys;
    }

    private static T ParseOrUsage<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static byte[] ReadInput(string file, string option)
    {
        try
        {
            return File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option}: cannot read '{file}': {ex.Message}");
        }
    }
}
