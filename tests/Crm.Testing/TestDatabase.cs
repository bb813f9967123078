using Npgsql;

namespace Crm.Testing;

/// <summary>
/// A PostgreSQL database of its own for one test run or benchmark, on the server named by CRM_TEST_POSTGRES (set by
/// tests/run.sh), created empty and dropped on dispose, even while something is still connected to it.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name) => Name = name;

    public string Name { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = Name }.ConnectionString;

    /// <summary>The server to create databases on, connected to its maintenance database.</summary>
    public static string Server
    {
        get
        {
            var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("CRM_TEST_POSTGRES")
                ?? throw new InvalidOperationException("CRM_TEST_POSTGRES is not set. Run the tests with tests/run.sh, which starts PostgreSQL and RabbitMQ."));
            server.Database ??= "postgres";
            return server.ConnectionString;
        }
    }

    public static async Task<TestDatabase> CreateAsync(string name)
    {
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new TestDatabase(name);
    }

    /// <summary>A name that no other run uses at the same time: <c>{prefix}_{time}_{random}</c>.</summary>
    public static string UniqueName(string prefix) => $"{prefix}_{DateTime.UtcNow:MMddHHmmss}_{Random.Shared.Next(1000, 9999)}";

    public async ValueTask DisposeAsync()
    {
        // Pooled connections would otherwise keep the database open; FORCE ends any other backend still in it.
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
