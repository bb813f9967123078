using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Messaging;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Crm.BuildingBlocks.Data;

public enum DatabaseProvider { Sqlite, Postgres, SqlServer }

/// <summary>The <c>Database</c> section: which server, and this process's share of its connections.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// The most connections this process opens to its database server (the pool's size; a request or message that
    /// finds the pool empty waits for a connection instead of opening one more). Every process of a deployment,
    /// replicas included, times this must fit the server's max_connections: see <see cref="ProcessesSharingServer"/>.
    /// </summary>
    [Range(2, 1000)]
    public int MaxPoolSize { get; set; } = 12;

    /// <summary>An idle pooled connection is closed after this long, so a quiet process gives its connections back.</summary>
    [Range(1, 3600)]
    public int ConnectionIdleLifetimeSeconds { get; set; } = 60;

    /// <summary>
    /// How many processes of the deployment (services, gateway, replicas) share this database server, each with
    /// its own <see cref="MaxPoolSize"/>. Checked against the server's limit at start-up.
    /// </summary>
    [Range(1, 10_000)]
    public int ProcessesSharingServer { get; set; } = 1;

    /// <summary>Connections kept free on the server for operators and migrations, beyond the server's own reserve.</summary>
    [Range(0, 1000)]
    public int ReservedConnections { get; set; } = 10;

    /// <summary>The most connections the whole deployment may hold on the server, by this configuration.</summary>
    public int ConnectionsNeeded => ProcessesSharingServer * MaxPoolSize + ReservedConnections;
}

/// <summary>
/// Chooses the database by configuration: <c>Database:Provider</c> (Sqlite, Postgres, SqlServer) and the connection
/// string named after the service (<c>ConnectionStrings:Customers</c>), else <c>ConnectionStrings:Database</c>.
/// Each provider has its own context type (a one-line subclass) so that each keeps its own EF-generated migrations.
/// Every provider runs with a retrying execution strategy, so a transient failure (a restart, a dropped connection,
/// SQLite busy) is retried, and so user-initiated transactions must go through <see cref="Transactions.InTransactionAsync{TContext,T}"/>.
/// </summary>
public static class DatabaseSetup
{
    // Few and short: a request should get its 503 within seconds, and a consumer's message goes back to its queue.
    private const int RetryCount = 3;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public static DatabaseOptions Options(IConfiguration configuration) =>
        configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();

    public static DatabaseProvider Provider(IConfiguration configuration) => Options(configuration).Provider;

    public static string ConnectionString(IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name)
        ?? configuration.GetConnectionString("Database")
        ?? $"Data Source={name.ToLowerInvariant()}.db";

    /// <summary>The connection string with this process's pool budget applied (server databases only).</summary>
    public static string Budgeted(DatabaseProvider provider, string connectionString, DatabaseOptions options) => provider switch
    {
        DatabaseProvider.Postgres => new NpgsqlConnectionStringBuilder(connectionString)
        {
            MaxPoolSize = options.MaxPoolSize,
            ConnectionIdleLifetime = options.ConnectionIdleLifetimeSeconds,
        }.ConnectionString,
        DatabaseProvider.SqlServer => new SqlConnectionStringBuilder(connectionString) { MaxPoolSize = options.MaxPoolSize }.ConnectionString,
        _ => connectionString,
    };

    public static DbContextOptionsBuilder UseProvider(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.ExecutionStrategy(d => new SqliteRetryingExecutionStrategy(d))),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, o => o.EnableRetryOnFailure(RetryCount, RetryDelay, null)),
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString, o => o.EnableRetryOnFailure(RetryCount, RetryDelay, null)),
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
        builder.Services.AddOptions<DatabaseOptions>().Bind(builder.Configuration.GetSection("Database")).ValidateDataAnnotations().ValidateOnStart();
        var options = Options(builder.Configuration);
        var provider = options.Provider;
        var connectionString = Budgeted(provider, ConnectionString(builder.Configuration, name), options);
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

        // EF's check opens the context's connection; the server's own check runs SELECT 1 with the same (budgeted)
        // connection string, so both draw on the context's pool.
        var checkName = name.ToLowerInvariant();
        var health = builder.Services.AddHealthChecks().AddDbContextCheck<TContext>($"{checkName}-database", tags: [ServiceDefaults.ReadyTag]);
        _ = provider switch
        {
            DatabaseProvider.Postgres => health.AddNpgSql(connectionString, name: $"{checkName}-postgres", tags: [ServiceDefaults.ReadyTag], timeout: TimeSpan.FromSeconds(5)),
            DatabaseProvider.SqlServer => health.AddSqlServer(connectionString, name: $"{checkName}-sqlserver", tags: [ServiceDefaults.ReadyTag], timeout: TimeSpan.FromSeconds(5)),
            _ => health,
        };
        if (provider != DatabaseProvider.Sqlite)
        {
            builder.Services.AddHostedService<ConnectionBudgetCheck<TContext>>();
        }

        if (options.MigrateOnStartup)
        {
            builder.Services.AddHostedService<MigrateOnStartup<TContext>>();
        }

        return builder;
    }

    /// <summary>
    /// A service database: <see cref="AddDatabase{TContext,TSqlite,TPostgres,TSqlServer}"/> plus its outbox dispatcher
    /// and the housekeeping of its outbox, inbox and idempotency records.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TSqlite, TPostgres, TSqlServer>(this IHostApplicationBuilder builder, string name)
        where TContext : ServiceDbContext
        where TSqlite : TContext
        where TPostgres : TContext
        where TSqlServer : TContext
    {
        builder.Services.AddOutboxNotifier();
        builder.AddDatabase<TContext, TSqlite, TPostgres, TSqlServer>(name);
        builder.Services.AddOptions<OutboxOptions>().Bind(builder.Configuration.GetSection("Outbox")).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<OutboxDispatcher<TContext>>();
        builder.Services.AddOptions<RetentionOptions>().Bind(builder.Configuration.GetSection("Retention")).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Housekeeping<TContext>>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Housekeeping<TContext>>());
        return builder;
    }
}
