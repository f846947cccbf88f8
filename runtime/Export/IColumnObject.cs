using System.Text.Json;

namespace GlacierTrail.Export;

/// <summary>
/// A generated object that writes itself to an export table: as a struct, member by member, or
/// as JSON text where the table holds it that way.
/// </summary>
public interface IColumnObject
{
    /// <summary>Writes every member, in the order of the type's <see cref="ColumnShape"/>, one value (or null) each.</summary>
    void WriteColumns(IColumnWriter writer);

    /// <summary>Writes the object as JSON.</summary>
    void WriteTo(Utf8JsonWriter writer);
}
