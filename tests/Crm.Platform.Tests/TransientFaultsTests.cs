using System.Net.Sockets;
using Crm.BuildingBlocks.Resilience;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crm.Platform.Tests;

/// <summary>
/// What counts as a dependency that blinked (503 with Retry-After; the message goes back to its queue) and what is a
/// fault of the request or message itself (an error; poison goes to <c>_error</c>).
/// </summary>
public sealed class TransientFaultsTests
{
    public static TheoryData<string, Exception, bool> Cases => new()
    {
        { "PostgreSQL out of connection slots (53300)", new PostgresException("too many clients", "FATAL", "FATAL", "53300"), true },
        { "PostgreSQL shutting down (57P01)", new PostgresException("terminating connection", "FATAL", "FATAL", "57P01"), true },
        { "connection refused, wrapped by EF", new DbUpdateException("save failed", new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))), true },
        { "SQLite busy", new SqliteException("database is locked", 5), true },
        { "a timeout", new TimeoutException("pool exhausted"), true },
        { "PostgreSQL unique violation (23505)", new DbUpdateException("duplicate", new PostgresException("duplicate key", "ERROR", "ERROR", "23505")), false },
        { "a lost optimistic-concurrency race", new DbUpdateConcurrencyException("changed"), false },
        { "a bug", new InvalidOperationException("Sequence contains no elements"), false },
        { "SQLite constraint", new SqliteException("constraint failed", 19), false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classifies(string what, Exception exception, bool transient) =>
        Assert.True(TransientFaults.IsTransient(exception) == transient, $"{what}: expected transient = {transient}");
}
