using System;
using System.Collections.Generic;
using System.Text;
using GlacierTrail.Export;
using GlacierTrail.Parquet.Dataset;

namespace GlacierTrail.Parquet;

/// <summary>
/// <c>CREATE EXTERNAL TABLE</c> statements for Athena over an exported dataset on S3, with
/// partition projection on <c>account</c> (injected: queries name the account), <c>region</c>
/// and <c>date</c>, so no partition has to be added or crawled.
/// </summary>
public static class AthenaDdl
{
    private const string Regions =
        "af-south-1,ap-east-1,ap-east-2,ap-northeast-1,ap-northeast-2,ap-northeast-3,ap-south-1,ap-south-2,ap-southeast-1,ap-southeast-2,ap-southeast-3,ap-southeast-4,ap-southeast-5,ap-southeast-7,"
        + "ca-central-1,ca-west-1,eu-central-1,eu-central-2,eu-north-1,eu-south-1,eu-south-2,eu-west-1,eu-west-2,eu-west-3,il-central-1,me-central-1,me-south-1,mx-central-1,sa-east-1,"
        + "us-east-1,us-east-2,us-west-1,us-west-2,us-gov-east-1,us-gov-west-1,cn-north-1,cn-northwest-1";

    /// <summary>The statements for the <c>cloudtrail</c> table and every typed table, one after another.</summary>
    /// <param name="tables">The typed tables, e.g. <c>GlacierTrailEvents.ExportTables</c>.</param>
    /// <param name="location">The dataset's root on S3, <c>s3://BUCKET/PREFIX/</c>.</param>
    public static string Create(IReadOnlyList<ExportTable> tables, string location)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(location);
        if (!location.StartsWith("s3://", StringComparison.Ordinal) || location.Length <= "s3://".Length)
        {
            throw new ArgumentException($"The location '{location}' is not an S3 URI (s3://BUCKET/PREFIX/).", nameof(location));
        }

        string root = location.EndsWith('/') ? location : location + "/";
        var text = new StringBuilder();
        text.Append("-- eventtime is a timestamp (UTC), readonly and managementevent are booleans: AWS's own CloudTrail table keeps them as strings.\n");
        text.Append("-- Queries must name the account (WHERE account = '111122223333'): it is an injected projection.\n");
        Table(text, CloudTrailColumns.TableName, CloudTrailColumns.Columns, root);
        foreach (var (table, name) in TableNames.Assign(tables))
        {
            Table(text, name, table.Columns, root);
        }

        return text.ToString();
    }

    private static void Table(StringBuilder text, string name, IReadOnlyList<ColumnField> columns, string root)
    {
        string location = root + name + "/";
        text.Append('\n');
        text.Append("CREATE EXTERNAL TABLE IF NOT EXISTS ").Append(Quote(name)).Append(" (\n");
        var shapes = new HashSet<ColumnShape>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < columns.Count; i++)
        {
            text.Append("  ").Append(Quote(columns[i].Name)).Append(' ').Append(Type(columns[i], shapes));
            text.Append(i < columns.Count - 1 ? ",\n" : "\n");
        }

        text.Append(")\n");
        text.Append("PARTITIONED BY (`account` string, `region` string, `date` string)\n");
        text.Append("STORED AS PARQUET\n");
        text.Append("LOCATION '").Append(location).Append("'\n");
        text.Append("TBLPROPERTIES (\n");
        text.Append("  'projection.enabled'='true',\n");
        text.Append("  'projection.account.type'='injected',\n");
        text.Append("  'projection.region.type'='enum',\n");
        text.Append("  'projection.region.values'='").Append(Regions).Append("',\n");
        text.Append("  'projection.date.type'='date',\n");
        text.Append("  'projection.date.format'='yyyy-MM-dd',\n");
        text.Append("  'projection.date.range'='2013-11-01,NOW',\n");
        text.Append("  'projection.date.interval'='1',\n");
        text.Append("  'projection.date.interval.unit'='DAYS',\n");
        text.Append("  'storage.location.template'='").Append(location).Append("account=${account}/region=${region}/date=${date}'\n");
        text.Append(");\n");
    }

    // Hive's types; a struct that holds itself, or has no members, is JSON text (string), as the
    // Parquet files hold it.
    private static string Type(ColumnField column, HashSet<ColumnShape> shapes)
    {
        switch (column.Type)
        {
            case ColumnType.Int64:
                return "bigint";
            case ColumnType.Double:
                return "double";
            case ColumnType.Boolean:
                return "boolean";
            case ColumnType.Timestamp:
                return "timestamp";
            case ColumnType.List:
                return "array<" + Type(column.Element!, shapes) + ">";
            case ColumnType.Map:
                return "map<string," + Type(column.Element!, shapes) + ">";
            case ColumnType.Struct:
                var shape = column.Shape!;
                if (shape.Fields.Count == 0 || !shapes.Add(shape))
                {
                    return "string";
                }

                var members = new StringBuilder("struct<");
                for (int i = 0; i < shape.Fields.Count; i++)
                {
                    members.Append(i > 0 ? "," : string.Empty).Append(Member(shape.Fields[i].Name)).Append(':').Append(Type(shape.Fields[i], shapes));
                }

                shapes.Remove(shape);
                return members.Append('>').ToString();
            default:
                return "string";
        }
    }

    // Struct members are written bare where they can be, as AWS's own DDL writes them.
    private static string Member(string name)
    {
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                return Quote(name);
            }
        }

        return name;
    }

    private static string Quote(string name) => "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";
}
