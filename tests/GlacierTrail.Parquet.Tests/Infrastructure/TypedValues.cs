using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using GlacierTrail.Export;
using GlacierTrail.Testing;
using Xunit.Sdk;

namespace GlacierTrail.Parquet.Tests.Infrastructure;

/// <summary>
/// Compares a typed value (a generated object, read from the record) with what DuckDB read
/// from its export column, through reflection over the typed properties: independent of the
/// generated column writers under test.
/// </summary>
internal static class TypedValues
{
    public static void Equal(object? expected, object? actual, string path)
    {
        if (expected is null)
        {
            if (actual is not null)
            {
                throw new XunitException($"{path}: expected null, found {actual}");
            }

            return;
        }

        if (actual is null)
        {
            throw new XunitException($"{path}: expected {expected}, found null");
        }

        switch (expected)
        {
            case string or long or double or bool:
                Same(expected, actual, path);
                return;
            case DateTimeOffset time:
                var utc = time.UtcDateTime;
                var micros = new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
                Same(micros, ToUtc(actual), path);
                return;
            case RawJson raw:
                JsonAssert.Equal(raw.ToString(), (string)actual);
                return;
            case IColumnObject obj:
                Object(obj, actual, path);
                return;
            case IDictionary map:
                var actualMap = (IDictionary)actual;
                Same(map.Count, actualMap.Count, path + ".Count");
                foreach (DictionaryEntry entry in map)
                {
                    Equal(entry.Value, actualMap[entry.Key], path + "{" + entry.Key + "}");
                }

                return;
            case IEnumerable list:
                var expectedItems = list.Cast<object?>().ToList();
                var actualItems = ((IEnumerable)actual).Cast<object?>().ToList();
                Same(expectedItems.Count, actualItems.Count, path + ".Count");
                for (int i = 0; i < expectedItems.Count; i++)
                {
                    Equal(expectedItems[i], actualItems[i], path + "[" + i + "]");
                }

                return;
        }

        // A generated open enum: its text.
        if (expected.GetType().GetProperty("Value") is { PropertyType: var type } value && type == typeof(string))
        {
            Same(value.GetValue(expected), actual, path);
            return;
        }

        throw new XunitException($"{path}: no comparison for {expected.GetType()}");
    }

    /// <summary>The typed properties of a generated object, in declaration order (the order of its columns).</summary>
    public static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name != "ExtensionData")
            .OrderBy(p => p.MetadataToken);

    private static void Object(IColumnObject expected, object actual, string path)
    {
        var shape = (ColumnShape)expected.GetType().GetProperty("ColumnShape", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        if (actual is string json)
        {
            // A struct cut to JSON text (it holds itself, or has no members).
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                expected.WriteTo(writer);
            }

            JsonAssert.Equal(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan), json);
            return;
        }

        var row = (IDictionary)actual;
        var properties = Properties(expected.GetType()).ToList();
        Same(shape.Fields.Count, properties.Count, path + " members");
        for (int i = 0; i < properties.Count; i++)
        {
            string column = shape.Fields[i].Name;
            Same(properties[i].Name.ToLowerInvariant(), column.Replace("_", string.Empty, StringComparison.Ordinal), path + " column name");
            Equal(properties[i].GetValue(expected), row[column], path + "." + column);
        }
    }

    private static DateTime ToUtc(object actual) => actual switch
    {
        DateTimeOffset offset => offset.UtcDateTime,
        DateTime time => DateTime.SpecifyKind(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time, DateTimeKind.Utc),
        _ => throw new XunitException($"not a timestamp: {actual.GetType()}"),
    };

    private static void Same(object? expected, object? actual, string path)
    {
        if (!Equals(expected, actual))
        {
            throw new XunitException($"{path}: expected {expected} ({expected?.GetType().Name}), found {actual} ({actual?.GetType().Name})");
        }
    }
}
