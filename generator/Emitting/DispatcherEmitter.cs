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
    private const string Events = "global::System.Collections.Generic.IAsyncEnumerable<" + R + ".CloudTrailEvent>";

    public static string Emit(IReadOnlyList<EventIdentity> events, string @namespace) => EventEmitter.File(@namespace, w =>
    {
        var types = new TypeNames(@namespace);
        var ordered = events
            .OrderBy(e => e.EventSource, System.StringComparer.Ordinal)
            .ThenBy(e => e.EventName, System.StringComparer.Ordinal)
            .ToList();
        CSharp.Doc(w, "Reads CloudTrail logs into the typed events generated from the schemas in this compilation.");
        w.Line(CSharp.GeneratedCodeAttribute);
        using (w.Block("public static partial class GlacierTrailEvents"))
        {
            w.Lines($$"""
                /// <summary>
                /// The dispatcher, for the runtime's readers.
                /// </summary>
                public static {{R}}.Serialization.ICloudTrailEventFactory Factory { get; } = new EventFactory();

                /// <summary>
                /// Every (eventSource, eventName) with a generated type.
                /// </summary>
                public static global::System.Collections.Generic.IReadOnlyList<{{R}}.CloudTrailEventKey> KnownEvents => Factory.KnownEvents;

                /// <summary>
                /// The typed export table of every event type with a generated type, in the order of KnownEvents.
                /// </summary>
                public static global::System.Collections.Generic.IReadOnlyList<{{ColumnEmitter.Export}}.ExportTable> ExportTables { get; } = new {{ColumnEmitter.Export}}.ExportTable[]
                """);
            using (w.Block(suffix: ";"))
            {
                foreach (var evt in ordered)
                {
                    w.Line($"{types.Named(evt.ClassName)}.ExportTable,");
                }
            }

            w.Lines($$"""

                /// <summary>
                /// Reads a log file (plain or gzip), or every log file under a directory, as events in order.
                /// </summary>
                public static {{Events}} ReadFileAsync(string path, {{R}}.CloudTrailReaderOptions? options = null, global::System.Threading.CancellationToken cancellationToken = default) =>
                    {{R}}.CloudTrailLogReader.ReadFileAsync(path, Factory, options, cancellationToken);

                /// <summary>
                /// Reads a stream of CloudTrail records (plain or gzip) as events in order.
                /// </summary>
                public static {{Events}} ReadAsync(global::System.IO.Stream stream, {{R}}.CloudTrailReaderOptions? options = null, string? sourceName = null, global::System.Threading.CancellationToken cancellationToken = default) =>
                    {{R}}.CloudTrailLogReader.ReadAsync(stream, Factory, options, sourceName, cancellationToken);

                /// <summary>
                /// Reads a log held in memory (plain or gzip, any input format) as events in order; plain JSON is parsed where it lies.
                /// </summary>
                public static global::System.Collections.Generic.IEnumerable<{{R}}.CloudTrailEvent> Read(global::System.ReadOnlyMemory<byte> log, {{R}}.CloudTrailReaderOptions? options = null, string? sourceName = null) =>
                    {{R}}.CloudTrailLogReader.Read(log, Factory, options, sourceName);

                /// <summary>
                /// Parses one record (a JSON object in UTF-8).
                /// </summary>
                public static {{R}}.CloudTrailEvent ParseRecord(global::System.ReadOnlySpan<byte> utf8Json, {{R}}.CloudTrailReaderOptions? options = null) =>
                    {{R}}.Serialization.CloudTrailRecordParser.Parse(utf8Json, Factory, options);

                /// <summary>
                /// A new, empty event for these names, or null when no schema describes them.
                /// </summary>
                """);
            EmitCreateEvent(w, ordered, types);
            w.Line();
            EmitFactory(w, ordered);
        }
    });

    private static void EmitCreateEvent(SourceWriter w, List<EventIdentity> ordered, TypeNames types)
    {
        using (w.Block($"public static {R}.CloudTrailEvent? CreateEvent(global::System.ReadOnlySpan<byte> eventSource, global::System.ReadOnlySpan<byte> eventName)"))
        {
            foreach (var source in ordered.GroupBy(e => e.EventSource))
            {
                using (w.Block($"if (global::System.MemoryExtensions.SequenceEqual(eventSource, {CSharp.Utf8Literal(source.Key)}))"))
                {
                    using (w.Block("switch (eventName.Length)"))
                    {
                        foreach (var byLength in source.GroupBy(e => System.Text.Encoding.UTF8.GetByteCount(e.EventName)).OrderBy(g => g.Key))
                        {
                            using (w.Block($"case {byLength.Key.ToString(CultureInfo.InvariantCulture)}:"))
                            {
                                foreach (var evt in byLength)
                                {
                                    using (w.Block($"if (global::System.MemoryExtensions.SequenceEqual(eventName, {CSharp.Utf8Literal(evt.EventName)}))"))
                                    {
                                        w.Line($"return new {types.Named(evt.ClassName)}();");
                                    }

                                    w.Line();
                                }

                                w.Line("break;");
                            }
                        }
                    }

                    w.Line();
                    w.Line("return null;");
                }

                w.Line();
            }

            w.Line("return null;");
        }
    }

    private static void EmitFactory(SourceWriter w, List<EventIdentity> ordered)
    {
        using (w.Block($"private sealed class EventFactory : {R}.Serialization.ICloudTrailEventFactory"))
        {
            using (w.Block($"private static readonly {R}.CloudTrailEventKey[] Known =", ";"))
            {
                foreach (var evt in ordered)
                {
                    w.Line($"new {R}.CloudTrailEventKey({CSharp.Literal(evt.EventSource)}, {CSharp.Literal(evt.EventName)}),");
                }
            }

            w.Lines($$"""

                public global::System.Collections.Generic.IReadOnlyList<{{R}}.CloudTrailEventKey> KnownEvents => Known;

                public {{R}}.CloudTrailEvent? Create(global::System.ReadOnlySpan<byte> eventSource, global::System.ReadOnlySpan<byte> eventName) => CreateEvent(eventSource, eventName);
                """);
        }
    }
}
