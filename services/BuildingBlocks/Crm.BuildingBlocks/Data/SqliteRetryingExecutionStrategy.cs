using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.BuildingBlocks.Data;

/// <summary>
/// Retries what SQLite reports as busy or locked (another writer holds the file). EF Core ships retrying strategies
/// for SQL Server and PostgreSQL but none for SQLite; this one also makes the embedded host and the fast tests run
/// under the same rule as production, where a transaction begun outside the strategy is an error.
/// </summary>
public sealed class SqliteRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, maxRetryCount: 6, maxRetryDelay: TimeSpan.FromSeconds(2))
{
    protected override bool ShouldRetryOn(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 };
}
