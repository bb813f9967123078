using System.Collections.Concurrent;
using System.Data.Common;
using Crm.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Crm.BuildingBlocks.Messaging;

/// <summary>
/// Wakes a context's outbox dispatcher as soon as a save or a commit may have added events, so publishing does not wait
/// for the next poll. Polling remains the safety net (for rows left by a crash or written by another replica).
/// </summary>
public sealed class OutboxSignals
{
    private readonly ConcurrentDictionary<Type, SemaphoreSlim> signals = new();

    public SemaphoreSlim For(Type contextType) => signals.GetOrAdd(contextType, _ => new SemaphoreSlim(0, 1));

    public void Notify(DbContext? context)
    {
        if (context is not ServiceDbContext)
        {
            return;
        }

        foreach (var (type, signal) in signals)
        {
            if (type.IsInstanceOfType(context) && signal.CurrentCount == 0)
            {
                try
                {
                    signal.Release();
                }
                catch (SemaphoreFullException)
                {
                    // Another save woke it first; one wake-up is enough.
                }
            }
        }
    }
}

internal sealed class OutboxNotifier(OutboxSignals signals) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
        {
            signals.Notify(eventData.Context);
        }

        return ValueTask.FromResult(result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        signals.Notify(eventData.Context);
        return Task.CompletedTask;
    }
}

public static class OutboxRegistration
{
    public static IServiceCollection AddOutboxNotifier(this IServiceCollection services)
    {
        services.TryAddSingleton<OutboxSignals>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInterceptor, OutboxNotifier>());
        return services;
    }
}
