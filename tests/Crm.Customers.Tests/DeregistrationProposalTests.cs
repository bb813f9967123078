using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.Customers.Domain;
using Crm.Customers.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Customers.Tests;

public sealed class DeregistrationProposalTests : CustomersHostTests
{
    private static CustomerDeregistrationProposed Proposed(Guid customerId, string visit = "visit-1") => new()
    {
        OccurredAt = DateTimeOffset.UtcNow, Version = 5, CustomerId = customerId, Source = "visit", SourceId = visit,
        Reason = "The shop has closed for good", ProposedBy = "rep.east",
    };

    private async Task<PagedResult<DeregistrationProposalResponse>> Pending() =>
        await Host.Client(TestUser.Supervisor).GetAsync("/api/customers/deregistration-proposals?status=Pending").Read<PagedResult<DeregistrationProposalResponse>>();

    [Fact]
    public async Task a_proposal_from_a_visit_waits_in_the_supervisors_inbox_once_and_confirming_it_deregisters_the_customer()
    {
        var customer = await Register(TestUser.RepEast);
        await Host.Deliver(Proposed(customer.Id), Guid.NewGuid());
        await Host.Deliver(Proposed(customer.Id) with { EventId = Guid.NewGuid() }, Guid.NewGuid());

        var pending = Assert.Single((await Pending()).Items);
        Assert.Equal((customer.Id, customer.Code, "visit", "visit-1", "The shop has closed for good", "rep.east"),
            (pending.CustomerId, pending.CustomerCode, pending.Source, pending.SourceId, pending.Reason, pending.ProposedBy));
        var url = $"/api/customers/{customer.Id}/deregistration-proposals/{pending.Id}";
        await Host.Client(TestUser.RepEast).GetAsync("/api/customers/deregistration-proposals").Expect(HttpStatusCode.Forbidden);
        await Host.Client(TestUser.ManagerEast).PostAsJsonAsync($"{url}/confirm", new { }).Expect(HttpStatusCode.Forbidden);

        var deregistered = await Host.Client(TestUser.Supervisor).PostAsJsonAsync($"{url}/confirm", new { note = "Checked by phone" }).Read<CustomerResponse>();

        Assert.Equal(CustomerStatus.Deregistered, deregistered.Status);
        Assert.Contains("The shop has closed for good", deregistered.DeregistrationReason);
        Assert.Empty((await Pending()).Items);
        await Host.Client(TestUser.Supervisor).PostAsJsonAsync($"{url}/confirm", new { }).Expect(HttpStatusCode.Conflict);
        var published = await Host.Published<CustomerDeregistered>(e => e.CustomerId == customer.Id);
        Assert.Equal("supervisor", published.DeregisteredBy);
    }

    [Fact]
    public async Task a_rejected_proposal_needs_a_note_and_keeps_the_customer()
    {
        var customer = await Register(TestUser.RepEast);
        await Host.Deliver(Proposed(customer.Id, "visit-2"), Guid.NewGuid());
        var pending = Assert.Single((await Pending()).Items);
        var url = $"/api/customers/{customer.Id}/deregistration-proposals/{pending.Id}/reject";

        await Host.Client(TestUser.Supervisor).PostAsJsonAsync(url, new { }).ReadValidationProblem("note");
        var kept = await Host.Client(TestUser.Supervisor).PostAsJsonAsync(url, new { note = "They reopened last week" }).Read<CustomerResponse>();

        Assert.Equal(CustomerStatus.Active, kept.Status);
        var decided = await Host.Client(TestUser.Supervisor).GetAsync("/api/customers/deregistration-proposals?status=Rejected").Read<PagedResult<DeregistrationProposalResponse>>();
        Assert.Equal(("supervisor", "They reopened last week"), (Assert.Single(decided.Items).DecidedBy, decided.Items[0].DecisionNote));
    }
}
