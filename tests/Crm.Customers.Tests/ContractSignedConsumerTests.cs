using System.Net.Http.Json;
using Crm.Customers.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Customers.Tests;

/// <summary>A signed contract makes its customer grade A (DOMAIN.md, Contracts), exactly once per message.</summary>
public sealed class ContractSignedConsumerTests : CustomersHostTests
{
    private static ContractSigned Signed(Guid customerId, string number) => new()
    {
        OccurredAt = DateTimeOffset.UtcNow,
        Version = 2,
        ContractId = Guid.NewGuid(),
        ContractNumber = number,
        CustomerId = customerId,
        SignedBy = "manager.east",
        SignedAt = DateTimeOffset.UtcNow,
    };

    [Fact]
    public async Task a_signed_contract_makes_the_customer_grade_A_with_the_contract_as_the_reason()
    {
        var customer = await Register(TestUser.RepEast);
        var signed = Signed(customer.Id, "CT-2026-000031");

        await Host.Deliver(signed, Guid.NewGuid());

        var stored = await Get(TestUser.RepEast, customer.Id);
        Assert.Equal(CustomerGrade.A, stored.Grade);
        Assert.Equal(customer.Version + 1, stored.Version);
        var entry = (await History(TestUser.RepEast, customer.Id))[^1];
        Assert.Equal((CustomerGrade.E, CustomerGrade.A), (entry.From, entry.To));
        Assert.Contains("CT-2026-000031", entry.Reason, StringComparison.Ordinal);
        Assert.Equal($"contract:{signed.ContractId}", entry.SourceId);
        Assert.Equal("manager.east", entry.ChangedBy);
        var published = await Host.Published<CustomerGradeChanged>(e => e.CustomerId == customer.Id);
        Assert.Equal((CustomerGrade.E, CustomerGrade.A), (published.PreviousGrade, published.Grade));
    }

    [Fact]
    public async Task a_redelivered_contract_signed_has_no_second_effect_but_a_new_one_does()
    {
        var customer = await Register(TestUser.RepEast);
        var messageId = Guid.NewGuid();
        var signed = Signed(customer.Id, "CT-2026-000032");
        await Host.Deliver(signed, messageId);
        await Host.Client(TestUser.ManagerEast).PostAsJsonAsync($"/api/customers/{customer.Id}/grade", new { grade = "C", reason = "Contract cancelled" })
            .Read<CustomerResponse>();

        await Host.Redeliver(signed, messageId);

        Assert.Equal(CustomerGrade.C, (await Get(TestUser.RepEast, customer.Id)).Grade);
        Assert.Equal(3, (await History(TestUser.RepEast, customer.Id)).Count);

        await Host.Deliver(Signed(customer.Id, "CT-2026-000040"), Guid.NewGuid());

        Assert.Equal(CustomerGrade.A, (await Get(TestUser.RepEast, customer.Id)).Grade);
        Assert.Contains("CT-2026-000040", (await History(TestUser.RepEast, customer.Id))[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_contract_for_a_customer_already_at_grade_A_adds_no_history()
    {
        var customer = await Register(TestUser.RepEast, grade: "A");

        await Host.Deliver(Signed(customer.Id, "CT-2026-000033"), Guid.NewGuid());

        Assert.Single(await History(TestUser.RepEast, customer.Id));
        Assert.Equal(customer.Version, (await Get(TestUser.RepEast, customer.Id)).Version);
    }
}
