using Microsoft.CodeAnalysis;

namespace GlacierTrail.Gen.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports, each message with its format arguments. Errors are
/// schema problems the user must fix (the generator skips what it cannot read rather than emit
/// code that fails to compile); warnings are constructs it reads partially, keeping the rest as
/// raw JSON so no data is lost. One id may have several messages (one per case), all with the
/// id's title and severity.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "GlacierTrail";
    private const string HelpBase = "https://github.com/glaciertrail/GlacierTrail.Gen/blob/main/docs/schemas.md#";

    // The titles of the ids that have several messages.
    private const string BindingTitle = "Missing or malformed x-cloudtrail";
    private const string UnsupportedTitle = "Unsupported schema construct";
    private const string UnresolvedTitle = "$ref does not resolve";
    private const string TypeNameCollisionTitle = "Two schemas generate the same C# type";

    // GTG001: {0} is the JSON reader's own description of the error.
    public static readonly DiagnosticDescriptor InvalidJson = Create(
        "GTG001",
        "Schema file is not valid JSON",
        "The schema file is not valid JSON: {0}; fix the JSON (no type is generated from this file until then)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SchemaNotObject = Create(
        "GTG002",
        BindingTitle,
        "A schema file must hold a JSON object",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingCloudTrailBinding = Create(
        "GTG002",
        BindingTitle,
        "This schema has no \"x-cloudtrail\": add \"x-cloudtrail\": { \"eventSource\": \"glacier.amazonaws.com\", \"eventName\": \"...\" } to describe an event, or keep only \"$defs\" for a file of shared definitions",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MalformedCloudTrailBinding = Create(
        "GTG002",
        BindingTitle,
        "\"x-cloudtrail\" must be an object with non-empty string \"eventSource\" and \"eventName\", e.g. { \"eventSource\": \"glacier.amazonaws.com\", \"eventName\": \"CreateVault\" }",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DuplicateEvent = Create(
        "GTG003",
        "Two schemas describe the same event",
        "The event '{0}' is described by both '{1}' and '{2}'; only '{1}' is used. Remove one of them, or leave the built-in schemas out with GlacierTrailIncludeBuiltInSchemas=false.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor SchemaValueNotObject = Create(
        "GTG004",
        UnsupportedTitle,
        "The schema at '{0}' must be a JSON object; the value is kept as raw JSON",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor SeveralTypes = Create(
        "GTG004",
        UnsupportedTitle,
        "A value of several types ({0}) at '{1}' is not supported; it is kept as raw JSON",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnknownType = Create(
        "GTG004",
        UnsupportedTitle,
        "The type '{0}' at '{1}' is not a JSON Schema type; the value is kept as raw JSON",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TypeNotString = Create(
        "GTG004",
        UnsupportedTitle,
        "\"type\" at '{0}' must be a string or an array of strings; the value is kept as raw JSON",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedFormat = Create(
        "GTG004",
        UnsupportedTitle,
        "The format '{0}' at '{1}' is not supported; the value is read as a plain string",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EnumNotArray = Create(
        "GTG004",
        UnsupportedTitle,
        "\"enum\" must be an array of strings; the value is read as a plain string",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EnumValueNotString = Create(
        "GTG004",
        UnsupportedTitle,
        "Only string enum values are supported; this value is ignored (it is still read, as an unknown value)",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EnumOnNonString = Create(
        "GTG004",
        UnsupportedTitle,
        "Only string enums are supported; \"enum\" at '{0}' is ignored",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor PropertiesNotObject = Create(
        "GTG004",
        UnsupportedTitle,
        "\"properties\" at '{0}' must be an object; the value is kept as raw JSON",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RequiredNotArray = Create(
        "GTG004",
        UnsupportedTitle,
        "\"required\" at '{0}' must be an array of strings; it is ignored",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor RequiredEntryNotString = Create(
        "GTG004",
        UnsupportedTitle,
        "\"required\" at '{0}' must hold property names (strings); this entry is ignored",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ShapeKeyword = Create(
        "GTG004",
        UnsupportedTitle,
        "The keyword '{0}' at '{1}' is not supported; the value is kept as raw JSON",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor IgnoredKeyword = Create(
        "GTG004",
        UnsupportedTitle,
        "The keyword '{0}' at '{1}' is not supported; it is ignored",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor PayloadNotObject = Create(
        "GTG004",
        UnsupportedTitle,
        "'{0}' must be described as an object; it is kept as raw JSON",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor TopLevelPropertyIgnored = Create(
        "GTG004",
        UnsupportedTitle,
        "The top-level property '{0}' is ignored: an event schema describes requestParameters, responseElements and additionalEventData; the envelope is typed by the runtime",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnusableName = Create(
        "GTG005",
        "JSON key is not a usable C# name",
        "The JSON key '{0}' is not a usable C# name; add \"x-csharp-name\" to name it (until then its value is kept as raw JSON in ExtensionData)",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NameCollision = Create(
        "GTG006",
        "Two JSON keys map to one C# name",
        "The JSON keys '{0}' and '{1}' both map to the C# name '{2}'; give one of them an \"x-csharp-name\" (until then '{1}' is kept as raw JSON in ExtensionData)",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ReferenceNotString = Create(
        "GTG007",
        UnresolvedTitle,
        "The $ref '(not a string)' does not resolve: a $ref must be a string; the value is kept as raw JSON",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ReferenceForm = Create(
        "GTG007",
        UnresolvedTitle,
        "The $ref '{0}' does not resolve: only references to \"#/$defs/Name\" in this file or \"file.json#/$defs/Name\" in another are supported; the value is kept as raw JSON",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingLocalDefinition = Create(
        "GTG007",
        UnresolvedTitle,
        "The $ref '{0}' does not resolve: there is no definition '{1}' in this file's $defs; the value is kept as raw JSON",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingExternalDefinition = Create(
        "GTG007",
        UnresolvedTitle,
        "The $ref '{0}' does not resolve: no schema file in the compilation defines '{1}'; the value is kept as raw JSON",
        DiagnosticSeverity.Error);

    // The envelope's annotations, read only where the runtime generates its own envelope: {0} is
    // the member's JSON name.
    public static readonly DiagnosticDescriptor EnvelopeNoShape = Create(
        "GTG004",
        UnsupportedTitle,
        "The envelope member '{0}' has no shape the envelope holds; it is kept in ExtensionData",
        DiagnosticSeverity.Warning);

    // {1} is the number of flags.
    public static readonly DiagnosticDescriptor EnvelopeFlagsTaken = Create(
        "GTG004",
        UnsupportedTitle,
        "The envelope member '{0}' needs a flag, and the {1} flags are taken; it is kept in ExtensionData",
        DiagnosticSeverity.Warning);

    // {1} is the rarity keyword.
    public static readonly DiagnosticDescriptor EnvelopeRoleNotRare = Create(
        "GTG004",
        UnsupportedTitle,
        "The envelope member '{0}' cannot be \"{1}\": its role decides where it is held",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EnvelopeUnusableName = Create(
        "GTG004",
        UnsupportedTitle,
        "The envelope member '{0}' is not a usable C# name; add \"x-csharp-name\"",
        DiagnosticSeverity.Warning);

    // {1} is the role the annotation names.
    public static readonly DiagnosticDescriptor EnvelopeUnknownRole = Create(
        "GTG004",
        UnsupportedTitle,
        "The envelope member '{0}' has the unknown role '{1}' (dispatch, payload, time, version or extension)",
        DiagnosticSeverity.Warning);

    // {1} is the ordering keyword, {2} the member it names.
    public static readonly DiagnosticDescriptor EnvelopeColumnBeforeUnknown = Create(
        "GTG004",
        UnsupportedTitle,
        "The envelope member '{0}' has \"{1}\": '{2}', which is no envelope member; its column keeps the record's order",
        DiagnosticSeverity.Warning);

    // GTG008: {0} is the exception's type and message.
    public static readonly DiagnosticDescriptor InternalError = Create(
        "GTG008",
        "Internal generator error",
        "GlacierTrail.Gen failed while processing this file: {0}. Please report this with the schema file.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidCSharpName = Create(
        "GTG009",
        "Invalid x-csharp-name",
        "The x-csharp-name '{0}' is not a valid C# identifier; use letters, digits and underscores, not starting with a digit",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor CyclicReference = Create(
        "GTG010",
        "Cyclic $ref",
        "The $ref '{0}' refers back to itself without an object in between; the value is kept as raw JSON",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidNamespace = Create(
        "GTG011",
        "Invalid GlacierTrailNamespace",
        "GlacierTrailNamespace '{0}' is not a valid C# namespace; 'GlacierTrail.Events' is used instead",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EventTypeNameCollision = Create(
        "GTG012",
        TypeNameCollisionTitle,
        "The C# type '{0}' would be generated by both '{1}' and '{2}'; only '{1}' is used. Give one a top-level \"x-csharp-name\".",
        DiagnosticSeverity.Error);

    // {3} is a type name derived from the event's service, such as TransferCreateUser.
    public static readonly DiagnosticDescriptor EventTypeNameCollisionWithSuggestion = Create(
        "GTG012",
        TypeNameCollisionTitle,
        "The C# type '{0}' would be generated by both '{1}' and '{2}'; only '{1}' is used. Give one a top-level \"x-csharp-name\", such as \"{3}\" for '{2}'.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DefinitionTypeNameCollision = Create(
        "GTG012",
        TypeNameCollisionTitle,
        "The C# type '{0}' would be generated by both '{1}' and '{2}'; only '{1}' is used. Rename the definition in one of them.",
        DiagnosticSeverity.Error);

    /// <summary>Every descriptor, ordered by id.</summary>
    public static readonly DiagnosticDescriptor[] All =
    {
        InvalidJson,
        SchemaNotObject, MissingCloudTrailBinding, MalformedCloudTrailBinding,
        DuplicateEvent,
        SchemaValueNotObject, SeveralTypes, UnknownType, TypeNotString, UnsupportedFormat, EnumNotArray, EnumValueNotString,
        EnumOnNonString, PropertiesNotObject, RequiredNotArray, RequiredEntryNotString, ShapeKeyword, IgnoredKeyword,
        PayloadNotObject, TopLevelPropertyIgnored,
        EnvelopeNoShape, EnvelopeFlagsTaken, EnvelopeRoleNotRare, EnvelopeUnusableName, EnvelopeUnknownRole, EnvelopeColumnBeforeUnknown,
        UnusableName,
        NameCollision,
        ReferenceNotString, ReferenceForm, MissingLocalDefinition, MissingExternalDefinition,
        InternalError,
        InvalidCSharpName,
        CyclicReference,
        InvalidNamespace,
        EventTypeNameCollision, EventTypeNameCollisionWithSuggestion, DefinitionTypeNameCollision,
    };

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
}
