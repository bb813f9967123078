using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.IntegrationEvents;
using Crm.Testing;
using MassTransit;
using Npgsql;
using Xunit.Abstractions;

namespace Crm.Faults.Tests;

/// <summary>
/// The ways back for the day something was lost anyway: the documented replay of an <c>_error</c> queue
/// (deploy/ops/replay-errors.sh) and the resync of read models from Customers' current state.
/// </summary>
[Collection(FaultCollection.Name)]
[Trait("Category", FaultCollection.Category)]
public sealed class RecoveryTests(FaultPlatform fixture, ITestOutputHelper output)
{
    private PlatformProcesses Platform => fixture.Platform;

    [Fact]
    public async Task A_message_replayed_from_the_error_queue_takes_effect_once()
    {
        using var manager = await Platform.ClientAsync("manager.east");
        var (_, customer, _) = await FaultPlatform.Register(manager, $"replay {Guid.NewGuid():N}");
        var id = Guid.Parse(customer!["id"]!.GetValue<string>());
        var signed = new ContractSigned
        {
            OccurredAt = DateTimeOffset.UtcNow, Version = 2, ContractId = Guid.NewGuid(), ContractNumber = "CT-REPLAY-000001",
            CustomerId = id, SignedBy = "manager.east", SignedAt = DateTimeOffset.UtcNow,
        };

        // The same message twice in the error queue, as when it failed before and was redelivered and failed again.
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(Platform.RabbitMqUrl));
        await bus.StartAsync();
        try
        {
            var errors = await bus.GetSendEndpoint(new Uri("queue:customers-contract-signed_error"));
            var messageId = NewId.NextGuid();
            await errors.Send(signed, ctx => ctx.MessageId = messageId);
            await errors.Send(signed, ctx => ctx.MessageId = messageId);
        }
        finally
        {
            await bus.StopAsync();
        }

        await Eventually.True(async () => (await fixture.ErrorQueues()).GetValueOrDefault("customers-contract-signed_error") == 2,
            what: "two messages in the error queue");
        var replay = await Run(Path.Combine(PlatformProcesses.RepositoryRoot, "deploy", "ops", "replay-errors.sh"),
            "--vhost", Platform.VirtualHost, "customers-contract-signed");
        Assert.Contains("2 message(s) moved back", replay);

        await Eventually.True(async () => (await fixture.CustomersState())[id].Grade == "A", what: "the replayed signing to make the customer A");
        await Eventually.True(async () => (await fixture.ErrorQueues()).GetValueOrDefault("customers-contract-signed_error") == 0,
            what: "the error queue to be empty");
        await using var connection = await fixture.Open("Customers");
        await using var command = new NpgsqlCommand("SELECT count(*) FROM \"GradeChanges\" WHERE \"CustomerId\" = @id AND \"To\" = 'A'", connection);
        command.Parameters.AddWithValue("id", id);
        await Eventually.True(async () => (await fixture.ReadModel("Visits"))[id].Grade == "A", what: "grade A in the Visits read model");
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Customers_republishes_cards_so_a_read_model_that_lost_them_catches_up()
    {
        using var manager = await Platform.ClientAsync("manager.east");
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var (_, body, _) = await FaultPlatform.Register(manager, $"resync {i} {Guid.NewGuid():N}");
            ids.Add(Guid.Parse(body!["id"]!.GetValue<string>()));
        }

        await Eventually.True(async () => ids.All((await fixture.ReadModel("Hospitality")).ContainsKey), what: "the customers in Hospitality");

        // A read model that lost rows (a restored backup, a message dropped by hand).
        await using (var connection = await fixture.Open("Hospitality"))
        {
            await using var delete = new NpgsqlCommand("DELETE FROM \"CustomerSnapshots\" WHERE \"Id\" = ANY(@ids)", connection);
            delete.Parameters.AddWithValue("ids", ids.ToArray());
            Assert.Equal(3, await delete.ExecuteNonQueryAsync());
        }

        using var rep = await Platform.ClientAsync("rep.east");
        var refused = await rep.PostAsJsonAsync("/api/customers/resync", new { customerIds = ids });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var supervisor = await Platform.ClientAsync("supervisor");
        var started = Stopwatch.StartNew();
        var resync = await supervisor.PostAsJsonAsync("/api/customers/resync", new { customerIds = ids });
        Assert.Equal(HttpStatusCode.Accepted, resync.StatusCode);
        Assert.Equal(3, JsonNode.Parse(await resync.Content.ReadAsStringAsync())!["republished"]!.GetValue<int>());

        await Eventually.True(async () => ids.All((await fixture.ReadModel("Hospitality")).ContainsKey), what: "the resynced customers in Hospitality");
        output.WriteLine($"Hospitality had the 3 lost customers back {started.Elapsed.TotalSeconds:F1} s after the resync request");
        await fixture.Converged(DateTime.UtcNow, TimeSpan.FromSeconds(60), output);
    }

    private static async Task<string> Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [script, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{script} exited {process.ExitCode}: {stderr}");
        return stdout;
    }
}
