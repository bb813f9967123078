using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.IntegrationEvents;
using Crm.Testing;
using MassTransit;

namespace Crm.Platform.Tests;

/// <summary>The platform's promises, proved through the gateway against real processes, PostgreSQL and RabbitMQ.</summary>
[Collection(PlatformCollection.Name)]
public sealed class EndToEndTests(PlatformFixture fixture)
{
    private static readonly string[] ReadModelServices = ["visits", "contracts", "complaints", "hospitality"];

    [Fact]
    public async Task A_registered_customer_reaches_every_read_model_and_a_signed_contract_makes_it_grade_A()
    {
        using var rep = await fixture.Platform.ClientAsync("rep.east");
        var customer = await Api.RegisterCustomer(rep, "EAST");
        var id = customer.Text("id");
        Assert.Equal("E", customer.Text("grade"));
        Assert.Equal("rep.east", customer.Text("ownerId"));

        foreach (var service in ReadModelServices)
        {
            var snapshot = await Api.Eventually(rep, $"/api/{service}/customers/{id}", _ => true, $"the customer in {service}");
            Assert.Equal(customer.Text("name"), snapshot.Text("name"));
            Assert.Equal("EAST", snapshot.Text("region"));
        }

        using var manager = await fixture.Platform.ClientAsync("manager.east");
        var contractId = await ContractsApi.ApprovedAsync(rep, _ => manager, id, "EAST");
        var signed = await rep.PostAsJsonAsync($"/api/contracts/{contractId}/sign", ContractsApi.Signature);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        var contract = await Api.Json(signed);

        await Api.Eventually(rep, $"/api/customers/{id}", c => c.Text("grade") == "A", "grade A in Customers");
        var history = JsonNode.Parse(await rep.GetStringAsync($"/api/customers/{id}/grade-history"))!.AsArray();
        var last = history[^1]!.AsObject();
        Assert.Equal("E", last.Text("from"));
        Assert.Equal("A", last.Text("to"));
        Assert.Contains(contract.Text("number"), last.Text("reason"));
        Assert.Equal($"contract:{contract.Text("id")}", last.Text("sourceId"));

        // The grade change travels on to the read models too.
        await Api.Eventually(rep, $"/api/visits/customers/{id}", c => c.Text("grade") == "A", "grade A in Visits");
    }

    [Fact]
    public async Task A_redelivered_event_has_no_second_effect()
    {
        const string consumer = "ContractSignedConsumer";
        using var manager = await fixture.Platform.ClientAsync("manager.east");
        var id = Guid.Parse((await Api.RegisterCustomer(manager, "EAST", ownerId: "rep.east")).Text("id"));
        var signed = new ContractSigned
        {
            OccurredAt = DateTimeOffset.UtcNow, Version = 2, ContractId = Guid.NewGuid(), ContractNumber = "CT-TEST-000001",
            CustomerId = id, SignedBy = "manager.east", SignedAt = DateTimeOffset.UtcNow,
        };
        var messageId = NewId.NextGuid();
        int Consumed() => fixture.Platform.Consumed("Customers", messageId, consumer);

        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(fixture.Platform.RabbitMqUrl));
        await bus.StartAsync();
        try
        {
            await bus.Publish(signed, ctx => ctx.MessageId = messageId);
            await Api.Eventually(manager, $"/api/customers/{id}", c => c.Text("grade") == "A", "grade A after the first delivery");
            await Eventually.True(() => Task.FromResult(Consumed() >= 1), what: "Customers to have finished with the first delivery");
            var deliveries = Consumed();

            var demoted = await manager.PostAsJsonAsync($"/api/customers/{id}/grade", new { grade = "C", reason = "Contract cancelled by the customer" });
            Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);

            // The same message again: the inbox must swallow it. Customers' consumers run several messages at once, so
            // no later message tells when this one is done; Customers' own record of having finished with it does.
            await bus.Publish(signed, ctx => ctx.MessageId = messageId);
            await Eventually.True(() => Task.FromResult(Consumed() > deliveries), what: "Customers to have finished with the redelivery");

            var customer = await Api.Json(await manager.GetAsync($"/api/customers/{id}"));
            Assert.Equal("C", customer.Text("grade"));
            var history = JsonNode.Parse(await manager.GetStringAsync($"/api/customers/{id}/grade-history"))!.AsArray();
            Assert.Single(history, h => h!["reason"]!.GetValue<string>().Contains(signed.ContractNumber));

            // A new delivery of the same contract with a new message id is a new fact and is applied.
            await bus.Publish(signed, ctx => ctx.MessageId = NewId.NextGuid());
            await Api.Eventually(manager, $"/api/customers/{id}", c => c.Text("grade") == "A", "grade A after a genuinely new message");
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    [Theory]
    [InlineData("/api/customers")]
    [InlineData("/api/visits/customers/0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("/api/contracts/customers/0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("/api/complaints/customers/0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("/api/hospitality/customers/0f8fad5b-d9cb-469f-a165-70867728950e")]
    public async Task A_request_without_a_token_gets_401_through_the_gateway(string path)
    {
        using var anonymous = await fixture.Platform.ClientAsync(null);
        var response = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Every_service_refuses_on_its_own_a_missing_or_forged_token()
    {
        var forgeryKeys = new Crm.BuildingBlocks.Security.SigningKeys(Path.Combine(fixture.Platform.LogDirectory, "forged-key.pem"), createIfMissing: true);
        var forged = Crm.Testing.TestUser.MarketingGM.CreateToken(forgeryKeys);
        foreach (var (name, url) in fixture.Platform.ServiceUrls)
        {
            using var direct = new HttpClient { BaseAddress = url };
            var path = $"/api/{name.ToLowerInvariant()}/customers/0f8fad5b-d9cb-469f-a165-70867728950e";
            Assert.Equal(HttpStatusCode.Unauthorized, (await direct.GetAsync(path)).StatusCode);

            direct.DefaultRequestHeaders.Authorization = new("Bearer", forged);
            Assert.Equal(HttpStatusCode.Unauthorized, (await direct.GetAsync(path)).StatusCode);
        }
    }

    [Fact]
    public async Task A_rep_cannot_read_a_customer_of_another_region()
    {
        using var east = await fixture.Platform.ClientAsync("rep.east");
        using var north = await fixture.Platform.ClientAsync("rep.north");
        var id = (await Api.RegisterCustomer(east, "EAST")).Text("id");
        await Api.Eventually(east, $"/api/visits/customers/{id}", _ => true, "the customer in Visits");

        Assert.Equal(HttpStatusCode.NotFound, (await north.GetAsync($"/api/customers/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await north.GetAsync($"/api/visits/customers/{id}")).StatusCode);
        var list = await Api.Json(await north.GetAsync("/api/customers?pageSize=200"));
        Assert.DoesNotContain(list["items"]!.AsArray(), c => c!["id"]!.GetValue<string>() == id);
        var forbidden = await north.PostAsJsonAsync("/api/customers", new { name = "Not my region", kind = "Retailer", region = "EAST" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Invalid_input_gets_400_problem_details_naming_the_fields_and_stores_nothing()
    {
        using var supervisor = await fixture.Platform.ClientAsync("supervisor");
        var before = (await Api.Json(await supervisor.GetAsync("/api/customers?pageSize=1")))["totalCount"]!.GetValue<int>();

        var missing = await supervisor.PostAsJsonAsync("/api/customers", new { name = "", kind = "Dealer" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        var errors = (await Api.Json(missing))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("name"));
        Assert.True(errors.ContainsKey("region"));

        var badChoice = await supervisor.PostAsJsonAsync("/api/customers", new { name = "Bad kind", kind = "Emperor", region = "EAST" });
        Assert.Equal(HttpStatusCode.BadRequest, badChoice.StatusCode);
        Assert.True((await Api.Json(badChoice))["errors"]!.AsObject().ContainsKey("kind"));

        var badPage = await supervisor.GetAsync("/api/customers?pageSize=500");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);

        var after = (await Api.Json(await supervisor.GetAsync("/api/customers?pageSize=1")))["totalCount"]!.GetValue<int>();
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task The_gateway_passes_the_correlation_id_through_and_back()
    {
        using var gm = await fixture.Platform.ClientAsync("gm");
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/customers?pageSize=1");
        request.Headers.Add("X-Correlation-Id", "platform-test-correlation-1");
        var response = await gm.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("platform-test-correlation-1", Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
    }

    [Fact]
    public async Task Concurrent_edits_of_one_customer_get_409_rather_than_a_silent_overwrite()
    {
        using var rep = await fixture.Platform.ClientAsync("rep.east");
        var customer = await Api.RegisterCustomer(rep, "EAST");
        var id = customer.Text("id");
        var version = customer["version"]!.GetValue<long>();

        var first = new HttpRequestMessage(HttpMethod.Post, $"/api/customers/{id}/grade") { Content = JsonContent.Create(new { grade = "D", reason = "First contact made" }) };
        first.Headers.IfMatch.Add(new($"\"{version}\""));
        Assert.Equal(HttpStatusCode.OK, (await rep.SendAsync(first)).StatusCode);

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/customers/{id}/grade") { Content = JsonContent.Create(new { grade = "C", reason = "Based on an old screen" }) };
        stale.Headers.IfMatch.Add(new($"\"{version}\""));
        var conflict = await rep.SendAsync(stale);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("D", (await Api.Json(await rep.GetAsync($"/api/customers/{id}"))).Text("grade"));
    }
}
