using Crm.BuildingBlocks.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Crm.BuildingBlocks.Messaging;

/// <summary>
/// A consumer with an inbox: the message id is recorded by the same SaveChanges as the consumer's own changes (and
/// any events it stages), so a redelivered message has no second effect, and a crash in between leaves neither.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TContext>(TContext db, TimeProvider time) : IConsumer<TMessage>
    where TMessage : class
    where TContext : ServiceDbContext
{
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

        await Handle(context.Message, context.CancellationToken);
        Db.InboxMessages.Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = Time.GetUtcNow() });
        try
        {
            await Db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await AlreadyHandled(messageId, consumer, context.CancellationToken))
            {
                throw;
            }

            // A competing replica handled the same delivery first; its effect stands and this one is discarded.
        }
    }

    /// <summary>Applies the message to the tracked entities; the base class saves.</summary>
    protected abstract Task Handle(TMessage message, CancellationToken cancellationToken);

    private Task<bool> AlreadyHandled(Guid messageId, string consumer, CancellationToken cancellationToken) =>
        Db.InboxMessages.AsNoTracking().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, cancellationToken);
}
