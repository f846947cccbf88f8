using System;

namespace GlacierTrail.Export;

/// <summary>
/// Receives one row of an export table, value by value, in the order of the table's columns:
/// what generated code and <see cref="CloudTrailColumns"/> write to. A sink (Parquet, Arrow, ...)
/// implements it; the runtime and generated code know nothing of the file format.
/// </summary>
/// <remarks>
/// Each call fills the next column (or struct member, list element, map value). A struct is
/// written by <see cref="WriteObject"/>, which lets the object write its members in turn; a list
/// by <see cref="BeginList"/>, its elements, and <see cref="EndList"/>; a map by
/// <see cref="BeginMap"/>, a <see cref="WriteMapKey"/> before each value, and <see cref="EndMap"/>.
/// </remarks>
public interface IColumnWriter
{
    /// <summary>Writes null into the next column, whatever its type.</summary>
    void WriteNull();

    /// <summary>Writes a string (null for null).</summary>
    void WriteString(string? value);

    /// <summary>Writes an integer (null for null).</summary>
    void WriteInt64(long? value);

    /// <summary>Writes a float (null for null).</summary>
    void WriteDouble(double? value);

    /// <summary>Writes a boolean (null for null).</summary>
    void WriteBoolean(bool? value);

    /// <summary>Writes an instant, converted to UTC (null for null).</summary>
    void WriteTimestamp(DateTimeOffset? value);

    /// <summary>Writes JSON text (null for null) into a JSON column.</summary>
    void WriteJson(RawJson? value);

    /// <summary>Writes JSON text given as UTF-8 bytes into a JSON column.</summary>
    void WriteJson(ReadOnlySpan<byte> utf8Json);

    /// <summary>Writes an object (null for null): as a struct, or as JSON text where the column is JSON.</summary>
    void WriteObject(IColumnObject? value);

    /// <summary>Starts a list; the elements follow, then <see cref="EndList"/>.</summary>
    void BeginList();

    /// <summary>Ends the list started last.</summary>
    void EndList();

    /// <summary>Starts a map; each value follows its <see cref="WriteMapKey"/>, then <see cref="EndMap"/>.</summary>
    void BeginMap();

    /// <summary>Writes the key of the map value that follows.</summary>
    void WriteMapKey(string key);

    /// <summary>Ends the map started last.</summary>
    void EndMap();

    /// <summary>
    /// Writes the whole record's column (<c>rawrecord</c>) from JSON text the sink already holds
    /// for the event being written, as the event writes itself back (the record it was just read
    /// from, say), sparing the event from being written as JSON again; returns false when the
    /// sink holds none, and the caller writes it with <see cref="WriteJson(ReadOnlySpan{byte})"/>.
    /// </summary>
    bool TryWriteHeldRecord() => false;
}
