using System.Net;
using System.Net.Http.Json;
using Crm.Customers.Data;
using Crm.Customers.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Tests;

/// <summary>A fresh Customers service per test, with the calls the tests make against it.</summary>
public abstract class CustomersHostTests : IAsyncLifetime
{
    private ServiceTestHost? host;

    protected ServiceTestHost Host => host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => host = await StartCustomersService();

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    public static Task<ServiceTestHost> StartCustomersService() =>
        ServiceTestHost.StartAsync(b => b.AddCustomersService(), a => a.MapCustomersService());

    /// <summary>A visit proposes grade B for the customer (as Visits publishes it); the pending proposal's id.</summary>
    protected async Task<Guid> Proposal(Guid customerId)
    {
        await Host.Deliver(new CustomerGradeProposed
        {
            OccurredAt = DateTimeOffset.UtcNow, Version = 1, CustomerId = customerId, ProposedGrade = CustomerGrade.B, Source = "visit",
            SourceId = Guid.NewGuid().ToString(), Reason = "The decision maker intends to buy", ProposedBy = "rep.east",
        }, Guid.NewGuid());
        var pending = await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customerId}/grade-proposals?status=Pending").Read<List<GradeProposalResponse>>();
        return Assert.Single(pending).Id;
    }

    protected Task<CustomerResponse> Register(TestUser user, string region = "EAST", string? ownerId = null, string? name = null, string? grade = null) =>
        Register(Host, user, region, ownerId, name, grade);

    public static async Task<CustomerResponse> Register(
        ServiceTestHost host, TestUser user, string region = "EAST", string? ownerId = null, string? name = null, string? grade = null, string? code = null)
    {
        var response = await host.Client(user).PostAsJsonAsync("/api/customers", RegisterBody(region, ownerId, name, grade, code));
        return await response.Read<CustomerResponse>(HttpStatusCode.Created);
    }

    protected static object RegisterBody(string region = "EAST", string? ownerId = null, string? name = null, string? grade = null, string? code = null) => new
    {
        name = name ?? $"华东建材经销 East Building Materials {Guid.NewGuid():N}",
        kind = "Dealer",
        region,
        address = "上海市浦东新区张江路 88 号",
        ownerId,
        tier = "Key",
        grade,
        code,
    };

    protected Task<CustomerResponse> Get(TestUser user, Guid id) =>
        Host.Client(user).GetAsync($"/api/customers/{id}").Read<CustomerResponse>();

    protected Task<List<GradeChangeResponse>> History(TestUser user, Guid id) =>
        Host.Client(user).GetAsync($"/api/customers/{id}/grade-history").Read<List<GradeChangeResponse>>();

    protected Task<int> CustomerRows() => Host.Scoped<CustomersDbContext, int>(db => db.Customers.CountAsync());

    /// <summary>Events staged in the outbox, of one type: what the service has committed to publish.</summary>
    protected Task<int> OutboxRows<TEvent>() =>
        Host.Scoped<CustomersDbContext, int>(db => db.OutboxMessages.CountAsync(m => m.MessageType == typeof(TEvent).FullName));
}
