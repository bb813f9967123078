using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.BuildingBlocks.Data;

/// <summary>
/// A value stored as one JSON text column: a document read and written whole (a visit report, a review trail), never
/// queried by its inner fields. The same text on SQLite, PostgreSQL and SQL Server; enums by name.
/// </summary>
public static class JsonColumns
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
    {
        // Records with lists compare by reference; comparing the JSON text makes a changed list a change.
        var comparer = new ValueComparer<T>(
            (a, b) => Serialize(a) == Serialize(b),
            v => Serialize(v).GetHashCode(StringComparison.Ordinal),
            v => Deserialize<T>(Serialize(v)));
        property.HasConversion(v => Serialize(v), text => Deserialize<T>(text), comparer);
        return property;
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static T Deserialize<T>(string text) => JsonSerializer.Deserialize<T>(text, Options)!;
}
