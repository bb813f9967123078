using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace Crm.Faults.Tests;

/// <summary>
/// The faults operators meet, on the real RabbitMQ and PostgreSQL with every service its own process: a consumer
/// killed with SIGKILL mid-burst, the broker gone for 20 s, the database gone for 20 s, two replicas of a producer and
/// of a consumer. Each asserts that nothing was lost (every accepted change reached every read model), nothing was
/// doubled (one grade change per signed contract), nothing went to an <c>_error</c> queue, and how long convergence took.
/// </summary>
[Collection(FaultCollection.Name)]
[Trait("Category", FaultCollection.Category)]
public sealed class FaultTests(FaultPlatform fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan ConvergeWithin = TimeSpan.FromSeconds(90);

    private PlatformProcesses Platform => fixture.Platform;

    [Fact]
    public async Task A_consumer_killed_mid_burst_loses_and_doubles_nothing()
    {
        const int count = 200;
        using var manager = await Platform.ClientAsync("manager.east");
        using var rep = await Platform.ClientAsync("rep.east");
        var customers = await RegisterMany(manager, count, "kill");
        await fixture.Converged(DateTime.UtcNow, ConvergeWithin, output);
        var contracts = await ForEach(customers, 8, id => ContractsApi.ApprovedAsync(rep, _ => manager, id.ToString(), "EAST"));

        var peak = new ConnectionSampler(fixture);
        var signedCount = 0;
        var killed = new TaskCompletionSource();
        var signing = ForEach(contracts, 8, async contract =>
        {
            var signed = await manager.PostAsJsonAsync($"/api/contracts/{contract}/sign", ContractsApi.Signature);
            Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
            if (Interlocked.Increment(ref signedCount) == count / 4)
            {
                Platform.Kill("Customers");
                killed.SetResult();
            }

            return contract;
        });
        await killed.Task;
        output.WriteLine($"killed Customers (SIGKILL) after {count / 4} signings");
        await signing;
        await Platform.RestartAsync("Customers");
        var restarted = DateTime.UtcNow;
        output.WriteLine("Customers restarted; all signings were accepted by Contracts");

        var state = await Eventually.Get(async () =>
        {
            var s = await fixture.CustomersState();
            return customers.All(id => s[id].Grade == "A") ? s : null;
        }, ConvergeWithin, "every signed customer to be grade A in Customers");
        output.WriteLine($"all {count} customers grade A {(DateTime.UtcNow - restarted).TotalSeconds:F1} s after the restart");
        await fixture.Converged(restarted, ConvergeWithin, output);

        var gradeAChanges = await GradeChangesToA(customers);
        Assert.Equal(count, gradeAChanges.Count);
        Assert.All(gradeAChanges.Values, n => Assert.Equal(1, n));
        Assert.All(customers, id => Assert.Equal("A", state[id].Grade));
        Assert.DoesNotContain(await fixture.ErrorQueues(), q => q.Value > 0);
        await peak.StopAsync(output);
        Assert.True(peak.Max <= Platform.ConnectionBudget, $"{peak.Max} connections held, budget {Platform.ConnectionBudget}");
    }

    [Fact]
    public async Task The_broker_gone_for_20_seconds_during_writes_loses_nothing_and_the_read_models_converge_within_5_seconds()
    {
        using var manager = await Platform.ClientAsync("manager.east");
        // The outage of a platform in service: its consumers have handled customer events before (a process's first
        // messages also pay for JIT compilation and EF Core's query compilation, which the kill test's restart measures).
        await RegisterMany(manager, 100, "in service");
        await fixture.Converged(DateTime.UtcNow, ConvergeWithin, output);
        var accepted = new ConcurrentBag<Guid>();
        var acceptedCount = 0;
        var cut = false;
        var writes = ForEach(Enumerable.Range(0, 200).ToList(), 4, async i =>
        {
            var (status, body, _) = await FaultPlatform.Register(manager, $"broker-outage {i} {Guid.NewGuid():N}");
            Assert.Equal(HttpStatusCode.Created, status);
            accepted.Add(Guid.Parse(body!["id"]!.GetValue<string>()));
            // Exactly one writer sees the 50th acceptance: four writers adding at once can carry a shared count past 50
            // between one writer's add and its check.
            if (Interlocked.Increment(ref acceptedCount) == 50)
            {
                await Platform.RabbitMqProxy!.CutAsync();
                Volatile.Write(ref cut, true);
                output.WriteLine("RabbitMQ cut after 50 registrations");
            }

            if (Volatile.Read(ref cut))
            {
                await Task.Delay(100);
            }

            return i;
        });
        await Eventually.True(() => Task.FromResult(Volatile.Read(ref cut)), TimeSpan.FromSeconds(60), "the broker to be cut");
        var cutAt = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(20));
        Platform.RabbitMqProxy!.Restore();
        var restored = DateTime.UtcNow;
        output.WriteLine($"RabbitMQ restored after {cutAt.Elapsed.TotalSeconds:F0} s; {accepted.Count} registrations accepted so far");
        await writes;
        await Eventually.True(async () => await fixture.UnsentCount() == 0, TimeSpan.FromSeconds(60), "Customers' outbox to drain");
        var drained = DateTime.UtcNow - restored;
        output.WriteLine($"Customers' outbox drained {drained.TotalSeconds:F1} s after the broker returned");

        var converged = await fixture.Converged(restored, ConvergeWithin, output);
        var state = await fixture.CustomersState();
        Assert.All(accepted, id => Assert.True(state.ContainsKey(id)));
        Assert.DoesNotContain(await fixture.ErrorQueues(), q => q.Value > 0);
        Assert.True(drained < TimeSpan.FromSeconds(5), $"the outbox drained {drained.TotalSeconds:F1} s after the broker returned");
        Assert.True(converged < TimeSpan.FromSeconds(5), $"read models converged {converged.TotalSeconds:F1} s after the broker returned");
        await AllReady();
    }

    /// <remarks>
    /// A write whose commit reached the database just before the connection broke is stored although its caller got
    /// 503: no server can tell the caller otherwise. That is what Idempotency-Key is for, and what this test does as a
    /// client should: every registration carries a key, and a 503 is sent again later with the same key. In the end
    /// each registration exists exactly once, whichever way its first attempt went.
    /// </remarks>
    [Fact]
    public async Task The_database_gone_for_20_seconds_answers_503_loses_and_doubles_nothing_and_drops_no_message()
    {
        using var manager = await Platform.ClientAsync("manager.east");
        var existing = (await fixture.CustomersState()).Keys.ToList();
        var attempted = new ConcurrentDictionary<string, string>();
        var refused = new ConcurrentBag<string>();
        var accepted = 0;
        var statuses = new ConcurrentDictionary<HttpStatusCode, int>();
        using var stop = new CancellationTokenSource();
        var cutAt = new TaskCompletionSource();

        // Writers keep registering customers and changing grades (whose events every read model consumes).
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var name = $"db-outage {w}-{n++} {Guid.NewGuid():N}";
                var key = Guid.NewGuid().ToString();
                attempted[name] = key;
                var (status, body, response) = await FaultPlatform.Register(manager, name, key);
                statuses.AddOrUpdate(status, 1, (_, c) => c + 1);
                if (status == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref accepted);
                    var id = Guid.Parse(body!["id"]!.GetValue<string>());
                    var grade = await manager.PostAsJsonAsync($"/api/customers/{id}/grade", new { grade = "D", reason = "First meeting held" });
                    statuses.AddOrUpdate(grade.StatusCode, 1, (_, c) => c + 1);
                    Assert.True(grade.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"grade change answered {grade.StatusCode}");
                }
                else
                {
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
                    Assert.True(response.Headers.RetryAfter is not null, "503 without Retry-After");
                    refused.Add(name);
                }

                if (Volatile.Read(ref accepted) >= 40)
                {
                    cutAt.TrySetResult();
                }

                await Task.Delay(50);
            }
        })).ToList();

        await cutAt.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await Platform.PostgresProxy!.CutAsync();
        output.WriteLine($"PostgreSQL cut after {Volatile.Read(ref accepted)} registrations");
        await Task.Delay(TimeSpan.FromSeconds(20));
        Platform.PostgresProxy.Restore();
        var restored = DateTime.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        output.WriteLine("answers: " + string.Join(", ", statuses.Select(s => $"{(int)s.Key}×{s.Value}")));
        Assert.True(statuses.ContainsKey(HttpStatusCode.ServiceUnavailable), "no request met the outage");
        Assert.DoesNotContain(statuses.Keys, s => (int)s >= 500 && s != HttpStatusCode.ServiceUnavailable);

        // What was refused is sent again with its key, as the Retry-After asks.
        foreach (var name in refused)
        {
            var (status, _, _) = await FaultPlatform.Register(manager, name, attempted[name]);
            Assert.Equal(HttpStatusCode.Created, status);
        }

        await fixture.Converged(restored, ConvergeWithin, output);
        var names = await fixture.CustomerNames();
        Assert.All(attempted.Keys, name => Assert.Equal(1, names.GetValueOrDefault(name)));
        Assert.Equal(existing.Count + attempted.Count, (await fixture.CustomersState()).Count);
        Assert.DoesNotContain(await fixture.ErrorQueues(), q => q.Value > 0);
        await AllReady();
    }

    [Fact]
    public async Task Two_replicas_of_a_producer_and_of_a_consumer_converge_on_the_newest_card()
    {
        var customersReplica = await Platform.StartReplicaAsync("Customers");
        var visitsReplica = await Platform.StartReplicaAsync("Visits");
        using var first = await Platform.ClientAsync("manager.east", Platform.ServiceUrls["Customers"]);
        using var second = await Platform.ClientAsync("manager.east", customersReplica);
        HttpClient Replica(int i) => i % 2 == 0 ? first : second;

        var ids = await ForEach(Enumerable.Range(0, 100).ToList(), 8, async i =>
        {
            var (status, body, _) = await FaultPlatform.Register(Replica(i), $"replicas {i} {Guid.NewGuid():N}");
            Assert.Equal(HttpStatusCode.Created, status);
            return Guid.Parse(body!["id"]!.GetValue<string>());
        });

        // Each customer changes grade through both producers at once: its events come from two publishers, and a
        // change that lost the race to the other replica is refused (409), never silently applied over it.
        var answers = new ConcurrentDictionary<HttpStatusCode, int>();
        await ForEach(ids, 8, async id =>
        {
            var moves = new[] { "D", "C", "B" }.Select((grade, i) =>
                Replica(i).PostAsJsonAsync($"/api/customers/{id}/grade", new { grade, reason = "Replica test" }));
            foreach (var answer in await Task.WhenAll(moves))
            {
                answers.AddOrUpdate(answer.StatusCode, 1, (_, c) => c + 1);
                Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"grade change answered {answer.StatusCode}");
            }

            return id;
        });
        output.WriteLine("grade changes: " + string.Join(", ", answers.Select(s => $"{(int)s.Key}×{s.Value}")));

        await fixture.Converged(DateTime.UtcNow, ConvergeWithin, output);
        Assert.DoesNotContain(await fixture.ErrorQueues(), q => q.Value > 0);
        using var visitsOnReplica = await Platform.ClientAsync("manager.east", visitsReplica);
        Assert.Equal(HttpStatusCode.OK, (await visitsOnReplica.GetAsync($"/api/visits/customers/{ids[0]}")).StatusCode);
    }

    private async Task<List<Guid>> RegisterMany(HttpClient client, int count, string label) =>
        await ForEach(Enumerable.Range(0, count).ToList(), 8, async i =>
        {
            var (status, body, _) = await FaultPlatform.Register(client, $"{label} {i} {Guid.NewGuid():N}");
            Assert.Equal(HttpStatusCode.Created, status);
            return Guid.Parse(body!["id"]!.GetValue<string>());
        });

    private async Task<Dictionary<Guid, int>> GradeChangesToA(IReadOnlyCollection<Guid> customers)
    {
        await using var connection = await fixture.Open("Customers");
        await using var command = new NpgsqlCommand("SELECT \"CustomerId\", count(*) FROM \"GradeChanges\" WHERE \"To\" = 'A' AND \"CustomerId\" = ANY(@ids) GROUP BY \"CustomerId\"", connection);
        command.Parameters.AddWithValue("ids", customers.ToArray());
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<Guid, int>();
        while (await reader.ReadAsync())
        {
            counts[reader.GetGuid(0)] = (int)reader.GetInt64(1);
        }

        return counts;
    }

    private async Task AllReady()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var (name, url) in Platform.ServiceUrls)
        {
            await Eventually.True(async () => (await http.GetAsync(new Uri(url, "health/ready"))).StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(30), $"{name} to be ready again");
        }
    }

    private static async Task<List<TResult>> ForEach<T, TResult>(IReadOnlyList<T> items, int parallelism, Func<T, Task<TResult>> action)
    {
        var results = new TResult[items.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (i, _) => results[i] = await action(items[i]));
        return [.. results];
    }

    /// <summary>Samples the connections the platform holds on PostgreSQL while a test runs, to hold it to its budget.</summary>
    private sealed class ConnectionSampler
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task loop;

        public ConnectionSampler(FaultPlatform fixture) => loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Max = Math.Max(Max, await fixture.ConnectionsHeld());
                await Task.Delay(200);
            }
        });

        public int Max { get; private set; }

        public async Task StopAsync(ITestOutputHelper output)
        {
            await stop.CancelAsync();
            await loop;
            output.WriteLine($"at most {Max} PostgreSQL connections held by the platform's processes");
        }
    }
}
