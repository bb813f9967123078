using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
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

    public async Task InitializeAsync() => host = await Start();

    /// <summary>The service these tests run against; a class on a test clock starts its own.</summary>
    protected virtual Task<ServiceTestHost> Start() => StartContractsService();

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
    protected async Task<CustomerRegistered> KnownCustomer(string region = "EAST", string ownerId = "rep.east", decimal? creditLimit = null)
    {
        var registered = TestCustomerEvents.Registered(Guid.NewGuid(), region, ownerId) with { CreditLimit = creditLimit };
        await Host.Deliver(registered, Guid.NewGuid());
        return registered;
    }

    public static readonly TestUser DirectorEast = new("director.east", Roles.RegionalDirector, ["EAST"]);
    public static readonly TestUser Chairman = new("chairman", Roles.Chairman, []);
    public static readonly TestUser Custodian = new("custodian", Roles.ContractCustodian, ["EAST", "NORTH"]);
    public static readonly TestUser Admin = new("admin", Roles.Admin, []);

    /// <summary>Who takes each step of a chain in these tests (region EAST).</summary>
    public static TestUser ApproverFor(string role) => role switch
    {
        Roles.BranchManager => TestUser.ManagerEast,
        Roles.RegionalDirector => DirectorEast,
        Roles.MarketingGM => TestUser.MarketingGM,
        _ => Chairman,
    };

    protected static object Draft(Guid customerId, string title = "2026 年度经销合同 Annual distribution agreement", string? templateCode = null) =>
        new { customerId, title, templateCode };

    /// <summary>
    /// Every part filled in over the template's standard clauses: <paramref name="quantity"/> m² of TL-600 at 60 CNY
    /// (60,000 CNY for 1,000), general or exclusive authority for tiles in EAST over 2026.
    /// </summary>
    public static ContractTerms CompleteTerms(CustomerRegistered customer, decimal quantity = 1_000m, DistributionKind kind = DistributionKind.General)
    {
        var template = ContractTemplate.Standard(DateTimeOffset.UtcNow);
        var from = new DateOnly(2026, 1, 1);
        var until = new DateOnly(2026, 12, 31);
        return template.Draft(customer.Name, "杭州市西湖区文三路 1 号") with
        {
            Subject = [new SubjectLine("TL-600", quantity, 60m)],
            Delivery = new Delivery(template.Clauses.DeliveryTerms, "杭州仓库 Hangzhou warehouse", "汽运 By truck", FreightPaidBy.Seller),
            Authority = new BusinessAuthority("一级经销商 First-tier dealer", kind, ["EAST"], ["TILE"], from, until),
            Settlement = new Settlement(template.Clauses.Settlement, 30),
            Policy = new DistributionPolicy([new RebateTier(0m, 0.01m), new RebateTier(1_000_000m, 0.02m)], RebatePeriod.Year, 0.005m,
                "季度促销 Quarterly promotion", "门店广告补贴 Shop advertising", "导购培训 Sales staff training"),
            Signing = new SigningTerms("杭州 Hangzhou", from, until),
            Buyer = new Party(customer.Name, "杭州市西湖区文三路 1 号", "王经理 Manager Wang", "0571-8888 0000", "王建国 Wang Jianguo", "王建国 Wang Jianguo",
                "中国银行杭州分行", "6216 6100 0000 1234", "91330100MA2000000X"),
        };
    }

    protected Task<HttpResponseMessage> Revise(TestUser user, Guid id, ContractTerms terms, string title = "2026 年度经销合同 Annual distribution agreement") =>
        Host.Client(user).PutAsJsonAsync($"/api/contracts/{id}/terms", new { title, terms }, TestJson.Options);

    protected Task<HttpResponseMessage> Submit(TestUser user, Guid id) => Host.Client(user).PostAsync($"/api/contracts/{id}/submit", null);

    protected Task<HttpResponseMessage> Decide(TestUser user, Guid id, ContractDecisionKind decision, string? comment = null) =>
        Host.Client(user).PostAsJsonAsync($"/api/contracts/{id}/decide", new { decision, comment }, TestJson.Options);

    /// <summary>A complete contract drafted by <paramref name="drafter"/> and submitted: its chain as the rules give it.</summary>
    protected async Task<ContractResponse> Submitted(CustomerRegistered customer, ContractTerms? terms = null, TestUser? drafter = null)
    {
        drafter ??= TestUser.RepEast;
        var draft = await CreateDraft(drafter, customer.CustomerId);
        await Revise(drafter, draft.Id, terms ?? CompleteTerms(customer)).Expect(HttpStatusCode.OK);
        return await Submit(drafter, draft.Id).Read<ContractResponse>();
    }

    /// <summary>A submitted contract approved by every step of its chain.</summary>
    protected async Task<ContractResponse> Approved(CustomerRegistered customer, ContractTerms? terms = null)
    {
        var contract = await Submitted(customer, terms);
        foreach (var step in contract.Chain)
        {
            contract = await Decide(ApproverFor(step.Role), contract.Id, ContractDecisionKind.Approve).Read<ContractResponse>();
        }

        return contract;
    }

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

    protected Task<HttpResponseMessage> Sign(TestUser user, Guid contractId, string? ifMatch = null, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/contracts/{contractId}/sign")
        {
            Content = JsonContent.Create(body ?? new { custodian = "custodian" }, options: TestJson.Options),
        };
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
