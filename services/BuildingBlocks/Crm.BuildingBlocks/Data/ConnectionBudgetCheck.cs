using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crm.BuildingBlocks.Data;

/// <summary>
/// At start-up, compares what the deployment may open (processes × pool size + reserve) with what the server allows,
/// and warns clearly when it cannot fit: past that limit, some process gets "too many connections" under load.
/// A database that cannot be reached now is not a reason to stop starting; the check is then skipped.
/// </summary>
internal sealed class ConnectionBudgetCheck<TContext>(
    IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, ILogger<ConnectionBudgetCheck<TContext>> logger) : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var available = await AvailableConnections(db, cancellationToken);
            var budget = options.Value.ConnectionsNeeded;
            if (budget > available)
            {
                logger.LogWarning(
                    "Connection budget does not fit: {Processes} processes × Database:MaxPoolSize {PoolSize} + {Reserved} reserved = {Needed} connections, but the {Context} database server allows {Available}. Lower Database:MaxPoolSize, or raise the server's max_connections.",
                    options.Value.ProcessesSharingServer, options.Value.MaxPoolSize, options.Value.ReservedConnections, budget, typeof(TContext).Name, available);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogInformation(ex, "The connection budget of {Context} could not be checked now.", typeof(TContext).Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<int> AvailableConnections(TContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            // The server keeps superuser_reserved_connections of max_connections for superusers only.
            return await db.Database.SqlQueryRaw<int>(
                "SELECT current_setting('max_connections')::int - current_setting('superuser_reserved_connections')::int AS \"Value\"").SingleAsync(cancellationToken);
        }

        return await db.Database.SqlQueryRaw<int>("SELECT @@MAX_CONNECTIONS AS [Value]").SingleAsync(cancellationToken);
    }
}
