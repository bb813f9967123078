using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Messaging;
using Crm.Contracts;
using Crm.Contracts.Data;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Contracts.Tests;

/// <summary>
/// What a long-running deployment must not keep forever: published outbox rows (7 days), handled-message records
/// (30 days) and stored idempotent answers (48 hours), each purged after its retention and not a moment before.
/// </summary>
public sealed class HousekeepingTests : IAsyncLifetime
{
    // UTC, as the services store every instant (SQLite compares them as stored).
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);
    private readonly TestClock clock = new(Now);
    private ServiceTestHost? host;

    public async Task InitializeAsync() => host = await ServiceTestHost.StartAsync(
        b =>
        {
            b.Services.AddSingleton<TimeProvider>(clock);
            b.AddContractsService();
        },
        a => a.MapContractsService());

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Rows_past_their_retention_are_purged_and_younger_ones_kept()
    {
        var keep = new List<Guid>();
        var purge = new List<Guid>();
        await host!.Scoped<ContractsDbContext, int>(async db =>
        {
            OutboxMessage Sent(TimeSpan ago, List<Guid> into)
            {
                var id = Guid.NewGuid();
                into.Add(id);
                return new OutboxMessage { Id = id, MessageType = "t", Body = "{}", OccurredAt = Now - ago, SentAt = Now - ago };
            }

            db.OutboxMessages.AddRange(Sent(TimeSpan.FromDays(7.1), purge), Sent(TimeSpan.FromDays(6.9), keep));
            db.OutboxMessages.Add(new OutboxMessage { Id = Guid.NewGuid(), MessageType = "unsent", Body = "{}", OccurredAt = Now.AddDays(-60) });
            db.InboxMessages.AddRange(
                new InboxMessage { MessageId = Guid.NewGuid(), Consumer = "old", ProcessedAt = Now.AddDays(-30.1) },
                new InboxMessage { MessageId = Guid.NewGuid(), Consumer = "young", ProcessedAt = Now.AddDays(-29.9) });
            db.IdempotencyRecords.AddRange(
                new IdempotencyRecord { Scope = "s", Key = "old", StatusCode = 201, ResponseBody = "{}", CreatedAt = Now.AddHours(-48.5) },
                new IdempotencyRecord { Scope = "s", Key = "young", StatusCode = 201, ResponseBody = "{}", CreatedAt = Now.AddHours(-47.5) });
            return await db.SaveChangesAsync();
        });

        await host.Services.GetRequiredService<Housekeeping<ContractsDbContext>>().PurgeAsync(CancellationToken.None);

        await host.Scoped<ContractsDbContext, int>(async db =>
        {
            var outbox = await db.OutboxMessages.Select(m => m.Id).ToListAsync();
            Assert.Subset(outbox.ToHashSet(), keep.ToHashSet());
            Assert.DoesNotContain(purge[0], outbox);
            Assert.Contains(await db.OutboxMessages.ToListAsync(), m => m.MessageType == "unsent");
            Assert.Equal(["young"], await db.InboxMessages.Select(m => m.Consumer).ToListAsync());
            Assert.Equal(["young"], await db.IdempotencyRecords.Select(r => r.Key).ToListAsync());
            return 0;
        });
    }
}
