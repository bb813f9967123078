using System.Data.Common;
using System.Net.Sockets;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace Crm.BuildingBlocks.Resilience;

/// <summary>
/// Tells a dependency that blinked (a database or broker that is down, restarting or out of connections) from a
/// request or message that is wrong. The first is worth waiting for: HTTP answers 503 with Retry-After and consumers
/// put the message back for later; only the second is an error (400/409/500, or the <c>_error</c> queue).
/// </summary>
public static class TransientFaults
{
    public static bool IsTransient(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Npgsql, SqlClient and Microsoft.Data.Sqlite each say which of their errors are worth retrying
                // (connection refused or reset, 53300 too many connections, 57P01 admin shutdown, SQLITE_BUSY...).
                case DbException { IsTransient: true }:
                // Another writer holds the SQLite file (busy, locked); Microsoft.Data.Sqlite does not flag these itself.
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                // EF's execution strategy gave up retrying a transient failure.
                case RetryLimitExceededException:
                case SocketException:
                case TimeoutException:
                // The broker is unreachable or the channel closed under a publish.
                case ConnectionException:
                case TransportUnavailableException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsTransient):
                    return true;
            }
        }

        return false;
    }
}
