using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Complaints;
using Crm.Complaints.Data;
using Crm.Complaints.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Platform.Tests;

/// <summary>Complaints through the gateway, on the distributed platform (real processes, PostgreSQL, RabbitMQ).</summary>
[Collection(PlatformCollection.Name)]
public sealed class ComplaintsPlatformTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_complaint_about_a_registered_customer_is_routed_to_its_department_with_its_sla()
    {
        using var rep = await fixture.Platform.ClientAsync("rep.east");
        var customer = await Api.RegisterCustomer(rep, "EAST");
        var customerId = customer.Text("id");
        await Api.Eventually(rep, $"/api/complaints/customers/{customerId}", _ => true, "the customer in the Complaints read model");

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints")
        {
            Content = JsonContent.Create(new
            {
                customerId, channel = "Hotline", type = "ProductQuality", severity = "High", productLine = "Ceramic tiles",
                description = "Glaze peeling on 30 boxes", contactPerson = "王经理",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var filed = await rep.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var complaint = await Api.Json(filed);
        var id = complaint.Text("id");

        Assert.Matches($@"^CP-{DateTime.UtcNow.Year}-\d{{6}}$", complaint.Text("number"));
        Assert.Equal("Routed", complaint.Text("status"));
        Assert.Equal("Quality", complaint.Text("department"));
        Assert.Equal(1, complaint["ruleSetVersion"]!.GetValue<int>());
        var sla = complaint["sla"]!.AsObject();
        var firstResponseDue = DateTimeOffset.Parse(sla.Text("firstResponseDueAt"), System.Globalization.CultureInfo.InvariantCulture);
        var resolutionDue = DateTimeOffset.Parse(sla.Text("resolutionDueAt"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(firstResponseDue > DateTimeOffset.UtcNow && resolutionDue > firstResponseDue);
        Assert.Equal("OnTime", sla.Text("slaState"));

        // The quality department's handler finds it in their queue and takes it up; logistics does not see it.
        using var quality = await fixture.Platform.ClientAsync("handler.quality");
        var queue = JsonNode.Parse(await quality.GetStringAsync("/api/complaints?department=Quality&status=Routed&pageSize=200"))!["items"]!.AsArray();
        Assert.Contains(queue, c => c!["id"]!.GetValue<string>() == id);
        var started = await quality.PostAsync($"/api/complaints/{id}/start", JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal("InProgress", (await Api.Json(started)).Text("status"));
        using var logistics = await fixture.Platform.ClientAsync("handler.logistics");
        Assert.Equal(HttpStatusCode.NotFound, (await logistics.GetAsync($"/api/complaints/{id}")).StatusCode);

        // The supervisor asks where the same complaint would go, and why.
        using var supervisor = await fixture.Platform.ClientAsync("supervisor");
        var dryRun = await supervisor.PostAsJsonAsync("/api/complaints/routing/dry-run", new { customerId, type = "ProductQuality", severity = "High", channel = "Hotline" });
        Assert.Equal(HttpStatusCode.OK, dryRun.StatusCode);
        var answer = await Api.Json(dryRun);
        Assert.Equal("Quality", answer.Text("department"));
        Assert.Contains("Product quality to Quality", answer.Text("explanation"), StringComparison.Ordinal);

        var timeline = JsonNode.Parse(await supervisor.GetStringAsync($"/api/complaints/{id}/timeline"))!.AsArray();
        Assert.Equal(["Filed", "Routed", "Started"], timeline.Select(t => t!["action"]!.GetValue<string>()));
        Assert.Equal("handler.quality", timeline[2]!["by"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_supervisor_changes_the_routing_rules_through_the_gateway()
    {
        using var rep = await fixture.Platform.ClientAsync("rep.east");
        var forbidden = await rep.PostAsJsonAsync("/api/complaints/routing/rule-sets", new { defaultDepartment = "Quality", rules = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        var rules = JsonNode.Parse(await rep.GetStringAsync("/api/complaints/routing/rule-sets/current"))!.AsObject();
        Assert.Equal("CustomerRelations", rules.Text("defaultDepartment"));
    }
}

/// <summary>
/// Two replicas of the Complaints service sweeping escalations at the same time against one PostgreSQL database: every
/// step of every complaint is taken, recorded and published exactly once.
/// </summary>
public sealed class ComplaintsEscalationOnPostgresTests : IAsyncLifetime
{
    private static readonly DateTimeOffset MondayNine = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly TestClock clock = new(MondayNine);
    private TestDatabase? database;
    private ServiceTestHost? first;
    private ServiceTestHost? second;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(TestDatabase.UniqueName("crm_complaints_escalation"));
        // One after the other: the second finds the schema migrated and the defaults seeded.
        first = await Replica();
        second = await Replica();
    }

    private Task<ServiceTestHost> Replica() =>
        ServiceTestHost.StartAsync(
            b =>
            {
                b.AddComplaintsService();
                b.Services.AddSingleton<TimeProvider>(clock);
            },
            a => a.MapComplaintsService(),
            new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Database"] = database!.ConnectionString,
                ["Complaints:EscalationEnabled"] = "false",
                // Small batches, so that the two replicas interleave their claims many times.
                ["Complaints:EscalationBatchSize"] = "20",
            });

    [Fact]
    public async Task Two_replicas_sweeping_at_once_take_each_escalation_step_exactly_once()
    {
        var customer = TestCustomerEvents.Registered(Guid.NewGuid(), "EAST", "rep.east");
        await first!.Deliver(customer, Guid.NewGuid());
        var client = first.Client(TestUser.RepEast);
        const int complaints = 120;
        for (var i = 0; i < complaints; i++)
        {
            var filed = await client.PostAsJsonAsync("/api/complaints", new
            {
                customerId = customer.CustomerId, channel = "Phone", type = ((ComplaintType)(i % 7)).ToString(),
                severity = ((ComplaintSeverity)(i % 4)).ToString(), description = $"Complaint {i}", contactPerson = "Li",
            });
            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        }

        clock.Advance(TimeSpan.FromDays(40)); // every step of every complaint is due

        var results = await Task.WhenAll(
            Task.Run(() => first.Services.GetRequiredService<EscalationSweep>().SweepAsync(default)),
            Task.Run(() => second!.Services.GetRequiredService<EscalationSweep>().SweepAsync(default)));

        var (steps, distinct, escalatedEvents) = await first.Scoped<ComplaintsDbContext, (int, int, int)>(async db => (
            await db.Escalations.CountAsync(),
            await db.Escalations.Select(e => new { e.ComplaintId, e.Step }).Distinct().CountAsync(),
            await db.OutboxMessages.CountAsync(m => m.MessageType == typeof(ComplaintEscalated).FullName)));
        Assert.Equal(complaints * 5, steps);
        Assert.Equal(steps, distinct);
        Assert.Equal(steps, escalatedEvents);
        Assert.Equal(steps, results.Sum(r => r.Steps));

        Assert.Equal(0, (await second!.Services.GetRequiredService<EscalationSweep>().SweepAsync(default)).Steps);
    }

    public async Task DisposeAsync()
    {
        foreach (var host in new[] { first, second })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
