using System.Net;
using System.Net.Http.Json;
using Crm.IntegrationEvents;
using Crm.Testing;
using Crm.Visits.Features;

namespace Crm.Visits.Tests;

/// <summary>
/// March 2026 in region EAST: rep.east has customers A (grade A, a visit due every 7 days), B (grade B, 14), C (grade C,
/// two visits scheduled, one cancelled, one never made) and D (grade D, never visited); rep.east2 has one grade B customer.
/// </summary>
public sealed class CoverageReportTests : VisitsTestContext
{
    private const string March = "/api/visits/reports/coverage?from=2026-03-02&to=2026-03-31";

    private async Task<VisitResponse> VisitToday(Guid customerId, TestUser? rep = null, object? checkIn = null)
    {
        var day = DateOnly.FromDateTime(Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        var visit = await Schedule(customerId, rep, day);
        await Post(rep ?? TestUser.RepEast, $"/api/visits/{visit.Id}/check-in", checkIn ?? Position()).Expect(HttpStatusCode.OK);
        return await Post(rep ?? TestUser.RepEast, $"/api/visits/{visit.Id}/check-out", Position()).Read<VisitResponse>();
    }

    private void ToDay(int dayOfMarch) => Clock.Advance(new DateTimeOffset(2026, 3, dayOfMarch, 9, 0, 0, TimeSpan.FromHours(8)) - Clock.GetUtcNow());

    private async Task<(Guid A, Guid B, Guid C, Guid D, Guid Other)> March2026()
    {
        var a = (await Customer(grade: CustomerGrade.A, at: (Latitude, Longitude, CoordinateDatum.Wgs84))).CustomerId;
        var b = (await Customer(grade: CustomerGrade.B)).CustomerId;
        var c = (await Customer(grade: CustomerGrade.C)).CustomerId;
        var d = (await Customer(grade: CustomerGrade.D)).CustomerId;
        var other = (await Customer(grade: CustomerGrade.B, owner: "rep.east2")).CustomerId;

        await VisitToday(a);
        await VisitToday(b);
        await VisitToday(other, TestUser.RepEast2);
        var cancelled = await Schedule(c, day: new DateOnly(2026, 3, 5));
        await Schedule(c, day: new DateOnly(2026, 3, 10));
        ToDay(5);
        await Post(TestUser.RepEast, $"/api/visits/{cancelled.Id}/cancel", new { reason = "Customer closed for stocktaking" }).Expect(HttpStatusCode.OK);
        ToDay(9);
        await VisitToday(a, checkIn: Position(Latitude + 0.018)); // on time (2 + 7), checked in 2 km away
        ToDay(13);
        var reviewed = await VisitToday(b); // on time (2 + 14 = 16)
        await As(TestUser.RepEast).PutAsJsonAsync($"/api/visits/{reviewed.Id}/report", Report(), TestJson.Options).Expect(HttpStatusCode.OK);
        await Post(TestUser.RepEast, $"/api/visits/{reviewed.Id}/report/submit", new { }).Expect(HttpStatusCode.OK);
        Clock.Advance(TimeSpan.FromHours(5));
        await Post(TestUser.ManagerEast, $"/api/visits/{reviewed.Id}/report/review", new { approve = true }).Expect(HttpStatusCode.OK);
        ToDay(20);
        var late = await VisitToday(a); // late: due on 9 + 7 = 16
        await As(TestUser.RepEast).PutAsJsonAsync($"/api/visits/{late.Id}/report", Report(), TestJson.Options).Expect(HttpStatusCode.OK);
        await Post(TestUser.RepEast, $"/api/visits/{late.Id}/report/submit", new { }).Expect(HttpStatusCode.OK);
        ToDay(31);
        return (a, b, c, d, other);
    }

    [Fact]
    public async Task a_reps_month_shows_scheduled_against_made_on_time_by_grade_overdue_and_never_visited_favouritism_flags_and_review_turnaround()
    {
        var (a, b, c, d, _) = await March2026();

        var report = await As(TestUser.RepEast).GetFromJsonAsync<CoverageReportResponse>(March, TestJson.Options);

        var rep = Assert.Single(report!.Groups);
        Assert.Equal("rep.east", rep.Key);
        // Scheduled: A three times, B twice, C twice (one cancelled, one never made); made: five.
        Assert.Equal((4, 7, 5, 1, 7), (rep.Customers, rep.Scheduled, rep.Done, rep.Cancelled, rep.AdHoc));
        Assert.Equal(Math.Round(5m / 6, 4), rep.CompletionRate);
        var onTime = rep.OnTime.ToDictionary(g => g.Grade);
        Assert.Equal((2, 1, 0.5m), (onTime[CustomerGrade.A].Visits, onTime[CustomerGrade.A].OnTime, onTime[CustomerGrade.A].Rate));
        Assert.Equal((1, 1, 1m), (onTime[CustomerGrade.B].Visits, onTime[CustomerGrade.B].OnTime, onTime[CustomerGrade.B].Rate));
        Assert.Equal((0, 0, (decimal?)null), (onTime[CustomerGrade.C].Visits, onTime[CustomerGrade.C].OnTime, onTime[CustomerGrade.C].Rate));
        // On 31 March: A was due on 27 (20 + 7), B on 27 (13 + 14); C and D were never visited.
        Assert.Equal((2, 2), (rep.Overdue, rep.NeverVisited));
        Assert.Equal([(a, 4), (b, 4)], report.Overdue.Select(o => (o.CustomerId, o.DaysOverdue)).OrderBy(o => o.Item1 == a ? 0 : 1));
        Assert.Equal(new[] { c, d }.Order(), report.NeverVisited.Select(o => o.CustomerId).Order());
        // The most-visited fifth of four customers is one customer, A, with three of the five visits.
        Assert.Equal(0.6m, rep.TopFifthShare);
        Assert.Equal((1, 1, 5.0), (rep.FlaggedCheckIns, rep.AwaitingReview, rep.ReviewTurnaroundHours));
    }

    [Fact]
    public async Task managers_see_every_rep_of_their_region_or_the_region_as_one_and_others_see_nothing_of_it()
    {
        await March2026();

        var byRep = await As(TestUser.ManagerEast).GetFromJsonAsync<CoverageReportResponse>(March, TestJson.Options);
        var byRegion = await As(TestUser.ManagerEast).GetFromJsonAsync<CoverageReportResponse>(March + "&groupBy=Region", TestJson.Options);
        var north = await As(TestUser.DirectorNorth).GetFromJsonAsync<CoverageReportResponse>(March, TestJson.Options);

        Assert.Equal(["rep.east", "rep.east2"], byRep!.Groups.Select(g => g.Key));
        Assert.Equal((1, 1, 1), (byRep.Groups[1].Customers, byRep.Groups[1].Scheduled, byRep.Groups[1].Done));
        var region = Assert.Single(byRegion!.Groups);
        Assert.Equal(("EAST", 5, 8, 6), (region.Key, region.Customers, region.Scheduled, region.Done));
        Assert.Empty(north!.Groups);
        Assert.Empty(north.Overdue);
    }

    [Fact]
    public async Task a_report_needs_a_period_of_at_most_a_year_and_a_known_grouping()
    {
        var client = As(TestUser.ManagerEast);

        await client.GetAsync("/api/visits/reports/coverage?to=2026-03-31").ReadValidationProblem("from");
        await client.GetAsync("/api/visits/reports/coverage?from=2026-03-31&to=2026-03-01").ReadValidationProblem("to");
        await client.GetAsync("/api/visits/reports/coverage?from=2026-01-01&to=2027-01-31").ReadValidationProblem("to");
        await client.GetAsync(March + "&groupBy=Team").ReadValidationProblem("groupBy");
        await client.GetAsync(March + "&groupBy=1").ReadValidationProblem("groupBy");
    }
}
