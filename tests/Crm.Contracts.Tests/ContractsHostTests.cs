using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.Contracts.Data;
using Crm.Contracts.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Tests;

/// <summary>A fresh Contracts service per test, with the calls the tests make against it.</summary>
public abstract class ContractsHostTests : IAsyncLifetime
{
    private ServiceTestHost? host;

    protected ServiceTestHost Host => host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => host = await StartContractsService();

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    public static Task<ServiceTestHost> StartContractsService() =>
        ServiceTestHost.StartAsync(b => b.AddContractsService(), a => a.MapContractsService());

    /// <summary>Makes a customer known to Contracts the way production does: through Customers' event.</summary>
    protected async Task<CustomerRegistered> KnownCustomer(string region = "EAST", string ownerId = "rep.east")
    {
        var registered = TestCustomerEvents.Registered(Guid.NewGuid(), region, ownerId);
        await Host.Deliver(registered, Guid.NewGuid());
        return registered;
    }

    protected static object Draft(Guid customerId, decimal amount = 200_000m, string? currency = "CNY", string title = "2026 年度经销合同 Annual distribution agreement") =>
        new { customerId, title, value = new { amount, currency } };

    protected Task<HttpResponseMessage> Create(TestUser user, object body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/contracts") { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(Idempotency.HeaderName, idempotencyKey);
        }

        return Host.Client(user).SendAsync(request);
    }

    protected Task<ContractResponse> CreateDraft(TestUser user, Guid customerId) =>
        Create(user, Draft(customerId)).Read<ContractResponse>(HttpStatusCode.Created);

    protected Task<HttpResponseMessage> Sign(TestUser user, Guid contractId, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/contracts/{contractId}/sign");
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return Host.Client(user).SendAsync(request);
    }

    protected Task<ContractResponse> Get(TestUser user, Guid contractId) =>
        Host.Client(user).GetAsync($"/api/contracts/{contractId}").Read<ContractResponse>();

    protected Task<int> ContractRows() => Host.Scoped<ContractsDbContext, int>(db => db.Contracts.CountAsync());

    protected Task<int> SignedEventsStaged() =>
        Host.Scoped<ContractsDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.MessageType == typeof(ContractSigned).FullName));
}
