using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crm.BuildingBlocks.Data;

/// <summary>
/// Tells a save that lost a race for a unique key (two first saves of the same rule set, two people taking the same
/// next number) from other failures, on every provider: the HTTP answer is 409, like any lost race.
/// </summary>
public static class UniqueKeys
{
    public static bool IsViolation(Exception? exception) => exception is DbUpdateException { InnerException: var inner } && inner switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        // SQLITE_CONSTRAINT_UNIQUE and SQLITE_CONSTRAINT_PRIMARYKEY.
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        // Violation of a unique index, and of a primary key or unique constraint.
        SqlException sqlServer => sqlServer.Number is 2601 or 2627,
        _ => false,
    };
}
