using Crm.BuildingBlocks.Data;
using Crm.Contracts.Data;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;

namespace Crm.Platform.Tests;

/// <summary>
/// Contract and complaint numbers under a herd: many requests allocating from one series at once, each with its own
/// connection, all get a number, no two the same, and with nothing failing in between, no gaps either.
/// </summary>
public sealed class DocumentNumbersTests
{
    private const int Requests = 300;

    [Fact]
    public async Task Three_hundred_concurrent_allocations_on_PostgreSQL_get_numbers_1_to_300()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.UniqueName("crm_numbers"));
        var options = (DbContextOptions<ContractsPostgresDbContext>)new DbContextOptionsBuilder<ContractsPostgresDbContext>()
            .UseProvider(DatabaseProvider.Postgres, database.ConnectionString + ";Maximum Pool Size=20").Options;
        await using (var db = new ContractsPostgresDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        await AssertHerdGetsEveryNumberOnce(() => new ContractsPostgresDbContext(options));
    }

    [Fact]
    public async Task Three_hundred_concurrent_allocations_on_SQLite_get_numbers_1_to_300()
    {
        var file = Path.Combine(Path.GetTempPath(), $"crm-numbers-{Guid.NewGuid():N}.db");
        var options = (DbContextOptions<ContractsSqliteDbContext>)new DbContextOptionsBuilder<ContractsSqliteDbContext>()
            .UseProvider(DatabaseProvider.Sqlite, $"Data Source={file}").Options;
        await using (var db = new ContractsSqliteDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        await AssertHerdGetsEveryNumberOnce(() => new ContractsSqliteDbContext(options));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
    }

    private static async Task AssertHerdGetsEveryNumberOnce(Func<ContractsDbContext> context)
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, Requests).Select(_ => Task.Run(async () =>
        {
            await using var db = context();
            return await db.NextNumberAsync("CT", 2026, CancellationToken.None);
        })));

        Assert.Equal(Enumerable.Range(1, Requests).Select(n => $"CT-2026-{n:D6}"), numbers.Order(StringComparer.Ordinal));
    }
}
