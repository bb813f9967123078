using System.Net;
using System.Net.Http.Json;
using Crm.Contracts.Domain;
using Crm.Contracts.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Contracts.Tests;

/// <summary>
/// Cross-region selling (窜货) over 2026: dealer A holds general authority for tiles in EAST and NORTH, dealer B exclusive
/// authority for tiles in NORTH. A's tiles into EAST are fine; into NORTH they enter B's exclusive region; into SOUTH,
/// and sanitary ware anywhere, they are outside A's authority; TL-800 at 70 CNY is below its floor price of 78.
/// </summary>
public sealed class CrossRegionTests : ContractsHostTests
{
    private async Task<(CustomerRegistered A, CustomerRegistered B, ContractResponse OfA, ContractResponse OfB)> Dealers()
    {
        var a = await KnownCustomer();
        var b = await KnownCustomer();
        var general = CompleteTerms(a);
        var exclusive = CompleteTerms(b, kind: DistributionKind.Exclusive);
        var ofA = await Approved(a, general with { Authority = general.Authority! with { Regions = ["EAST", "NORTH"] } });
        var ofB = await Approved(b, exclusive with { Authority = exclusive.Authority! with { Regions = ["NORTH"] } });
        await Sign(TestUser.RepEast, ofA.Id).Expect(HttpStatusCode.OK);
        await Sign(TestUser.RepEast, ofB.Id).Expect(HttpStatusCode.OK);
        return (a, b, ofA, ofB);
    }

    private static object Row(string product, string region, decimal quantity, decimal amount) =>
        new { productCode = product, deliveredRegion = region, grossQuantity = quantity, netQuantity = quantity, netAmount = amount, stockQuantity = 0m, slowMovingQuantity = 0m };

    private Task<HttpResponseMessage> Record(Guid customerId, params object[] rows) =>
        Host.Client(TestUser.RepEast).PutAsJsonAsync($"/api/contracts/sales-records/{customerId}/2026-03", new { rows }, TestJson.Options);

    private async Task<List<CrossRegionAlertResponse>> Alerts(TestUser user, string query = "") =>
        [.. (await Host.Client(user).GetAsync($"/api/contracts/cross-region-alerts{query}").Read<Crm.BuildingBlocks.Http.PagedResult<CrossRegionAlertResponse>>()).Items];

    [Fact]
    public async Task each_sale_outside_the_dealers_authority_into_an_exclusive_region_or_below_the_floor_price_raises_one_alert()
    {
        var (a, b, ofA, ofB) = await Dealers();

        await Record(a.CustomerId,
            Row("TL-600", "EAST", 1_000m, 60_000m), Row("TL-600", "NORTH", 200m, 12_000m), Row("TL-600", "SOUTH", 50m, 3_000m),
            Row("SW-101", "EAST", 2m, 6_000m), Row("TL-800", "EAST", 100m, 7_000m)).Expect(HttpStatusCode.OK);
        await Record(b.CustomerId, Row("TL-600", "NORTH", 500m, 30_000m)).Expect(HttpStatusCode.OK);
        await Record(a.CustomerId,
            Row("TL-600", "EAST", 1_000m, 60_000m), Row("TL-600", "NORTH", 200m, 12_000m), Row("TL-600", "SOUTH", 50m, 3_000m),
            Row("SW-101", "EAST", 2m, 6_000m), Row("TL-800", "EAST", 100m, 7_000m)).Expect(HttpStatusCode.OK);

        var alerts = await Alerts(TestUser.Supervisor);
        Assert.Equal(
            [
                (CrossRegionKind.OutsideAuthority, "TL-600", "SOUTH", 50m),
                (CrossRegionKind.OutsideAuthority, "SW-101", "EAST", 2m),
                (CrossRegionKind.ExclusiveRegion, "TL-600", "NORTH", 200m),
                (CrossRegionKind.BelowFloorPrice, "TL-800", "EAST", 100m),
            ],
            alerts.OrderBy(x => x.Kind).ThenByDescending(x => x.ProductCode, StringComparer.Ordinal).ThenBy(x => x.DeliveredRegion, StringComparer.Ordinal)
                .Select(x => (x.Kind, x.ProductCode, x.DeliveredRegion, x.Quantity)));
        Assert.All(alerts, x => Assert.Equal((a.CustomerId, "2026-03"), (x.CustomerId, x.Month)));
        var exclusive = alerts.Single(x => x.Kind == CrossRegionKind.ExclusiveRegion);
        Assert.Equal(b.CustomerId, exclusive.OtherDealerId);
        Assert.Equal([ofA.Number, ofB.Number], exclusive.Contracts);
        Assert.Contains("below its floor price of 78.00", alerts.Single(x => x.Kind == CrossRegionKind.BelowFloorPrice).Reason);
        var published = await Host.Published<CrossRegionSaleDetected>(e => e.Kind == nameof(CrossRegionKind.ExclusiveRegion));
        Assert.Equal((a.CustomerId, "NORTH", 12_000m, b.CustomerId), (published.CustomerId, published.DeliveredRegion, published.Amount, published.OtherDealerId));
    }

    [Fact]
    public async Task the_supervisor_resolves_an_alert_once_with_a_decision_on_record_and_detection_again_raises_nothing_new()
    {
        var (a, _, _, _) = await Dealers();
        await Record(a.CustomerId, Row("TL-600", "SOUTH", 50m, 3_000m)).Expect(HttpStatusCode.OK);
        var alert = Assert.Single(await Alerts(TestUser.ManagerEast, "?open=true"));

        await Host.Client(TestUser.ManagerEast).PostAsJsonAsync($"/api/contracts/cross-region-alerts/{alert.Id}/resolve", new { decision = "Warning", note = "x" })
            .ReadProblem(HttpStatusCode.Forbidden);
        var resolved = await Host.Client(TestUser.Supervisor).PostAsJsonAsync($"/api/contracts/cross-region-alerts/{alert.Id}/resolve",
            new { decision = "Penalty", note = "罚款 5,000 元 Fined 5,000 CNY" }).Read<CrossRegionAlertResponse>();
        await Host.Client(TestUser.Supervisor).PostAsJsonAsync($"/api/contracts/cross-region-alerts/{alert.Id}/resolve", new { decision = "Dismissed", note = "again" })
            .ReadProblem(HttpStatusCode.Conflict);
        var detected = await Host.Client(TestUser.Supervisor).PostAsJsonAsync("/api/contracts/cross-region/detect", new { month = "2026-03" }).Read<DetectionResult>();

        Assert.Equal((CrossRegionDecision.Penalty, "supervisor"), (resolved.Resolution!.Decision, resolved.Resolution.By));
        Assert.Equal((1, 0), (detected.Records, detected.NewAlerts));
        Assert.Empty(await Alerts(TestUser.ManagerEast, "?open=true"));
        Assert.Empty(await Alerts(TestUser.RepNorth));
        await Host.Client(TestUser.RepEast).PostAsJsonAsync("/api/contracts/cross-region/detect", new { month = "2026-03" }).ReadProblem(HttpStatusCode.Forbidden);
    }
}
