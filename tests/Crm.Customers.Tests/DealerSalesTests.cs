using System.Net;
using Crm.Customers.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Customers.Tests;

/// <summary>Each dealer's monthly net sales and on-plan rate, kept from Contracts' SalesRecorded as its evaluation's context.</summary>
public sealed class DealerSalesTests : CustomersHostTests
{
    private static SalesRecorded Recorded(Guid customerId, int month, decimal net, decimal? planned, long version) => new()
    {
        OccurredAt = DateTimeOffset.UtcNow, Version = version, CustomerId = customerId, Month = new DateOnly(2026, month, 1), Region = "EAST",
        NetQuantity = net / 60m, NetAmount = net, PlannedAmount = planned, OnPlanRate = planned is > 0 ? decimal.Round(net / planned.Value, 4) : null,
        RecordedBy = "rep.east",
    };

    [Fact]
    public async Task the_newest_recording_of_each_month_is_kept_whatever_the_order_and_the_rate_is_over_the_planned_months()
    {
        var customer = await Register(TestUser.RepEast);

        await Host.Deliver(Recorded(customer.Id, 3, 90_000m, 120_000m, version: 2), Guid.NewGuid());
        await Host.Deliver(Recorded(customer.Id, 3, 72_000m, 120_000m, version: 1), Guid.NewGuid());
        await Host.Deliver(Recorded(customer.Id, 2, 40_000m, 50_000m, version: 1), Guid.NewGuid());
        await Host.Deliver(Recorded(customer.Id, 1, 10_000m, null, version: 1), Guid.NewGuid());

        var sales = await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customer.Id}/sales").Read<DealerSalesResponse>();

        Assert.Equal([("2026-03", 90_000m, (decimal?)0.75m), ("2026-02", 40_000m, 0.8m), ("2026-01", 10_000m, null)],
            sales.Months.Select(m => (m.Month, m.NetAmount, m.OnPlanRate)));
        Assert.Equal((140_000m, (decimal?)decimal.Round(130_000m / 170_000m, 4)), (sales.NetAmount, sales.OnPlanRate));
        Assert.Equal(["2026-03"], (await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customer.Id}/sales?months=1").Read<DealerSalesResponse>())
            .Months.Select(m => m.Month));
        await Host.Client(TestUser.RepNorth).GetAsync($"/api/customers/{customer.Id}/sales").Expect(HttpStatusCode.NotFound);
        await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customer.Id}/sales?months=61").ReadValidationProblem("months");
    }

    private static CrossRegionSaleDetected Alert(Guid customerId, int month, string number, string region, decimal amount) => new()
    {
        OccurredAt = DateTimeOffset.UtcNow, Version = 1, AlertId = Guid.NewGuid(), AlertNumber = number, Kind = "OutsideAuthority", CustomerId = customerId,
        Month = new DateOnly(2026, month, 1), ProductCode = "TL-600", DeliveredRegion = region, Quantity = amount / 60m, Amount = amount,
        Reason = $"TL-600 delivered to {region}, outside the regions its contracts authorise: EAST.", Contracts = ["HT-2026-000001"],
    };

    [Fact]
    public async Task the_alerts_raised_on_a_dealers_sales_are_kept_once_each_with_its_months()
    {
        var customer = await Register(TestUser.RepEast);
        var south = Alert(customer.Id, 3, "CX-2026-000002", "SOUTH", 30_000m);
        await Host.Deliver(Recorded(customer.Id, 3, 90_000m, 120_000m, version: 1), Guid.NewGuid());
        await Host.Deliver(Recorded(customer.Id, 2, 40_000m, 50_000m, version: 1), Guid.NewGuid());
        await Host.Deliver(Alert(customer.Id, 2, "CX-2026-000001", "NORTH", 6_000m), Guid.NewGuid());
        await Host.Deliver(south, Guid.NewGuid());
        await Host.Deliver(south, Guid.NewGuid()); // the same alert published again under another message id

        var sales = await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customer.Id}/sales").Read<DealerSalesResponse>();
        var lastMonth = await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customer.Id}/sales?months=1").Read<DealerSalesResponse>();

        Assert.Equal([("CX-2026-000002", "2026-03", "SOUTH", 30_000m), ("CX-2026-000001", "2026-02", "NORTH", 6_000m)],
            sales.CrossRegionAlerts.Select(a => (a.Number, a.Month, a.DeliveredRegion, a.Amount)));
        Assert.Equal(["CX-2026-000002"], lastMonth.CrossRegionAlerts.Select(a => a.Number));
    }
}
