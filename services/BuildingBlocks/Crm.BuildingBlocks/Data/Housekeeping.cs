using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.BuildingBlocks.Data;

/// <summary>The <c>Retention</c> section: how long the bookkeeping rows of reliable messaging and creating POSTs stay.</summary>
public sealed class RetentionOptions
{
    /// <summary>Published outbox rows, kept for diagnosis.</summary>
    [Range(1, 3650)]
    public int OutboxDays { get; set; } = 7;

    /// <summary>
    /// Handled-message records. Longer than any message can wait before it is redelivered or replayed from an
    /// <c>_error</c> queue, since a purged record can no longer hold back a duplicate.
    /// </summary>
    [Range(1, 3650)]
    public int InboxDays { get; set; } = 30;

    /// <summary>Stored answers to creating POSTs, replayed for a repeated Idempotency-Key within this time.</summary>
    [Range(1, 87600)]
    public int IdempotencyHours { get; set; } = 48;
}

/// <summary>
/// Deletes what a long-running deployment no longer needs: published outbox rows, handled-message records and stored
/// idempotent answers past their retention. Hourly on every replica: the deletes are idempotent, so replicas that run
/// them at once only repeat each other's work.
/// </summary>
public sealed class Housekeeping<TContext>(
    IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider time, IHostApplicationLifetime lifetime,
    ILogger<Housekeeping<TContext>> logger) : BackgroundService
    where TContext : ServiceDbContext
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WhenStarted(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PurgeAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Housekeeping of {Context} failed; it runs again in an hour.", typeof(TContext).Name);
            }

            await Task.Delay(Every, time, stoppingToken);
        }
    }

    public async Task PurgeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = time.GetUtcNow();
        var retention = options.Value;
        var sentBefore = now.AddDays(-retention.OutboxDays);
        var handledBefore = now.AddDays(-retention.InboxDays);
        var answeredBefore = now.AddHours(-retention.IdempotencyHours);
        var outbox = await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < sentBefore).ExecuteDeleteAsync(cancellationToken);
        var inbox = await db.InboxMessages.Where(m => m.ProcessedAt < handledBefore).ExecuteDeleteAsync(cancellationToken);
        var answers = await db.IdempotencyRecords.Where(r => r.CreatedAt < answeredBefore).ExecuteDeleteAsync(cancellationToken);
        if (outbox + inbox + answers > 0)
        {
            logger.LogInformation("Housekeeping of {Context}: {Outbox} outbox, {Inbox} inbox and {Answers} idempotency rows purged.",
                typeof(TContext).Name, outbox, inbox, answers);
        }
    }
}
