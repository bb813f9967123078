using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.Data;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;

namespace Crm.Platform.Tests;

/// <summary>
/// The COPY path of <see cref="BulkInserts"/> on a real PostgreSQL database: what it writes reads back through EF Core
/// exactly as a SaveChanges would have written it, value converters (an enum as text, JSON columns), nulls and the
/// outbox rows of the aggregates' events included; their audit lines, whose keys the database generates, go by SaveChanges.
/// </summary>
public sealed class BulkInsertsTests
{
    [Fact]
    public async Task rows_copied_into_PostgreSQL_read_back_as_saved_with_their_events_in_the_outbox_and_their_audit_lines()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.UniqueName("crm_bulk"));
        var options = new DbContextOptionsBuilder<ContractsPostgresDbContext>().UseNpgsql(database.ConnectionString).Options;
        await using (var db = new ContractsPostgresDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        var at = new DateTimeOffset(2026, 3, 31, 8, 0, 0, TimeSpan.Zero);
        var sale = new SalesRecord
        {
            Id = Guid.NewGuid(), CustomerId = Guid.NewGuid(), Region = "EAST", OwnerId = "rep.east", Month = new DateOnly(2026, 3, 1), ProductCode = "TL-600",
            DeliveredRegion = "SOUTH", GrossQuantity = 100.5m, NetQuantity = 90.25m, NetAmount = 5_415m, StockQuantity = 10m, SlowMovingQuantity = 0m,
            RecordedBy = "rep.east", RecordedAt = at,
        };
        var alert = CrossRegionAlert.Open("CX-2026-000001", CrossRegionKind.ExclusiveRegion, sale, "华东建材 East", "送往 SOUTH，独家区域 Into an exclusive region",
            ["CT-2026-000001", "CT-2026-000002"], Guid.NewGuid(), at);
        await using (var db = new ContractsPostgresDbContext(options))
        {
            await db.InTransactionAsync(async token =>
            {
                await db.InsertInBulkAsync([sale], token);
                db.CrossRegionAlerts.Add(alert);
                await db.SaveChangesInBulkAsync(token);
                return (true, true);
            }, default);
        }

        await using (var db = new ContractsPostgresDbContext(options))
        {
            var storedSale = await db.SalesRecords.AsNoTracking().SingleAsync();
            var storedAlert = await db.CrossRegionAlerts.AsNoTracking().SingleAsync();
            var outbox = await db.OutboxMessages.AsNoTracking().SingleAsync();
            var audit = await db.AuditLog.AsNoTracking().SingleAsync();

            Assert.Equivalent(sale, storedSale, strict: true);
            Assert.Equal((CrossRegionKind.ExclusiveRegion, "CX-2026-000001", "送往 SOUTH，独家区域 Into an exclusive region"), (storedAlert.Kind, storedAlert.Number, storedAlert.Reason));
            Assert.Equal(["CT-2026-000001", "CT-2026-000002"], storedAlert.Contracts);
            Assert.Null(storedAlert.Resolution);
            Assert.Equal((alert.OtherDealerId, at, 1L), (storedAlert.OtherDealerId, storedAlert.DetectedAt, storedAlert.Version));
            Assert.Equal((typeof(CrossRegionSaleDetected).FullName, (DateTimeOffset?)null, 0), (outbox.MessageType, outbox.SentAt, outbox.Attempts));
            Assert.Equal(alert.Id, ((CrossRegionSaleDetected)outbox.ToEvent()).AlertId);
            Assert.Equal((AuditEntry.System, AuditActions.CrossRegionSaleDetected, alert.Id, at), (audit.UserId, audit.Action, audit.SubjectId, audit.At));
        }
    }
}
