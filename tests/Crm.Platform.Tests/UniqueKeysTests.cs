using Crm.BuildingBlocks.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crm.Platform.Tests;

/// <summary>A save that lost a race for a unique key (answered 409) against other failures of a save.</summary>
public sealed class UniqueKeysTests
{
    [Fact]
    public void A_PostgreSQL_unique_violation_is_a_lost_race_and_other_constraint_failures_are_not()
    {
        Assert.True(UniqueKeys.IsViolation(new DbUpdateException("duplicate", new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation))));
        Assert.False(UniqueKeys.IsViolation(new DbUpdateException("no parent", new PostgresException("foreign key", "ERROR", "ERROR", PostgresErrorCodes.ForeignKeyViolation))));
        Assert.False(UniqueKeys.IsViolation(new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation)));
    }

    [Fact]
    public void SQLites_own_unique_and_primary_key_violations_are_lost_races_and_a_not_null_violation_is_not()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Exception Fails(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return new DbUpdateException("save failed", Assert.Throws<SqliteException>(() => command.ExecuteNonQuery()));
        }

        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE Rules (Id INTEGER PRIMARY KEY, Code TEXT NOT NULL UNIQUE); INSERT INTO Rules VALUES (1, 'A');";
            create.ExecuteNonQuery();
        }

        Assert.True(UniqueKeys.IsViolation(Fails("INSERT INTO Rules VALUES (1, 'B')")));
        Assert.True(UniqueKeys.IsViolation(Fails("INSERT INTO Rules VALUES (2, 'A')")));
        Assert.False(UniqueKeys.IsViolation(Fails("INSERT INTO Rules VALUES (3, NULL)")));
    }
}
