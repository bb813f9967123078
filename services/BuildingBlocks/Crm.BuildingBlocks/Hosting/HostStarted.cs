using Microsoft.Extensions.Hosting;

namespace Crm.BuildingBlocks.Hosting;

public static class HostStarted
{
    /// <summary>
    /// Completes when every hosted service has started: migrations applied, seeds written and the bus listening.
    /// Background loops wait for it so that they neither read an unmigrated database nor publish into a bus whose
    /// queues are not bound yet (the in-memory transport drops such messages).
    /// </summary>
    public static async Task WhenStarted(this IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
    }
}
