using System.Data.Common;
using Dossier.Core.Model;
using Dossier.Core.Pipeline;

namespace Dossier.Storage;

/// <summary>Stored rows read back into the model, for every store alike: each store selects the same
/// columns in the same order, from <c>first</c> on.</summary>
public static class StoredRows
{
    /// <summary>(start, length, type).</summary>
    public static EntityMention Entity(DbDataReader row, int first) => new(Span(row, first), row.GetString(first + 2));

    /// <summary>(start, length, type, value, mod).</summary>
    public static TimeExpression Timex(DbDataReader row, int first) =>
        new(Span(row, first), row.GetString(first + 2), NullableString(row, first + 3), NullableString(row, first + 4));

    /// <summary>(start, length, value, unit, qualifier, role, value_max).</summary>
    public static Quantity Quantity(DbDataReader row, int first) =>
        new(Span(row, first), row.GetDouble(first + 2), row.GetString(first + 3), row.GetString(first + 4), Enum.Parse<QuantityRole>(row.GetString(first + 5), ignoreCase: true))
        {
            ValueMax = row.IsDBNull(first + 6) ? null : row.GetDouble(first + 6),
        };

    /// <summary>(triggers, class, status, sentence, framed, time_value, time_inferred, time_start,
    /// time_length, participants, place_start, place_length).</summary>
    public static EventMention Event(DbDataReader row, int first)
    {
        TextSpan? SpanAt(int column) => row.IsDBNull(first + column) ? null : Span(row, first + column);
        var time = row.IsDBNull(first + 5) ? null : new EventTime(row.GetString(first + 5), row.GetBoolean(first + 6), SpanAt(7));
        return new EventMention(SpanListCodec.Parse(row.GetString(first)), row.GetString(first + 1), Enum.Parse<EventStatus>(row.GetString(first + 2), ignoreCase: true),
            row.GetInt32(first + 3), row.GetBoolean(first + 4), time, SpanListCodec.Parse(row.GetString(first + 9)), SpanAt(10));
    }

    /// <summary>Groups with their members from rows (id, parent, label, data, doc, start, length,
    /// value) in group then member order; a group without members has one row of nulls for them.</summary>
    public static List<CorpusGroup> Groups(DbDataReader reader)
    {
        var groups = new List<CorpusGroup>();
        string? current = null;
        List<CorpusMember>? members = null;
        while (reader.Read())
        {
            var id = reader.GetString(0);
            if (id != current)
            {
                current = id;
                members = [];
                groups.Add(new CorpusGroup(id, NullableString(reader, 1), reader.GetString(2), reader.GetString(3), members));
            }
            if (!reader.IsDBNull(4))
                members!.Add(new CorpusMember(reader.GetInt64(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetString(7)));
        }
        return groups;
    }

    private static TextSpan Span(DbDataReader row, int first) => new(row.GetInt32(first), row.GetInt32(first + 1));

    private static string? NullableString(DbDataReader row, int column) => row.IsDBNull(column) ? null : row.GetString(column);
}
