using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.IntegrationEvents;
using Crm.Testing;
using Crm.Visits.Data;
using Crm.Visits.Features;

namespace Crm.Visits.Tests;

public sealed class VisitAccessTests : VisitsTestContext
{
    [Fact]
    public async Task each_role_sees_the_visits_of_its_scope()
    {
        var east = await Customer();
        var north = await Customer(region: "NORTH", owner: "rep.north");
        var eastVisit = await Schedule(east.CustomerId);
        var northVisit = await Schedule(north.CustomerId, TestUser.RepNorth);

        async Task<Guid[]> Seen(TestUser user) =>
            (await As(user).GetFromJsonAsync<PagedResult<VisitSummary>>("/api/visits", TestJson.Options))!.Items.Select(v => v.Id).ToArray();

        Assert.Equal([eastVisit.Id], await Seen(TestUser.RepEast));
        Assert.Empty(await Seen(TestUser.RepEast2));
        Assert.Equal([eastVisit.Id], await Seen(TestUser.ManagerEast));
        Assert.Equal([northVisit.Id], await Seen(TestUser.DirectorNorth));
        Assert.Equal(new[] { eastVisit.Id, northVisit.Id }.Order(), (await Seen(TestUser.MarketingGM)).Order());
        await As(TestUser.RepEast2).GetAsync($"/api/visits/{eastVisit.Id}").Expect(HttpStatusCode.NotFound);
        await As(TestUser.DirectorNorth).GetAsync($"/api/visits/{eastVisit.Id}").Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task only_the_visiting_rep_checks_in_and_writes_the_report()
    {
        var customer = await Customer();
        var visit = await Schedule(customer.CustomerId);

        var refused = await Post(TestUser.ManagerEast, $"/api/visits/{visit.Id}/check-in", Position()).ReadProblem(HttpStatusCode.Forbidden);
        Assert.Contains("Only the rep who makes the visit", refused.Detail);
        await Post(TestUser.RepEast2, $"/api/visits/{visit.Id}/check-in", Position()).Expect(HttpStatusCode.NotFound);
        await As(TestUser.MarketingGM).PutAsJsonAsync($"/api/visits/{visit.Id}/report", Report(), TestJson.Options).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task a_report_is_reviewed_by_a_manager_of_its_region_only()
    {
        var customer = await Customer();
        var visit = await Reported(customer.CustomerId);
        await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/report/submit", new { }).Expect(HttpStatusCode.OK);
        var approve = new { approve = true };

        var byRep = await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/report/review", approve).ReadProblem(HttpStatusCode.Forbidden);
        Assert.Contains("branch managers and regional directors", byRep.Detail);
        await Post(TestUser.DirectorNorth, $"/api/visits/{visit.Id}/report/review", approve).Expect(HttpStatusCode.NotFound);
        await Post(TestUser.QualityHandler, $"/api/visits/{visit.Id}/report/review", approve).Expect(HttpStatusCode.Forbidden);

        var inbox = await As(TestUser.ManagerEast).GetFromJsonAsync<PagedResult<VisitSummary>>("/api/visits?reportStatus=Submitted", TestJson.Options);
        Assert.Equal([visit.Id], inbox!.Items.Select(v => v.Id));
        await Post(TestUser.ManagerEast, $"/api/visits/{visit.Id}/report/review", approve).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task a_manager_does_not_review_a_report_of_their_own_visit()
    {
        var customer = await Customer(owner: "manager.east");
        var visit = await Schedule(customer.CustomerId, TestUser.ManagerEast);
        await Post(TestUser.ManagerEast, $"/api/visits/{visit.Id}/check-in", Position()).Expect(HttpStatusCode.OK);
        await Post(TestUser.ManagerEast, $"/api/visits/{visit.Id}/check-out", Position()).Expect(HttpStatusCode.OK);
        await As(TestUser.ManagerEast).PutAsJsonAsync($"/api/visits/{visit.Id}/report", Report(), TestJson.Options).Expect(HttpStatusCode.OK);
        await Post(TestUser.ManagerEast, $"/api/visits/{visit.Id}/report/submit", new { }).Expect(HttpStatusCode.OK);

        var refused = await Post(TestUser.ManagerEast, $"/api/visits/{visit.Id}/report/review", new { approve = true }).ReadProblem(HttpStatusCode.Forbidden);

        Assert.Contains("never by the rep who wrote it", refused.Detail);
    }

    [Fact]
    public async Task visits_are_scheduled_for_active_customers_from_today_on_by_their_rep_or_a_manager_for_the_rep()
    {
        var others = await Customer(owner: "rep.east2");
        var deregistered = await Customer(status: CustomerStatus.Deregistered);
        var north = await Customer(region: "NORTH", owner: "rep.north");
        var mine = await Customer();
        var client = As(TestUser.RepEast);

        var errors = await client.PostAsJsonAsync("/api/visits", new { customerId = others.CustomerId, day = Monday }, TestJson.Options)
            .ReadValidationProblem("customerId");
        Assert.Contains("No such customer", errors["customerId"][0]);
        await client.PostAsJsonAsync("/api/visits", new { customerId = deregistered.CustomerId, day = Monday }, TestJson.Options)
            .ReadValidationProblem("customerId");
        await client.PostAsJsonAsync("/api/visits", new { customerId = north.CustomerId, day = Monday }, TestJson.Options)
            .ReadValidationProblem("customerId");
        await client.PostAsJsonAsync("/api/visits", new { customerId = mine.CustomerId, day = Monday.AddDays(-1) }, TestJson.Options)
            .ReadValidationProblem("day");
        await client.PostAsJsonAsync("/api/visits", new { customerId = mine.CustomerId }, TestJson.Options).ReadValidationProblem("day");
        var handlers = await As(TestUser.QualityHandler).PostAsJsonAsync("/api/visits", new { customerId = mine.CustomerId, day = Monday }, TestJson.Options)
            .ReadValidationProblem("customerId");
        Assert.Contains("belongs to rep.east", handlers["customerId"][0]);
        Assert.Equal(0, await Host.Scoped<VisitsDbContext, int>(db => Task.FromResult(db.Visits.Count())));

        var forTheRep = await As(TestUser.ManagerEast).PostAsJsonAsync("/api/visits", new { customerId = mine.CustomerId, day = Monday }, TestJson.Options)
            .Read<VisitResponse>(HttpStatusCode.Created);
        Assert.Equal("rep.east", forTheRep.OwnerId);
    }

    [Fact]
    public async Task a_report_names_each_bad_element_of_its_lists_and_stores_nothing()
    {
        var customer = await Customer();
        var visit = await Schedule(customer.CustomerId);
        var body = new
        {
            purpose = "",
            objections = new object?[] { null, new { text = "Too expensive", handling = "" } },
            competitors = new[] { new { competitor = "", price = -1m } },
            nextSteps = new object[] { new { action = "Call back" } },
            satisfaction = 6,
            proposedGrade = "B",
        };

        await As(TestUser.RepEast).PutAsJsonAsync($"/api/visits/{visit.Id}/report", body, TestJson.Options).ReadValidationProblem(
            "purpose", "objections[0]", "objections[1].handling", "competitors[0].competitor", "competitors[0].price", "nextSteps[0].due",
            "satisfaction", "gradeReason");

        var stored = await As(TestUser.RepEast).GetFromJsonAsync<VisitResponse>($"/api/visits/{visit.Id}", TestJson.Options);
        Assert.Equal((null, null, 1L), (stored!.Report, stored.ReportStatus, stored.Version));
    }
}
