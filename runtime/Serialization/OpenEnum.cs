using System;
using System.ComponentModel;
using System.Text;

namespace GlacierTrail.Serialization;

/// <summary>
/// What every generated open enum (<see cref="IOpenEnum{TSelf}"/>) does, written once here
/// rather than in each generated struct. For generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class OpenEnum
{
    /// <summary>The value to wrap; throws on null, as the generated constructor promises.</summary>
    /// <param name="value">The value.</param>
    /// <returns><paramref name="value"/>.</returns>
    public static string Require(string value) => value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Whether <paramref name="value"/> is one of its type's known values.</summary>
    /// <typeparam name="T">The generated open enum.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>True when a known value equals it.</returns>
    public static bool IsKnown<T>(T value)
        where T : struct, IOpenEnum<T>
    {
        foreach (var known in Known<T>.Values)
        {
            if (known.Equals(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Reads the current string token (its kind already checked). A known value is matched on
    /// its UTF-8 bytes and returned without allocating; any other value is kept as read.
    /// </summary>
    /// <typeparam name="T">The generated open enum.</typeparam>
    /// <param name="reader">The reader, at a string value.</param>
    /// <returns>The value.</returns>
    public static T Read<T>(ref CloudTrailJsonReader reader)
        where T : struct, IOpenEnum<T>
    {
        var values = Known<T>.Values;
        var utf8 = Known<T>.Utf8;
        for (int i = 0; i < utf8.Length; i++)
        {
            if (reader.ValueIs(utf8[i]))
            {
                return values[i];
            }
        }

        return T.Create(reader.GetString());
    }

    // The known values of one open enum, and their UTF-8 bytes, built once per type.
    private static class Known<T>
        where T : struct, IOpenEnum<T>
    {
        public static readonly T[] Values = ToArray(T.KnownValues);

        public static readonly byte[][] Utf8 = Array.ConvertAll(Values, v => Encoding.UTF8.GetBytes(v.Value));

        private static T[] ToArray(System.Collections.Generic.IReadOnlyList<T> known)
        {
            var result = new T[known.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = known[i];
            }

            return result;
        }
    }
}
