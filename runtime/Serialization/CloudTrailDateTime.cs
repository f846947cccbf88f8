using System;
using System.Buffers;
using System.Buffers.Text;
using System.Globalization;

namespace GlacierTrail.Serialization;

/// <summary>
/// The timestamp text CloudTrail writes (<c>2014-12-10T19:05:15Z</c>), used to write timestamps
/// back exactly as they were read. A timestamp read in any other shape is kept verbatim too.
/// </summary>
internal static class CloudTrailDateTime
{
    /// <summary>The longest text <see cref="TryFormat"/> writes.</summary>
    public const int MaxLength = 33;

    /// <summary>
    /// Writes <paramref name="value"/> as CloudTrail does: whole seconds in UTC as
    /// <c>yyyy-MM-ddTHH:mm:ssZ</c>; anything finer, or another offset, in ISO 8601 round-trip form.
    /// </summary>
    public static bool TryFormat(DateTimeOffset value, Span<byte> destination, out int written)
    {
        if (value.Offset == TimeSpan.Zero && value.Ticks % TimeSpan.TicksPerSecond == 0)
        {
            return value.UtcDateTime.TryFormat(destination, out written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
        }

        return Utf8Formatter.TryFormat(value, destination, out written, new StandardFormat('O'));
    }

    /// <summary>
    /// <see cref="RoundTrips"/> for a value that was parsed from <paramref name="utf8"/>: text in
    /// exactly CloudTrail's shape that parsed at all writes back the same (every field is
    /// fixed-width), so only other shapes need formatting to find out.
    /// </summary>
    internal static bool ParsedTextRoundTrips(DateTimeOffset parsed, ReadOnlySpan<byte> utf8) =>
        IsCanonicalShape(utf8) || RoundTrips(parsed, utf8);

    internal static bool IsCanonicalShape(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length != 20 || utf8[4] != '-' || utf8[7] != '-' || utf8[10] != 'T' || utf8[13] != ':' || utf8[16] != ':' || utf8[19] != 'Z')
        {
            return false;
        }

        foreach (int i in (ReadOnlySpan<int>)[0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18])
        {
            if (!char.IsAsciiDigit((char)utf8[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Reads text in exactly CloudTrail's shape (<c>yyyy-MM-ddTHH:mm:ssZ</c>) by position, the
    /// common case, without the general ISO 8601 parser. False for any other text, which the
    /// general parser then reads.
    /// </summary>
    internal static bool TryParseCanonical(ReadOnlySpan<byte> utf8, out DateTimeOffset value)
    {
        value = default;
        if (!IsCanonicalShape(utf8))
        {
            return false;
        }

        int year = Digits(utf8, 0, 4), month = Digits(utf8, 5, 2), day = Digits(utf8, 8, 2);
        int hour = Digits(utf8, 11, 2), minute = Digits(utf8, 14, 2), second = Digits(utf8, 17, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static int Digits(ReadOnlySpan<byte> utf8, int start, int count)
    {
        int value = 0;
        for (int i = start; i < start + count; i++)
        {
            value = (value * 10) + (utf8[i] - '0');
        }

        return value;
    }

    /// <summary>Whether ISO 8601 text names its zone (<c>Z</c> or an offset) after the time.</summary>
    internal static bool HasZone(ReadOnlySpan<byte> utf8)
    {
        int time = utf8.IndexOfAny("Tt "u8);
        return time >= 0 && utf8[time..].IndexOfAny("Zz+-"u8) >= 0;
    }

    /// <summary>
    /// Reads the timestamp forms log shippers and hand-written records use besides ISO 8601:
    /// a space instead of <c>T</c>, fractional seconds, no zone (read as UTC, as CloudTrail's
    /// times are).
    /// </summary>
    internal static bool TryParseLenient(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(text, LenientForms, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    private static readonly string[] LenientForms = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK"];

    /// <summary>The text <see cref="TryFormat"/> writes.</summary>
    public static string Format(DateTimeOffset value)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        TryFormat(value, buffer, out int written);
        return System.Text.Encoding.UTF8.GetString(buffer[..written]);
    }

    /// <summary>Whether writing <paramref name="value"/> back gives exactly <paramref name="utf8"/>.</summary>
    public static bool RoundTrips(DateTimeOffset value, ReadOnlySpan<byte> utf8)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        return TryFormat(value, buffer, out int written) && buffer[..written].SequenceEqual(utf8);
    }
}
