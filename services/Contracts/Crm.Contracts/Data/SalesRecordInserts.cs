using Crm.Contracts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Crm.Contracts.Data;

/// <summary>
/// Inserts many sales records at once. EF Core has no bulk insert and no bulk-insert library is served here, so on
/// PostgreSQL this is the smallest correct piece: Npgsql's binary COPY into the table EF maps (column names from the
/// model), in the caller's transaction, instead of an INSERT per row (tests/Crm.Benchmarks contracts-import prints what
/// the import reaches). Other providers insert through the change tracker on the next SaveChanges.
/// </summary>
public static class SalesRecordInserts
{
    /// <summary>The columns in the order <see cref="WriteAsync"/> writes them.</summary>
    private static readonly string[] Columns =
    [
        nameof(SalesRecord.Id), nameof(SalesRecord.CustomerId), nameof(SalesRecord.Region), nameof(SalesRecord.OwnerId), nameof(SalesRecord.Month),
        nameof(SalesRecord.ProductCode), nameof(SalesRecord.DeliveredRegion), nameof(SalesRecord.GrossQuantity), nameof(SalesRecord.NetQuantity),
        nameof(SalesRecord.NetAmount), nameof(SalesRecord.StockQuantity), nameof(SalesRecord.SlowMovingQuantity), nameof(SalesRecord.RecordedBy),
        nameof(SalesRecord.RecordedAt),
    ];

    private static async Task WriteAsync(NpgsqlBinaryImporter import, SalesRecord r, CancellationToken cancellationToken)
    {
        await import.StartRowAsync(cancellationToken);
        await import.WriteAsync(r.Id, NpgsqlDbType.Uuid, cancellationToken);
        await import.WriteAsync(r.CustomerId, NpgsqlDbType.Uuid, cancellationToken);
        await import.WriteAsync(r.Region, NpgsqlDbType.Varchar, cancellationToken);
        await import.WriteAsync(r.OwnerId, NpgsqlDbType.Varchar, cancellationToken);
        await import.WriteAsync(r.Month, NpgsqlDbType.Date, cancellationToken);
        await import.WriteAsync(r.ProductCode, NpgsqlDbType.Varchar, cancellationToken);
        await import.WriteAsync(r.DeliveredRegion, NpgsqlDbType.Varchar, cancellationToken);
        await import.WriteAsync(r.GrossQuantity, NpgsqlDbType.Numeric, cancellationToken);
        await import.WriteAsync(r.NetQuantity, NpgsqlDbType.Numeric, cancellationToken);
        await import.WriteAsync(r.NetAmount, NpgsqlDbType.Numeric, cancellationToken);
        await import.WriteAsync(r.StockQuantity, NpgsqlDbType.Numeric, cancellationToken);
        await import.WriteAsync(r.SlowMovingQuantity, NpgsqlDbType.Numeric, cancellationToken);
        await import.WriteAsync(r.RecordedBy, NpgsqlDbType.Varchar, cancellationToken);
        await import.WriteAsync(r.RecordedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, cancellationToken);
    }

    public static async Task InsertSalesRecordsAsync(this ContractsDbContext db, IReadOnlyCollection<SalesRecord> records, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql() || records.Count == 0)
        {
            db.SalesRecords.AddRange(records);
            return;
        }

        var entity = db.Model.FindEntityType(typeof(SalesRecord))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        if (entity.GetProperties().Count() != Columns.Length)
        {
            throw new InvalidOperationException($"{nameof(SalesRecord)} has properties the COPY into {table.Name} does not write; add them to {nameof(Columns)}.");
        }

        var columns = string.Join(", ", Columns.Select(c => $"\"{entity.FindProperty(c)!.GetColumnName(table)}\""));
        var name = table.Schema is null ? $"\"{table.Name}\"" : $"\"{table.Schema}\".\"{table.Name}\"";
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var import = await connection.BeginBinaryImportAsync($"COPY {name} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var record in records)
        {
            await WriteAsync(import, record, cancellationToken);
        }

        await import.CompleteAsync(cancellationToken);
    }
}
