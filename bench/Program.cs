using System;
using System.Globalization;
using BenchmarkDotNet.Running;
using GlacierTrail.Bench.Corpus;
using GlacierTrail.Bench.Quick;

// dotnet run -c Release --project bench -- --quick        every contender, one process, figures and targets
//     [--scale S] [--no-memory] [--trail-scale S] [--no-trail | --trail-only]   the peers' trail scan (bench/Trail) comes last
// dotnet run -c Release --project bench -- --generate     (re)write the corpora under bench/corpus
// dotnet run -c Release --project bench -- --generator-quick   generator cost: full runs and a one-schema edit
// dotnet run -c Release --project bench -- --export       the NativeAOT CLI's export next to its events over the 1 GB file (also in --quick)
// dotnet run -c Release --project bench -- --verify [--scale S]   glaciertrail verify next to inflate + SHA-256 alone, MB/s
// dotnet run -c Release --project bench -- --profile floor|stj|typed|filtered|gzip [seconds]   one contender in a loop, for dotnet-trace
// dotnet run -c Release --project bench -- --filter '*'   BenchmarkDotNet
if (args.Length > 0 && args[0] == "--quick")
{
    double scale = 1.0;
    double trailScale = 1.0;
    bool skipMemory = false;
    var parts = QuickParts.All;
    for (int i = 1; i < args.Length; i++)
    {
        if (args[i] == "--scale" && i + 1 < args.Length)
        {
            scale = double.Parse(args[++i], CultureInfo.InvariantCulture);
        }
        else if (args[i] == "--trail-scale" && i + 1 < args.Length)
        {
            trailScale = double.Parse(args[++i], CultureInfo.InvariantCulture);
        }
        else if (args[i] == "--no-memory")
        {
            skipMemory = true;
        }
        else if (args[i] == "--no-trail")
        {
            parts = QuickParts.Corpora;
        }
        else if (args[i] == "--trail-only")
        {
            parts = QuickParts.Trail;
        }
    }

    return QuickRunner.Run(scale, skipMemory, parts, trailScale);
}

if (args.Length > 0 && args[0] == "--export")
{
    ExportQuick.Run(PeakMemoryProbe.EnsureBigFile(CorpusData.Load(CorpusSpec.Glacier(RepoPaths.CorpusRoot, 1.0), RepoPaths.GlacierFixtures)));
    return 0;
}

if (args.Length > 0 && args[0] == "--verify")
{
    return VerifyQuick.Run(args.Length > 2 && args[1] == "--scale" ? double.Parse(args[2], CultureInfo.InvariantCulture) : 1.0);
}

if (args.Length > 0 && args[0] == "--generator-quick")
{
    GlacierTrail.Bench.Generator.GeneratorQuick.Run();
    return 0;
}

if (args.Length > 0 && args[0] == "--generate")
{
    CorpusGenerator.Generate(CorpusSpec.Glacier(RepoPaths.CorpusRoot, 1.0), RepoPaths.GlacierFixtures);
    CorpusGenerator.Generate(CorpusSpec.Mixed(RepoPaths.CorpusRoot, 1.0), RepoPaths.GlacierFixtures);
    return 0;
}

if (args.Length >= 2 && args[0] == "--profile")
{
    double seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 20;
    return ProfileLoop.Run(args[1], seconds);
}

if (args.Length == 2 && args[0] == "--peak-ws")
{
    return PeakMemoryProbe.Child(args[1]);
}

BenchmarkSwitcher.FromAssembly(typeof(QuickRunner).Assembly).Run(args);
return 0;
