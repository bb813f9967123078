using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Hosting;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.BuildingBlocks.Messaging;

/// <summary>Settings of every service's outbox dispatcher (configuration section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>How often the dispatcher looks for rows when no write has signalled it (another replica's, say).</summary>
    [Range(10, 60_000)]
    public int PollMilliseconds { get; set; } = 1000;
}

/// <summary>
/// Publishes what the outbox holds, in batches, oldest first. Safe with many replicas: each claims a batch by writing a lock token
/// with a conditional update, so two replicas never publish the same rows at the same time. A row whose publish fails
/// stays unsent and is retried after its lock expires; consumers' inboxes absorb the rare duplicate after a crash.
/// </summary>
internal sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignals signals,
    IBus bus,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : ServiceDbContext
{
    private const int BatchSize = 100;
    private static readonly TimeSpan ClaimFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(3);

    private readonly TimeSpan pollInterval = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WhenStarted(stoppingToken);
        var signal = signals.For(typeof(TContext));
        var take = BatchSize;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (published, failed) = await PublishBatch(take, stoppingToken);

                // While publishing fails (the broker away), one message at a time probes for its return: a whole batch
                // would only wait out its timeouts, and its publishes that complete after them would send it twice.
                var full = failed == 0 && published == take;
                take = failed > 0 && published == 0 ? 1 : BatchSize;
                if (full)
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

    private async Task<(int Published, int Failed)> PublishBatch(int take, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = time.GetUtcNow();
        var candidates = await db.OutboxMessages
            .Where(m => m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.OccurredAt)
            .Select(m => m.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return (0, 0);
        }

        var token = Guid.NewGuid();
        await db.OutboxMessages
            .Where(m => candidates.Contains(m.Id) && m.SentAt == null && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockToken, token).SetProperty(m => m.LockedUntil, now + ClaimFor), cancellationToken);
        var claimed = await db.OutboxMessages
            .Where(m => m.LockToken == token)
            .OrderBy(m => m.OccurredAt)
            .ToListAsync(cancellationToken);

        // The batch goes out at once (publisher confirms in flight together): one by one, a backlog after an outage
        // drains at the pace of one broker round trip per event. Consumers do not rely on the order of events.
        var failures = await Task.WhenAll(claimed.Select(async message =>
        {
            try
            {
                await Publish(message, cancellationToken);
                return (Exception?)null;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                return ex;
            }
        }));
        var failed = 0;
        for (var i = 0; i < claimed.Count; i++)
        {
            var message = claimed[i];
            if (failures[i] is not { } error)
            {
                message.SentAt = time.GetUtcNow();
                message.LockToken = null;
                continue;
            }

            failed++;
            message.Attempts++;
            message.LastError = error.Message.Length > 2000 ? error.Message[..2000] : error.Message;
            // Given back at once, so the next poll after the broker returns sends it rather than waiting for the claim.
            message.LockToken = null;
            message.LockedUntil = null;
        }

        if (failed > 0)
        {
            var first = failures.First(f => f is not null)!;
            logger.LogWarning(first, "Publishing {Failed} of {Count} outbox messages of {Context} failed; they are retried.", failed, claimed.Count, typeof(TContext).Name);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (claimed.Count - failed, failed);
    }

    private async Task Publish(OutboxMessage message, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = Telemetry.Source.StartActivity($"outbox publish {message.MessageType}", ActivityKind.Producer, parent);
        var integrationEvent = message.ToEvent();
        // While the broker is away a publish waits for the connection with MassTransit's growing back-off; a short bound
        // makes the dispatcher start a fresh attempt soon after the broker is back instead.
        // WaitAsync as well: a publish caught by a connection loss can miss its cancellation and its confirm, and must
        // not hold up the dispatcher; the row then stays unsent, and a late duplicate is absorbed by the inbox.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PublishTimeout);
        await bus.Publish(integrationEvent, integrationEvent.GetType(), Pipe.Execute<PublishContext>(ctx => ctx.MessageId = message.Id), timeout.Token)
            .WaitAsync(PublishTimeout, cancellationToken);
    }
}
