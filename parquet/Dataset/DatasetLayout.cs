using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace GlacierTrail.Parquet.Dataset;

/// <summary>
/// Where rows go: <c>{table}/account={recipientAccountId}/region={awsRegion}/date={yyyy-MM-dd}/</c>,
/// Hive-style, with <c>unknown</c> for a value the event lacks.
/// </summary>
internal static class DatasetLayout
{
    public const string Unknown = "unknown";

    public static string Account(CloudTrailEvent evt) => evt.RecipientAccountId is { Length: > 0 } account ? account : Unknown;

    public static string Region(CloudTrailEvent evt) => evt.AwsRegion is { Length: > 0 } region ? region : Unknown;

    public static string Date(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Unknown;

    public static string Directory(string root, string table, string account, string region, string date) =>
        Path.Combine(root, Escape(table), "account=" + Escape(account), "region=" + Escape(region), "date=" + Escape(date));

    /// <summary>
    /// A path segment from a value in the data, as Hive escapes partition values: anything but
    /// letters, digits, '-', '_' and '.' becomes %XX (of its UTF-8 bytes), and a name of dots
    /// alone too, so no value can leave its folder.
    /// </summary>
    public static string Escape(string value)
    {
        bool plain = value.Length > 0 && value.Trim('.').Length > 0;
        foreach (char c in value)
        {
            plain &= char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
        }

        if (plain)
        {
            return value;
        }

        var escaped = new StringBuilder(value.Length * 3);
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            char c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return escaped.Length == 0 ? "%00" : escaped.ToString();
    }
}
