namespace GlacierTrail.Gen;

/// <summary>Names of the pipeline's steps, for incremental-caching tests.</summary>
internal static class TrackingNames
{
    public const string Options = nameof(Options);
    public const string SchemaFiles = nameof(SchemaFiles);
    public const string Parse = nameof(Parse);
    public const string DefinitionIndex = nameof(DefinitionIndex);
    public const string ResolveEvent = nameof(ResolveEvent);
    public const string ResolveDefinitions = nameof(ResolveDefinitions);
    public const string Conflicts = nameof(Conflicts);
    public const string DefinitionsPlan = nameof(DefinitionsPlan);
    public const string EventOutput = nameof(EventOutput);
    public const string DefinitionsOutput = nameof(DefinitionsOutput);
    public const string DispatcherOutput = nameof(DispatcherOutput);
    public const string Envelope = nameof(Envelope);
    public const string MetadataOutput = nameof(MetadataOutput);
}
