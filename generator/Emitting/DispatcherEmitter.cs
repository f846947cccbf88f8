using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GlacierTrail.Gen.Model;

namespace GlacierTrail.Gen.Emitting;

/// <summary>
/// Writes <c>GlacierTrailEvents</c>: the entry points, and the dispatcher from UTF-8
/// (eventSource, eventName) bytes to a new event — a switch on the name's length, then byte
/// comparisons, so most names cost one comparison and nothing is allocated.
/// </summary>
internal static class DispatcherEmitter
{
    private const string R = TypeNames.Runtime;

    public static string Emit(IReadOnlyList<EventIdentity> events, string @namespace)
    {
        var types = new TypeNames(@namespace);
        var ordered = events
            .OrderBy(e => e.EventSource, System.StringComparer.Ordinal)
            .ThenBy(e => e.EventName, System.StringComparer.Ordinal)
            .ToList();
        var w = EventEmitter.Header(@namespace);
        CSharp.Doc(w, "Reads CloudTrail logs into the typed events generated from the schemas in this compilation.");
        w.Line(CSharp.GeneratedCodeAttribute);
        w.Open("public static partial class GlacierTrailEvents");
        CSharp.Doc(w, "The dispatcher, for the runtime's readers.");
        w.Line($"public static {R}.Serialization.ICloudTrailEventFactory Factory {{ get; }} = new EventFactory();");
        w.Line();
        CSharp.Doc(w, "Every (eventSource, eventName) with a generated type.");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{R}.CloudTrailEventKey> KnownEvents => Factory.KnownEvents;");
        w.Line();
        CSharp.Doc(w, "The typed export table of every event type with a generated type, in the order of KnownEvents.");
        w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{ColumnEmitter.Export}.ExportTable> ExportTables {{ get; }} = new {ColumnEmitter.Export}.ExportTable[]");
        w.Open();
        foreach (var evt in ordered)
        {
            w.Line($"{types.Named(evt.ClassName)}.ExportTable,");
        }

        w.Close("};");
        w.Line();
        CSharp.Doc(w, "Reads a log file (plain or gzip), or every log file under a directory, as events in order.");
        w.Line($"public static global::System.Collections.Generic.IAsyncEnumerable<{R}.CloudTrailEvent> ReadFileAsync(string path, {R}.CloudTrailReaderOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default) =>");
        w.Line($"    {R}.CloudTrailLogReader.ReadFileAsync(path, Factory, options, cancellationToken);");
        w.Line();
        CSharp.Doc(w, "Reads a stream of CloudTrail records (plain or gzip) as events in order.");
        w.Line($"public static global::System.Collections.Generic.IAsyncEnumerable<{R}.CloudTrailEvent> ReadAsync(global::System.IO.Stream stream, {R}.CloudTrailReaderOptions? options = null, string? sourceName = null, global::System.Threading.CancellationToken cancellationToken = default) =>");
        w.Line($"    {R}.CloudTrailLogReader.ReadAsync(stream, Factory, options, sourceName, cancellationToken);");
        w.Line();
        CSharp.Doc(w, "Reads a log held in memory (plain or gzip, any input format) as events in order; plain JSON is parsed where it lies.");
        w.Line($"public static global::System.Collections.Generic.IEnumerable<{R}.CloudTrailEvent> Read(global::System.ReadOnlyMemory<byte> log, {R}.CloudTrailReaderOptions? options = null, string? sourceName = null) =>");
        w.Line($"    {R}.CloudTrailLogReader.Read(log, Factory, options, sourceName);");
        w.Line();
        CSharp.Doc(w, "Parses one record (a JSON object in UTF-8).");
        w.Line($"public static {R}.CloudTrailEvent ParseRecord(global::System.ReadOnlySpan<byte> utf8Json, {R}.CloudTrailReaderOptions? options = null) =>");
        w.Line($"    {R}.Serialization.CloudTrailRecordParser.Parse(utf8Json, Factory, options);");
        w.Line();
        CSharp.Doc(w, "A new, empty event for these names, or null when no schema describes them.");
        w.Open($"public static {R}.CloudTrailEvent? CreateEvent(global::System.ReadOnlySpan<byte> eventSource, global::System.ReadOnlySpan<byte> eventName)");
        foreach (var source in ordered.GroupBy(e => e.EventSource))
        {
            w.Open($"if (global::System.MemoryExtensions.SequenceEqual(eventSource, {CSharp.Utf8Literal(source.Key)}))");
            w.Open("switch (eventName.Length)");
            foreach (var byLength in source.GroupBy(e => System.Text.Encoding.UTF8.GetByteCount(e.EventName)).OrderBy(g => g.Key))
            {
                w.Open($"case {byLength.Key.ToString(CultureInfo.InvariantCulture)}:");
                foreach (var evt in byLength)
                {
                    w.Open($"if (global::System.MemoryExtensions.SequenceEqual(eventName, {CSharp.Utf8Literal(evt.EventName)}))");
                    w.Line($"return new {types.Named(evt.ClassName)}();");
                    w.Close();
                    w.Line();
                }

                w.Line("break;");
                w.Close();
            }

            w.Close();
            w.Line();
            w.Line("return null;");
            w.Close();
            w.Line();
        }

        w.Line("return null;");
        w.Close();
        w.Line();
        w.Open($"private sealed class EventFactory : {R}.Serialization.ICloudTrailEventFactory");
        w.Open($"private static readonly {R}.CloudTrailEventKey[] Known =");
        foreach (var evt in ordered)
        {
            w.Line($"new {R}.CloudTrailEventKey({CSharp.Literal(evt.EventSource)}, {CSharp.Literal(evt.EventName)}),");
        }

        w.Close("};");
        w.Line();
        w.Line($"public global::System.Collections.Generic.IReadOnlyList<{R}.CloudTrailEventKey> KnownEvents => Known;");
        w.Line();
        w.Line($"public {R}.CloudTrailEvent? Create(global::System.ReadOnlySpan<byte> eventSource, global::System.ReadOnlySpan<byte> eventName) => CreateEvent(eventSource, eventName);");
        w.Close();
        w.Close();
        return EventEmitter.Footer(w);
    }
}
