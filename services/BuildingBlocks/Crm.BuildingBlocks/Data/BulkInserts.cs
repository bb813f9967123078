using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Crm.BuildingBlocks.Data;

/// <summary>
/// Inserts for imports of thousands of rows. On PostgreSQL the rows go by binary COPY instead of an INSERT each; on the
/// other providers through EF Core as usual. EF Core has no bulk insert and no bulk-insert library is served here, so
/// this is the smallest correct piece: entities of plain columns (no owned or complex types, no store-generated
/// values), every column written as EF maps it (column name, store type, value converter), in the caller's transaction
/// (<see cref="Transactions.InTransactionAsync"/>) so that the COPYs and the rest of the unit commit together. The rows
/// must not reference each other by foreign keys (tables are copied one after the other).
/// </summary>
public static partial class BulkInserts
{
    /// <summary>Adds rows that are not tracked: copied at once on PostgreSQL, otherwise added for the next SaveChanges.</summary>
    public static async Task InsertInBulkAsync<T>(this ServiceDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (!db.Database.IsNpgsql())
        {
            db.Set<T>().AddRange(rows);
            return;
        }

        await CopyAsync(db, db.Model.FindEntityType(typeof(T))!, rows, cancellationToken);
    }

    /// <summary>
    /// SaveChanges for a unit of work that adds thousands of rows: on PostgreSQL every row it adds, the outbox rows of its
    /// aggregates' events included, is copied, and SaveChanges then writes its updates and deletes. Rows whose key the
    /// database generates (audit lines) stay with SaveChanges, which reads the keys back.
    /// </summary>
    public static async Task<int> SaveChangesInBulkAsync(this ServiceDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return await db.SaveChangesAsync(cancellationToken);
        }

        db.StageDomainEvents();
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && !HasStoreGeneratedKey(e.Metadata)).ToList();
        foreach (var table in added.GroupBy(e => e.Metadata))
        {
            await CopyAsync(db, table.Key, table.Select(e => e.Entity).ToList(), cancellationToken);
        }

        foreach (var entry in added)
        {
            entry.State = EntityState.Unchanged;
        }

        return added.Count + await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task CopyAsync(DbContext db, IEntityType entity, IEnumerable<object> rows, CancellationToken cancellationToken)
    {
        var (table, columns) = Columns(entity);
        var name = table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var import = await connection.BeginBinaryImportAsync(
            $"COPY {name} ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            await import.StartRowAsync(cancellationToken);
            foreach (var column in columns)
            {
                var value = column.Read(row);
                if (value is null)
                {
                    await import.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await import.WriteAsync(value, column.StoreType, cancellationToken);
                }
            }
        }

        await import.CompleteAsync(cancellationToken);
    }

    private sealed record Column(string Name, string StoreType, Func<object, object?> Read);

    private static (StoreObjectIdentifier Table, List<Column> Columns) Columns(IEntityType entity)
    {
        if (entity.GetTableName() is not { } tableName || entity.GetComplexProperties().Any() || entity.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
        {
            throw new NotSupportedException($"{entity.DisplayName()} is not a table of plain columns; COPY it with SaveChanges instead.");
        }

        var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        return (table, entity.GetProperties().Select(p =>
        {
            if (p.PropertyInfo is not { } clr || IsStoreGeneratedKey(p))
            {
                throw new NotSupportedException($"{entity.DisplayName()}.{p.Name} is a shadow or store-generated column; a COPY writes what the entity holds.");
            }

            var converter = p.GetTypeMapping().Converter;
            // The store type without its facets: "character varying(30)" is written as "character varying".
            return new Column(p.GetColumnName(table)!, Facets().Replace(p.GetColumnType(), ""),
                converter is null ? clr.GetValue : row => clr.GetValue(row) is { } v ? converter.ConvertToProvider(v) : null);
        }).ToList());
    }

    private static bool HasStoreGeneratedKey(IEntityType entity) => entity.GetProperties().Any(IsStoreGeneratedKey);

    private static bool IsStoreGeneratedKey(IProperty p) => p.ValueGenerated.HasFlag(ValueGenerated.OnAdd) && p.IsKey() && p.ClrType != typeof(Guid);

    [GeneratedRegex(@"\(.*\)")]
    private static partial Regex Facets();
}
