using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace Crm.Faults.Tests;

/// <summary>
/// One distributed platform for the fault tests, its services behind fault proxies for PostgreSQL and RabbitMQ, room
/// in its connection budget for the replicas the tests add. The tests run one after another and each leaves the
/// platform converged, so every test can compare all read models with Customers' whole state.
/// </summary>
public sealed class FaultPlatform : IAsyncLifetime
{
    public static readonly string[] ReadModelServices = ["Visits", "Contracts", "Complaints", "Hospitality"];

    private const string TestApplication = "crm-fault-tests";

    private PlatformProcesses? platform;

    public PlatformProcesses Platform => platform ?? throw new InvalidOperationException("The platform did not start.");

    public async Task InitializeAsync() => platform = await PlatformProcesses.StartAsync(new PlatformOptions
    {
        FaultProxies = true,
        ExtraReplicas = 2,
        // Bursts of a few hundred requests from one user: the gateway's per-user limit is not what is under test.
        GatewaySettings = new Dictionary<string, string> { ["RateLimiting__TokenLimit"] = "100000", ["RateLimiting__TokensPerSecond"] = "100000" },
    });

    public async Task DisposeAsync()
    {
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
    }

    /// <summary>Customers' state: every card's version and grade, by id.</summary>
    public Task<Dictionary<Guid, (long Version, string Grade)>> CustomersState() =>
        Query("Customers", "SELECT \"Id\", \"Version\", \"Grade\" FROM \"Customers\"");

    public Task<Dictionary<Guid, (long Version, string Grade)>> ReadModel(string service) =>
        Query(service, "SELECT \"Id\", \"Version\", \"Grade\" FROM \"CustomerSnapshots\"");

    /// <summary>
    /// Waits until every read model holds exactly Customers' cards at Customers' versions, and returns how long that
    /// took from <paramref name="since"/>. Fails with the differences when they do not converge in time.
    /// </summary>
    public async Task<TimeSpan> Converged(DateTime since, TimeSpan timeout, ITestOutputHelper output)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var source = await CustomersState();
            var unequal = new List<(string Service, Dictionary<Guid, (long Version, string Grade)> Model)>();
            foreach (var service in ReadModelServices)
            {
                var model = await ReadModel(service);
                if (model.Count != source.Count || source.Any(c => !model.TryGetValue(c.Key, out var m) || m != c.Value))
                {
                    unequal.Add((service, model));
                }
            }

            if (unequal.Count == 0)
            {
                var took = DateTime.UtcNow - since;
                output.WriteLine($"all four read models equal Customers' {source.Count} cards after {took.TotalSeconds:F1} s");
                return took;
            }

            if (DateTime.UtcNow > deadline)
            {
                // The diagnosis (which events were sent, which arrived) only for a failure: while waiting, the probe stays
                // light so as not to take the machine's time from the consumers it is timing.
                var differences = new List<string>();
                foreach (var (service, model) in unequal)
                {
                    var missing = source.Keys.Count(id => !model.ContainsKey(id));
                    var stale = source.Count(c => model.TryGetValue(c.Key, out var m) && m != c.Value);
                    var extra = model.Keys.Count(id => !source.ContainsKey(id));
                    var examples = source.Where(c => !model.TryGetValue(c.Key, out var m) || m != c.Value).Take(3)
                        .Select(c => $"{c.Key} is {c.Value} in Customers, {(model.TryGetValue(c.Key, out var m) ? m.ToString() : "absent")} here");
                    var first = source.FirstOrDefault(c => !model.TryGetValue(c.Key, out var m) || m != c.Value).Key;
                    differences.Add($"{service}: {missing} missing, {stale} stale, {extra} unknown of {source.Count} ({string.Join(", ", examples)}" +
                                    $"{(first == Guid.Empty ? "" : "; " + await Trace(first, service))})");
                }

                Assert.Fail("Read models did not converge: " + string.Join("; ", differences) + "; queues: " + await QueueDepths()
                    + "; unsent in Customers' outbox: " + await UnsentEvents());
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Messages waiting in this run's <c>_error</c> queues: what a consumer gave up on.</summary>
    public async Task<Dictionary<string, long>> ErrorQueues()
    {
        using var management = Platform.Management();
        var queues = await management.GetFromJsonAsync<JsonArray>($"api/queues/{Platform.VirtualHost}") ?? [];
        return queues.Select(q => q!.AsObject())
            .Where(q => q["name"]!.GetValue<string>().EndsWith("_error", StringComparison.Ordinal))
            .ToDictionary(q => q["name"]!.GetValue<string>(), q => q["messages"]?.GetValue<long>() ?? 0);
    }

    /// <summary>Where a customer's events went: each outbox row in Customers, and whether <paramref name="service"/>'s inbox has it.</summary>
    private async Task<string> Trace(Guid customerId, string service)
    {
        var rows = new List<(Guid Id, string Type, DateTimeOffset? SentAt, int Attempts)>();
        await using (var customers = await Open("Customers"))
        {
            await using var command = new NpgsqlCommand("SELECT \"Id\", \"MessageType\", \"SentAt\", \"Attempts\" FROM \"OutboxMessages\" WHERE \"Body\" LIKE @id ORDER BY \"OccurredAt\"", customers);
            command.Parameters.AddWithValue("id", $"%{customerId}%");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetGuid(0), reader.GetString(1).Split('.')[^1], reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt32(3)));
            }
        }

        await using var target = await Open(service);
        var traced = new List<string>();
        foreach (var row in rows)
        {
            await using var inbox = new NpgsqlCommand("SELECT count(*) FROM \"InboxMessages\" WHERE \"MessageId\" = @id", target);
            inbox.Parameters.AddWithValue("id", row.Id);
            traced.Add($"{row.Type} {row.Id} sent {row.SentAt:HH:mm:ss.fff} after {row.Attempts} failed attempts, in {service}'s inbox: {await inbox.ExecuteScalarAsync()}");
        }

        return string.Join(" | ", traced);
    }

    /// <summary>How many cards Customers holds under each name.</summary>
    public async Task<Dictionary<string, int>> CustomerNames()
    {
        await using var connection = await Open("Customers");
        await using var command = new NpgsqlCommand("SELECT \"Name\", count(*) FROM \"Customers\" GROUP BY \"Name\"", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new Dictionary<string, int>();
        while (await reader.ReadAsync())
        {
            names[reader.GetString(0)] = (int)reader.GetInt64(1);
        }

        return names;
    }

    /// <summary>How many of Customers' events wait in its outbox.</summary>
    public async Task<long> UnsentCount()
    {
        await using var connection = await Open("Customers");
        await using var command = new NpgsqlCommand("SELECT count(*) FROM \"OutboxMessages\" WHERE \"SentAt\" IS NULL", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Customers' events not yet published, with the most attempts any of them took.</summary>
    public async Task<string> UnsentEvents()
    {
        await using var connection = await Open("Customers");
        await using var command = new NpgsqlCommand("SELECT count(*), coalesce(max(\"Attempts\"), 0), count(\"LockToken\") FROM \"OutboxMessages\" WHERE \"SentAt\" IS NULL", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"{reader.GetInt64(0)} (at most {reader.GetInt32(1)} attempts, {reader.GetInt64(2)} claimed)";
    }

    /// <summary>Every queue of this run that holds messages, ready and unacknowledged: where a stuck message waits.</summary>
    public async Task<string> QueueDepths()
    {
        using var management = Platform.Management();
        var queues = await management.GetFromJsonAsync<JsonArray>($"api/queues/{Platform.VirtualHost}") ?? [];
        return string.Join(", ", queues.Select(q => q!.AsObject())
            .Where(q => (q["messages"]?.GetValue<long>() ?? 0) > 0)
            .Select(q => $"{q["name"]} {q["messages_ready"]} ready {q["messages_unacknowledged"]} unacked"));
    }

    /// <summary>The connections this platform's processes hold on PostgreSQL now (its databases only).</summary>
    public async Task<int> ConnectionsHeld()
    {
        await using var connection = new NpgsqlConnection(TestDatabase.Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM pg_stat_activity WHERE datname LIKE @prefix AND application_name <> '{TestApplication}'", connection);
        command.Parameters.AddWithValue("prefix", Platform.VirtualHost + "%");
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Registers a customer through <paramref name="client"/>; the answer's status and body.</summary>
    public static async Task<(HttpStatusCode Status, JsonObject? Body, HttpResponseMessage Response)> Register(HttpClient client, string name, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/customers")
        {
            Content = JsonContent.Create(new { name, kind = "Dealer", region = "EAST", address = "杭州市西湖区", ownerId = "rep.east", tier = "Ordinary" }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.IsSuccessStatusCode ? JsonNode.Parse(text)!.AsObject() : null, response);
    }

    /// <summary>A connection of the test's own to a service's database, named so that it is not counted as the platform's.</summary>
    public async Task<NpgsqlConnection> Open(string service)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Platform.ConnectionString(service)) { ApplicationName = TestApplication }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private async Task<Dictionary<Guid, (long, string)>> Query(string service, string sql)
    {
        await using var connection = await Open(service);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<Guid, (long, string)>();
        while (await reader.ReadAsync())
        {
            rows[reader.GetGuid(0)] = (reader.GetInt64(1), reader.GetString(2));
        }

        return rows;
    }
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultPlatform>
{
    public const string Name = "Fault platform";

    /// <summary>tests/run.sh runs this category after all other tests, on a machine that is otherwise quiet.</summary>
    public const string Category = "Faults";
}
