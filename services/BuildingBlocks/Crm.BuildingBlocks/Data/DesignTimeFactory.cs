using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Crm.BuildingBlocks.Data;

/// <summary>
/// Lets `dotnet ef` build a provider-specific context without starting the service. The connection string is never
/// opened when generating migrations or checking for pending model changes.
/// </summary>
public abstract class DesignTimeFactory<TContext>(DatabaseProvider provider) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var connectionString = provider switch
        {
            DatabaseProvider.Sqlite => "Data Source=design-time.db",
            DatabaseProvider.Postgres => "Host=localhost;Database=design_time",
            _ => "Server=localhost;Database=design_time;TrustServerCertificate=true",
        };
        var options = new DbContextOptionsBuilder<TContext>().UseProvider(provider, connectionString).Options;
        return (TContext)Activator.CreateInstance(typeof(TContext), options)!;
    }
}
