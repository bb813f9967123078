using System.Net;
using System.Net.Http.Json;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Tests;

/// <summary>
/// Every change of a contract stages what it publishes: a draft, a revision, a return or a rejection nothing beyond the
/// service; a submission ContractSubmitted; the last approval ContractApproved; a signature ContractSigned; a
/// termination ContractTerminated. An approval that leaves steps to go, an amendment, a renewal (both new drafts) and
/// letting a contract lapse, a sales plan and an alert's resolution publish nothing; a month of sales records
/// SalesRecorded, and CrossRegionSaleDetected when a sale breaks the dealer's authority; the calendar's activations,
/// expiries and reminders are in ContractCalendarTests.
/// </summary>
public sealed class StagedEventsTests : ContractsHostTests
{
    public static TheoryData<string, string[]> Changes => new()
    {
        { "draft", [] },
        { "revise", [] },
        { "submit", [nameof(ContractSubmitted)] },
        { "approve a step", [] },
        { "approve the last step", [nameof(ContractApproved)] },
        { "return", [] },
        { "reject", [] },
        { "sign", [nameof(ContractSigned)] },
        { "terminate", [nameof(ContractTerminated)] },
        { "amend", [] },
        { "renew", [] },
        { "let lapse", [] },
        { "plan sales", [] },
        { "record sales", [nameof(SalesRecorded)] },
        { "record sales outside the authority", [nameof(SalesRecorded), nameof(CrossRegionSaleDetected)] },
        { "resolve an alert", [] },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task a_change_stages_the_integration_events_it_publishes(string change, string[] events)
    {
        var customer = await KnownCustomer();
        var bigger = CompleteTerms(customer, quantity: 10_000m);
        Func<Task> act = change switch
        {
            "draft" => () => CreateDraft(TestUser.RepEast, customer.CustomerId),
            "revise" => await Prepared(async () => (await CreateDraft(TestUser.RepEast, customer.CustomerId)).Id,
                id => Revise(TestUser.RepEast, id, CompleteTerms(customer)).Expect(HttpStatusCode.OK)),
            "submit" => await Prepared(async () =>
            {
                var draft = await CreateDraft(TestUser.RepEast, customer.CustomerId);
                await Revise(TestUser.RepEast, draft.Id, CompleteTerms(customer)).Expect(HttpStatusCode.OK);
                return draft.Id;
            }, id => Submit(TestUser.RepEast, id).Expect(HttpStatusCode.OK)),
            "approve a step" => await Prepared(async () => (await Submitted(customer, bigger)).Id,
                id => Decide(TestUser.ManagerEast, id, ContractDecisionKind.Approve).Expect(HttpStatusCode.OK)),
            "approve the last step" => await Prepared(async () => (await Submitted(customer)).Id,
                id => Decide(TestUser.ManagerEast, id, ContractDecisionKind.Approve).Expect(HttpStatusCode.OK)),
            "return" => await Prepared(async () => (await Submitted(customer)).Id,
                id => Decide(TestUser.ManagerEast, id, ContractDecisionKind.Return, "Name the delivery place").Expect(HttpStatusCode.OK)),
            "reject" => await Prepared(async () => (await Submitted(customer)).Id,
                id => Decide(TestUser.ManagerEast, id, ContractDecisionKind.Reject, "Not this dealer").Expect(HttpStatusCode.OK)),
            "sign" => await Prepared(async () => (await Approved(customer)).Id, id => Sign(TestUser.RepEast, id).Expect(HttpStatusCode.OK)),
            "terminate" => await Prepared(() => SignedId(customer),
                id => Host.Client(TestUser.ManagerEast).PostAsJsonAsync($"/api/contracts/{id}/terminate", new { reason = "Dealer closed" }).Expect(HttpStatusCode.OK)),
            "amend" => await Prepared(() => SignedId(customer), id => Host.Client(TestUser.RepEast).PostAsync($"/api/contracts/{id}/amend", null).Expect(HttpStatusCode.Created)),
            "renew" => await Prepared(() => SignedId(customer), id => Host.Client(TestUser.RepEast).PostAsync($"/api/contracts/{id}/renew", null).Expect(HttpStatusCode.Created)),
            "let lapse" => await Prepared(() => SignedId(customer),
                id => Host.Client(TestUser.RepEast).PostAsJsonAsync($"/api/contracts/{id}/let-lapse", new { reason = "Dealer retires" }).Expect(HttpStatusCode.OK)),
            "plan sales" => () => Host.Client(TestUser.RepEast).PutAsJsonAsync($"/api/contracts/sales-plans/{customer.CustomerId}/2026-03",
                new { lines = new[] { new { productCode = "TL-600", quantity = 10m, amount = 600m } } }).Expect(HttpStatusCode.OK),
            "record sales" => await Prepared(() => SignedId(customer), _ => RecordSales(customer)),
            "record sales outside the authority" => () => RecordSales(customer),
            _ => await Prepared(async () =>
            {
                await RecordSales(customer);
                var alerts = await Host.Client(TestUser.Supervisor).GetAsync("/api/contracts/cross-region-alerts")
                    .Read<Crm.BuildingBlocks.Http.PagedResult<Crm.Contracts.Features.CrossRegionAlertResponse>>();
                return alerts.Items[0].Id;
            }, id => Host.Client(TestUser.Supervisor).PostAsJsonAsync($"/api/contracts/cross-region-alerts/{id}/resolve", new { decision = "Warning", note = "First time" })
                .Expect(HttpStatusCode.OK)),
        };

        var before = await Host.Scoped<ContractsDbContext, List<Guid>>(db => db.OutboxMessages.Select(m => m.Id).ToListAsync());

        await act();

        var staged = await Host.Scoped<ContractsDbContext, List<string>>(db =>
            db.OutboxMessages.Where(m => !before.Contains(m.Id)).Select(m => m.MessageType).ToListAsync());
        Assert.Equal(events.Select(e => $"{typeof(ContractSigned).Namespace}.{e}").Order(), staged.Order());
    }

    private Task RecordSales(CustomerRegistered customer) =>
        Host.Client(TestUser.RepEast).PutAsJsonAsync($"/api/contracts/sales-records/{customer.CustomerId}/2026-03", new
        {
            rows = new[] { new { productCode = "TL-600", deliveredRegion = "EAST", grossQuantity = 10m, netQuantity = 9m, netAmount = 540m, stockQuantity = 1m, slowMovingQuantity = 0m } },
        }).Expect(HttpStatusCode.OK);

    private async Task<Guid> SignedId(CustomerRegistered customer)
    {
        var approved = await Approved(customer);
        await Sign(TestUser.RepEast, approved.Id).Expect(HttpStatusCode.OK);
        return approved.Id;
    }

    private static async Task<Func<Task>> Prepared(Func<Task<Guid>> prepare, Func<Guid, Task> change)
    {
        var id = await prepare();
        return () => change(id);
    }
}
