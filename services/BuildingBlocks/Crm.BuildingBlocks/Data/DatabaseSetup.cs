using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Crm.BuildingBlocks.Data;

public enum DatabaseProvider { Sqlite, Postgres, SqlServer }

/// <summary>
/// Chooses the database by configuration: <c>Database:Provider</c> (Sqlite, Postgres, SqlServer) and the connection
/// string named after the service (<c>ConnectionStrings:Customers</c>), else <c>ConnectionStrings:Database</c>.
/// Each provider has its own context type (a one-line subclass) so that each keeps its own EF-generated migrations.
/// </summary>
public static class DatabaseSetup
{
    public static DatabaseProvider Provider(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"], ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;

    public static string ConnectionString(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name)
        ?? configuration.GetConnectionString("Database")
        ?? $"Data Source={name.ToLowerInvariant()}.db";

    public static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString),
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString, o => o.EnableRetryOnFailure()),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };

    /// <summary>
    /// Registers <typeparamref name="TContext"/> backed by the provider-specific subclass the configuration asks for,
    /// a readiness check on it, and migration at start-up when <c>Database:MigrateOnStartup</c> is true (the default).
    /// </summary>
    public static IHostApplicationBuilder AddDatabase<TContext, TSqlite, TPostgres, TSqlServer>(this IHostApplicationBuilder builder, string name)
        where TContext : DbContext
        where TSqlite : TContext
        where TPostgres : TContext
        where TSqlServer : TContext
    {
        var provider = Provider(builder.Configuration);
        var connectionString = ConnectionString(builder.Configuration, name);
        Action<IServiceProvider, DbContextOptionsBuilder> configure = (sp, o) =>
        {
            o.UseProvider(provider, connectionString);
            o.AddInterceptors(sp.GetServices<IInterceptor>());
        };
        _ = provider switch
        {
            DatabaseProvider.Sqlite => builder.Services.AddDbContext<TContext, TSqlite>(configure),
            DatabaseProvider.Postgres => builder.Services.AddDbContext<TContext, TPostgres>(configure),
            _ => builder.Services.AddDbContext<TContext, TSqlServer>(configure),
        };

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck<TContext>>($"{name.ToLowerInvariant()}-database", tags: [ServiceDefaults.ReadyTag]);
        if (builder.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            builder.Services.AddHostedService<MigrateOnStartup<TContext>>();
        }

        return builder;
    }

    /// <summary>A service database: <see cref="AddDatabase{TContext,TSqlite,TPostgres,TSqlServer}"/> plus its outbox dispatcher.</summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TSqlite, TPostgres, TSqlServer>(this IHostApplicationBuilder builder, string name)
        where TContext : ServiceDbContext
        where TSqlite : TContext
        where TPostgres : TContext
        where TSqlServer : TContext
    {
        builder.Services.AddOutboxNotifier();
        builder.AddDatabase<TContext, TSqlite, TPostgres, TSqlServer>(name);
        builder.Services.AddHostedService<OutboxDispatcher<TContext>>();
        return builder;
    }
}

internal sealed class DatabaseHealthCheck<TContext>(TContext db) : IHealthCheck where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Cannot connect to the {typeof(TContext).Name} database.");
}
