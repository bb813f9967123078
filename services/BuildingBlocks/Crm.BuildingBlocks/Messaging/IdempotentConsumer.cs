using Crm.BuildingBlocks.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Crm.BuildingBlocks.Messaging;

/// <summary>
/// A consumer with an inbox: the message id is recorded by the same SaveChanges as the consumer's own changes (and
/// any events it stages), so a redelivered message has no second effect, and a crash in between leaves neither. The
/// inbox is read first because redeliveries come in bursts after an outage (unacknowledged deliveries, an outbox
/// batch published again), and each is then one cheap query instead of a failed save. A save that loses a race for a
/// row (a concurrency token, or a unique key taken meanwhile by a competing consumer) runs <see cref="Handle"/> again
/// on a clean context, so a handler reads what it changes and has no effect outside the context.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TContext>(TContext db, TimeProvider time) : IConsumer<TMessage>
    where TMessage : class
    where TContext : ServiceDbContext
{
    private const int MaxAttempts = 10;

    protected TContext Db { get; } = db;

    protected TimeProvider Time { get; } = time;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("A message without a MessageId cannot be de-duplicated.");
        var consumer = GetType().Name;
        if (await AlreadyHandled(messageId, consumer, context.CancellationToken))
        {
            return;
        }

        for (var attempt = 1; ; attempt++)
        {
            await Handle(context.Message, context.CancellationToken);
            Db.InboxMessages.Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = Time.GetUtcNow() });
            try
            {
                await Db.SaveChangesAsync(context.CancellationToken);
                return;
            }
            catch (DbUpdateException)
            {
                Db.ChangeTracker.Clear();
                if (await AlreadyHandled(messageId, consumer, context.CancellationToken))
                {
                    // Delivered before (a redelivery, or a competing replica first): that effect stands, this one is discarded.
                    return;
                }

                // Else a competing consumer took the row meanwhile: run again on the row as it now stands. A save that can
                // never succeed fails the same way each time, and the last attempt hands it to the bus as poison.
                if (attempt == MaxAttempts)
                {
                    throw;
                }
            }
        }
    }

    /// <summary>Applies the message to the tracked entities; the base class saves them with the inbox row.</summary>
    protected abstract Task Handle(TMessage message, CancellationToken cancellationToken);

    private Task<bool> AlreadyHandled(Guid messageId, string consumer, CancellationToken cancellationToken) =>
        Db.InboxMessages.AsNoTracking().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken);
}
