using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace GlacierTrail.Cli.Suggest;

/// <summary>
/// Infers a starting schema for each (eventSource, eventName) with none, from the records seen:
/// the members of <c>requestParameters</c> and <c>responseElements</c>, their JSON types, nested
/// objects and arrays; a null seen makes a type nullable. Written in the project's dialect
/// (<c>x-cloudtrail</c>, <c>x-evidence: "inferred"</c>), with nothing the generator would warn
/// about: several types are left untyped (raw), nothing is marked required.
/// </summary>
internal sealed class SchemaSuggester
{
    private static readonly string[] Payloads = { "requestParameters", "responseElements" };
    private static readonly string[] PayloadClass = { "RequestParameters", "ResponseElements" };
    private readonly Dictionary<CloudTrailEventKey, (long Records, Shape[] Payloads)> _events = new();

    public void Add(string eventSource, string eventName, JsonElement record)
    {
        var key = new CloudTrailEventKey(eventSource, eventName);
        if (!_events.TryGetValue(key, out var entry))
        {
            entry = (0, new[] { new Shape(), new Shape() });
        }

        for (int i = 0; i < Payloads.Length; i++)
        {
            if (record.TryGetProperty(Payloads[i], out var value))
            {
                entry.Payloads[i].Add(value);
            }
        }

        _events[key] = (entry.Records + 1, entry.Payloads);
    }

    /// <summary>How many (eventSource, eventName) pairs without a schema were seen.</summary>
    public int Count => _events.Count;

    /// <summary>Writes <c>DIR/{service}/{eventName}.schema.json</c> for each event seen; returns the paths.</summary>
    public List<string> WriteAll(string directory)
    {
        var written = new List<string>();
        var keys = new List<CloudTrailEventKey>(_events.Keys);
        keys.Sort((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()));
        var typeNames = TypeNames(keys);
        foreach (var key in keys)
        {
            string folder = Path.Combine(directory, SafeName(ServiceOf(key.EventSource)));
            Directory.CreateDirectory(folder);
            string path = Path.Combine(folder, SafeName(key.EventName) + ".schema.json");
            var (records, payloads) = _events[key];
            using (var stream = File.Create(path))
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                Write(writer, key, records, payloads, typeNames[key]);
            }

            File.AppendAllText(path, "\n");
            written.Add(path);
        }

        return written;
    }

    /// <summary>
    /// The type name of each suggested event: its event name, unless that is no plain identifier,
    /// or names a type of the built-in schemas or of another suggested service (the generator
    /// compares type names ignoring case); then the service and the event name,
    /// <c>TransferCreateUser</c>, written as a top-level <c>x-csharp-name</c>.
    /// </summary>
    private static Dictionary<CloudTrailEventKey, (string Name, bool Explicit)> TypeNames(List<CloudTrailEventKey> keys)
    {
        var taken = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var known in GlacierTrail.Events.GlacierTrailEvents.KnownEvents)
        {
            if (CSharpNames.Derived(known.EventName) is { } name)
            {
                taken[name] = name;
            }
        }

        var services = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys)
        {
            string name = CSharpNames.Derived(key.EventName) ?? CSharpNames.FromWords(key.EventName);
            services[name] = services.GetValueOrDefault(name) + 1;
        }

        var names = new Dictionary<CloudTrailEventKey, (string, bool)>();
        foreach (var key in keys)
        {
            string? derived = CSharpNames.Derived(key.EventName);
            string plain = derived ?? CSharpNames.FromWords(key.EventName);
            if (derived is not null && services[plain] == 1 && !taken.ContainsKey(plain))
            {
                taken[plain] = plain;
                names[key] = (plain, false);
                continue;
            }

            string name = CSharpNames.Unique(CSharpNames.FromWords(ServiceOf(key.EventSource)) + plain, taken);
            taken[name] = name;
            names[key] = (name, true);
        }

        return names;
    }

    internal static void Write(Utf8JsonWriter writer, CloudTrailEventKey key, long records, Shape[] payloads, (string Name, bool Explicit) type)
    {
        writer.WriteStartObject();
        writer.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
        writer.WriteString("title", key.EventName);
        writer.WriteString("description", string.Create(CultureInfo.InvariantCulture, $"{key.EventName} ({key.EventSource}). Inferred by 'glaciertrail check --suggest' from {records} record(s): review the types, describe each member, mark what is required, then add it to your schemas."));
        if (type.Explicit)
        {
            // Another service (or a built-in schema) has an event of this name.
            writer.WriteString("x-csharp-name", type.Name);
        }

        writer.WriteStartObject("x-cloudtrail");
        writer.WriteString("eventSource", key.EventSource);
        writer.WriteString("eventName", key.EventName);
        writer.WriteEndObject();
        writer.WriteString("x-evidence", "inferred");
        writer.WriteString("type", "object");
        writer.WriteStartObject("properties");
        for (int i = 0; i < Payloads.Length; i++)
        {
            if (payloads[i].Count > 0)
            {
                writer.WritePropertyName(Payloads[i]);
                WriteShape(writer, payloads[i], string.Create(CultureInfo.InvariantCulture, $"{Payloads[i]}, seen in {payloads[i].Count} of {records} record(s)."), type.Name + PayloadClass[i], explicitName: null);
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    // className: the class the generator makes of this value if it is an object.
    private static void WriteShape(Utf8JsonWriter writer, Shape shape, string description, string className, string? explicitName)
    {
        var kinds = shape.Kinds();
        writer.WriteStartObject();
        if (explicitName is not null)
        {
            writer.WriteString("x-csharp-name", explicitName);
        }

        if (kinds.Count == 0)
        {
            writer.WriteString("type", "null");
        }
        else if (kinds.Count == 1 && shape.Null)
        {
            writer.WriteStartArray("type");
            writer.WriteStringValue(kinds[0]);
            writer.WriteStringValue("null");
            writer.WriteEndArray();
        }
        else if (kinds.Count == 1)
        {
            writer.WriteString("type", kinds[0]);
        }
        else
        {
            description += " Seen as " + string.Join(", ", kinds) + (shape.Null ? ", null" : string.Empty) + ": left untyped (kept as raw JSON).";
        }

        writer.WriteString("description", description);
        if (kinds.Count == 1)
        {
            if (kinds[0] == "string" && shape.AllDates)
            {
                writer.WriteString("format", "date-time");
            }
            else if (kinds[0] == "object" && shape.Properties.Count > 0)
            {
                writer.WriteStartObject("properties");
                var names = CSharpNames.ForMembers(className, shape.Order, out _);
                foreach (string name in shape.Order)
                {
                    var child = shape.Properties[name];
                    writer.WritePropertyName(name);
                    string member = CSharpNames.Of(name, names[name]);
                    WriteShape(writer, child, string.Create(CultureInfo.InvariantCulture, $"Seen in {child.Count} of {shape.Objects} object(s)."), className + member, names[name]);
                }

                writer.WriteEndObject();
            }
            else if (kinds[0] == "array" && shape.Items is { } items && items.Kinds().Count > 0)
            {
                writer.WritePropertyName("items");
                WriteShape(writer, items, "An item.", className + "Item", explicitName: null);
            }
        }

        writer.WriteEndObject();
    }

    // glacier.amazonaws.com → glacier: the folder and type-name prefix of a suggested schema.
    private static string ServiceOf(string eventSource)
    {
        int dot = eventSource.IndexOf('.');
        return dot > 0 ? eventSource[..dot] : eventSource;
    }

    private static string SafeName(string name)
    {
        var chars = name.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(chars[i]) && chars[i] is not '-' and not '_')
            {
                chars[i] = '_';
            }
        }

        return chars.Length == 0 ? "_" : new string(chars);
    }

    /// <summary>What the values at one place in the records looked like.</summary>
    internal sealed class Shape
    {
        public long Count { get; private set; }

        public long Objects { get; private set; }

        public bool Null { get; private set; }

        public bool AllDates { get; private set; } = true;

        public Dictionary<string, Shape> Properties { get; } = new(StringComparer.Ordinal);

        public List<string> Order { get; } = new();

        public Shape? Items { get; private set; }

        private bool _string, _integer, _number, _boolean, _object, _array;

        public void Add(JsonElement value)
        {
            Count++;
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                    Null = true;
                    break;
                case JsonValueKind.String:
                    _string = true;
                    AllDates &= value.GetString()!.Length >= 10 && value.TryGetDateTimeOffset(out _);
                    break;
                case JsonValueKind.Number:
                    if (value.TryGetInt64(out _))
                    {
                        _integer = true;
                    }
                    else
                    {
                        _number = true;
                    }

                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    _boolean = true;
                    break;
                case JsonValueKind.Object:
                    _object = true;
                    Objects++;
                    foreach (var member in value.EnumerateObject())
                    {
                        if (!Properties.TryGetValue(member.Name, out var child))
                        {
                            Properties[member.Name] = child = new Shape();
                            Order.Add(member.Name);
                        }

                        child.Add(member.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    _array = true;
                    foreach (var item in value.EnumerateArray())
                    {
                        (Items ??= new Shape()).Add(item);
                    }

                    break;
            }
        }

        /// <summary>The non-null JSON types seen (integers and other numbers make a number).</summary>
        public List<string> Kinds()
        {
            var kinds = new List<string>();
            if (_string)
            {
                kinds.Add("string");
            }

            if (_number)
            {
                kinds.Add("number");
            }
            else if (_integer)
            {
                kinds.Add("integer");
            }

            if (_boolean)
            {
                kinds.Add("boolean");
            }

            if (_object)
            {
                kinds.Add("object");
            }

            if (_array)
            {
                kinds.Add("array");
            }

            return kinds;
        }
    }
}
