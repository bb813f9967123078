using Crm.BuildingBlocks.Data;
using Crm.Complaints.Data;
using Crm.Contracts.Data;
using Crm.Customers.Data;
using Crm.Gateway.Data;
using Crm.Hospitality.Data;
using Crm.Visits.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Crm.Platform.Tests;

/// <summary>
/// Every database provider of every service keeps EF-generated migrations; a model change without a migration for
/// each provider fails here (fix: services/add-migration.sh &lt;Name&gt;). SQL Server's are checked, not run, here.
/// </summary>
public sealed class MigrationsTests
{
    public static TheoryData<Type> ProviderContexts => new(
        typeof(CustomersSqliteDbContext), typeof(CustomersPostgresDbContext), typeof(CustomersSqlServerDbContext),
        typeof(VisitsSqliteDbContext), typeof(VisitsPostgresDbContext), typeof(VisitsSqlServerDbContext),
        typeof(ContractsSqliteDbContext), typeof(ContractsPostgresDbContext), typeof(ContractsSqlServerDbContext),
        typeof(ComplaintsSqliteDbContext), typeof(ComplaintsPostgresDbContext), typeof(ComplaintsSqlServerDbContext),
        typeof(HospitalitySqliteDbContext), typeof(HospitalityPostgresDbContext), typeof(HospitalitySqlServerDbContext),
        typeof(GatewaySqliteDbContext), typeof(GatewayPostgresDbContext), typeof(GatewaySqlServerDbContext));

    [Theory]
    [MemberData(nameof(ProviderContexts))]
    public void Migrations_hold_every_model_change(Type contextType)
    {
        using var context = CreateAtDesignTime(contextType);
        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), $"{contextType.Name} has model changes that no migration holds.");
    }

    [Fact]
    public async Task SQLite_migrations_apply_to_an_empty_database()
    {
        var file = Path.Combine(Path.GetTempPath(), $"crm-migrations-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<CustomersSqliteDbContext>().UseSqlite($"Data Source={file}").Options;
        await using (var context = new CustomersSqliteDbContext(options))
        {
            await context.Database.MigrateAsync();
            Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
    }

    private static DbContext CreateAtDesignTime(Type contextType)
    {
        var factoryType = contextType.Assembly.GetTypes().Single(t =>
            typeof(IDesignTimeDbContextFactory<>).MakeGenericType(contextType).IsAssignableFrom(t) && !t.IsAbstract);
        var factory = Activator.CreateInstance(factoryType, nonPublic: true)!;
        return (DbContext)factoryType.GetMethod(nameof(IDesignTimeDbContextFactory<DbContext>.CreateDbContext))!.Invoke(factory, [Array.Empty<string>()])!;
    }
}
