using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace GlacierTrail.Serialization;

/// <summary>Helpers the generated writers call.</summary>
/// <remarks>This API supports the code the GlacierTrail generator emits and is not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CloudTrailJsonWriter
{
    /// <summary>
    /// Whether <paramref name="key"/> is kept verbatim. A verbatim copy is what was read, so it
    /// is written instead of the typed value.
    /// </summary>
    public static bool IsKept(IReadOnlyList<RawJsonProperty>? extensionData, string key)
    {
        if (extensionData is null)
        {
            return false;
        }

        for (int i = 0; i < extensionData.Count; i++)
        {
            if (string.Equals(extensionData[i].Name, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes every member kept verbatim.</summary>
    public static void WriteExtensionData(Utf8JsonWriter writer, IReadOnlyList<RawJsonProperty>? extensionData)
    {
        if (extensionData is null)
        {
            return;
        }

        for (int i = 0; i < extensionData.Count; i++)
        {
            writer.WritePropertyName(extensionData[i].Name);
            extensionData[i].Value.WriteTo(writer);
        }
    }

    /// <summary>Writes a timestamp the way CloudTrail does.</summary>
    public static void WriteDateTimeValue(Utf8JsonWriter writer, DateTimeOffset value)
    {
        Span<byte> buffer = stackalloc byte[CloudTrailDateTime.MaxLength];
        CloudTrailDateTime.TryFormat(value, buffer, out int written);
        writer.WriteStringValue(buffer[..written]);
    }
}
