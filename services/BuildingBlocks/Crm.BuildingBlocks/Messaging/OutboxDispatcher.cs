using System.Diagnostics;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Hosting;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crm.BuildingBlocks.Messaging;

/// <summary>
/// Publishes what the outbox holds, oldest first. Safe with many replicas: each claims a batch by writing a lock token
/// with a conditional update, so two replicas never publish the same rows at the same time. A row whose publish fails
/// stays unsent and is retried after its lock expires; consumers' inboxes absorb the rare duplicate after a crash.
/// </summary>
internal sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignals signals,
    IBus bus,
    TimeProvider time,
    IConfiguration configuration,
    IHostApplicationLifetime lifetime,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : ServiceDbContext
{
    private const int BatchSize = 100;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromSeconds(30);

    private readonly TimeSpan pollInterval = TimeSpan.FromMilliseconds(configuration.GetValue("Outbox:PollMilliseconds", 1000));
    private readonly TimeSpan retention = TimeSpan.FromDays(configuration.GetValue("Outbox:RetentionDays", 7));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WhenStarted(stoppingToken);
        var signal = signals.For(typeof(TContext));
        var nextCleanup = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var published = await PublishBatch(stoppingToken);
                if (time.GetUtcNow() >= nextCleanup)
                {
                    await DeleteSentOlderThanRetention(stoppingToken);
                    nextCleanup = time.GetUtcNow().AddHours(1);
                }

                if (published == BatchSize)
                {
                    continue;
                }

                await signal.WaitAsync(pollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Outbox of {Context} could not be dispatched; retrying.", typeof(TContext).Name);
                await Task.Delay(pollInterval, time, stoppingToken);
            }
        }
    }

    private async Task<int> PublishBatch(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = time.GetUtcNow();
        var candidates = await db.OutboxMessages
            .Where(m => m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.OccurredAt)
            .Select(m => m.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return 0;
        }

        var token = Guid.NewGuid();
        await db.OutboxMessages
            .Where(m => candidates.Contains(m.Id) && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockToken, token).SetProperty(m => m.LockedUntil, now + ClaimFor), cancellationToken);
        var claimed = await db.OutboxMessages
            .Where(m => m.LockToken == token)
            .OrderBy(m => m.OccurredAt)
            .ToListAsync(cancellationToken);

        foreach (var message in claimed)
        {
            try
            {
                await Publish(message, cancellationToken);
                message.SentAt = time.GetUtcNow();
                message.LockToken = null;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                logger.LogWarning(ex, "Publishing outbox message {MessageId} ({Type}) failed.", message.Id, message.MessageType);
                break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return claimed.Count(m => m.SentAt is not null);
    }

    private async Task Publish(OutboxMessage message, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = Telemetry.Source.StartActivity($"outbox publish {message.MessageType}", ActivityKind.Producer, parent);
        var integrationEvent = message.ToEvent();
        await bus.Publish(integrationEvent, integrationEvent.GetType(), Pipe.Execute<PublishContext>(ctx => ctx.MessageId = message.Id), cancellationToken);
    }

    private async Task DeleteSentOlderThanRetention(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = time.GetUtcNow() - retention;
        await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
