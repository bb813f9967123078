using MassTransit;

namespace Crm.Testing;

/// <summary>Bus helpers for <see cref="ServiceTestHost"/> beyond <see cref="ServiceTestHost.Deliver{T}"/>.</summary>
public static class ServiceTestHostMessaging
{
    /// <summary>
    /// Delivers a message under a MessageId that may have been delivered before (as a broker redelivers) and waits until
    /// this very delivery was consumed. The harness's Consumed list keeps one entry per MessageId, so it cannot tell.
    /// </summary>
    public static async Task Redeliver<T>(this ServiceTestHost host, T message, Guid messageId) where T : class
    {
        var observer = new DeliveryObserver<T>(messageId);
        var handle = host.Harness.Bus.ConnectConsumeObserver(observer);
        try
        {
            await host.Harness.Bus.Publish(message, ctx => ctx.MessageId = messageId);
            await observer.Done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            handle.Disconnect();
        }
    }

    /// <summary>The messages of type <typeparamref name="T"/> published so far; never waits.</summary>
    public static IReadOnlyList<T> PublishedSoFar<T>(this ServiceTestHost host) where T : class =>
        host.Harness.Published.Select<T>(new CancellationToken(canceled: true)).Select(m => m.Context.Message).ToList();

    /// <summary>Waits until a message of type <typeparamref name="T"/> matching <paramref name="match"/> was published.</summary>
    public static Task<T> Published<T>(this ServiceTestHost host, Func<T, bool> match) where T : class =>
        Eventually.Get(() => Task.FromResult(host.PublishedSoFar<T>().FirstOrDefault(match)), what: $"{typeof(T).Name} to be published");

    private sealed class DeliveryObserver<TMessage>(Guid messageId) : IConsumeObserver where TMessage : class
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (Matches(context))
            {
                Done.TrySetResult();
            }

            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
        {
            if (Matches(context))
            {
                Done.TrySetException(exception);
            }

            return Task.CompletedTask;
        }

        private bool Matches<T>(ConsumeContext<T> context) where T : class => typeof(T) == typeof(TMessage) && context.MessageId == messageId;
    }
}
