using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Crm.Platform.Tests;

/// <summary>The Visits service through the gateway, on PostgreSQL, with its events crossing RabbitMQ to Customers.</summary>
[Collection(PlatformCollection.Name)]
public sealed class VisitsPlatformTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_visit_report_proposing_a_grade_becomes_a_pending_proposal_in_Customers_which_once_confirmed_changes_the_grade_and_its_complaint_is_filed_in_Complaints()
    {
        using var rep = await fixture.Platform.ClientAsync("rep.east");
        using var manager = await fixture.Platform.ClientAsync("manager.east");
        var id = Guid.Parse((await Api.RegisterCustomer(rep, "EAST")).Text("id"));
        await Api.Eventually(rep, $"/api/visits/customers/{id}", _ => true, "the customer in Visits' read model");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);

        var visit = await Api.Json(await rep.PostAsJsonAsync("/api/visits", new { customerId = id, day = today }));
        var url = $"/api/visits/{visit.Text("id")}";
        var here = new { latitude = 30.2431, longitude = 120.15 };
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsJsonAsync($"{url}/check-in", here)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsJsonAsync($"{url}/check-out", here)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rep.PutAsJsonAsync($"{url}/report", new
        {
            purpose = "Present the spring range", satisfaction = 3, proposedGrade = "D", gradeReason = "First meeting held, needs understood",
            complaint = new { type = "Delivery", severity = "High", description = "Samples arrived two weeks late", contactPerson = "王经理" },
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await rep.PostAsJsonAsync($"{url}/report/submit", new { })).StatusCode);

        var proposal = await Testing.Eventually.Get(async () =>
        {
            var list = JsonNode.Parse(await rep.GetStringAsync($"/api/customers/{id}/grade-proposals?status=Pending"))!.AsArray();
            return list.Count == 1 ? list[0]!.AsObject() : null;
        }, TimeSpan.FromSeconds(30), "the visit's proposal pending in Customers");
        Assert.Equal(("D", "visit", visit.Text("id")), (proposal.Text("proposedGrade"), proposal.Text("source"), proposal.Text("sourceId")));
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/customers/{id}/grade-proposals/{proposal.Text("id")}/confirm", new { note = "Agreed" })).StatusCode);

        var card = await Api.Eventually(rep, $"/api/customers/{id}", c => c.Text("grade") == "D", "grade D in Customers");
        Assert.Equal("D", card.Text("grade"));
        await Api.Eventually(rep, $"/api/visits/customers/{id}", c => c.Text("grade") == "D", "grade D in Visits' read model");
        var history = await Api.Eventually(rep, $"/api/customers/{id}/service-history", h => h["visits"]!.AsArray().Count == 1, "the visit in the service history");
        Assert.Equal(visit.Text("number"), history["visits"]![0]!.AsObject().Text("number"));
        Assert.NotNull(history["lastVisitedAt"]);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"{url}/report/review", new { approve = true })).StatusCode);

        var complaints = await Api.Eventually(rep, $"/api/complaints?customerId={id}", c => c["items"]!.AsArray().Count == 1, "the visit's complaint in Complaints");
        var complaint = complaints["items"]![0]!.AsObject();
        Assert.Equal(("Visit", "Delivery", "rep.east", visit.Text("id")), (complaint.Text("channel"), complaint.Text("type"), complaint.Text("recordedBy"), complaint.Text("visitId")));
        Assert.Equal("Routed", complaint.Text("status"));
    }
}
