using System.CommandLine;

namespace GlacierTrail.Cli;

/// <summary><c>--top N</c>, for the commands that list the most recent sensitive actions (<c>summary</c>, <c>report</c>).</summary>
internal static class TopOption
{
    public static Option<int> Create()
    {
        var top = new Option<int>("--top")
        {
            Description = "How many of the most recent entries each list of sensitive actions shows (default 10).",
            HelpName = "N",
            DefaultValueFactory = _ => 10,
        };
        top.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--top must be 0 or more.");
            }
        });
        return top;
    }
}
