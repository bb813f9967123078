using System.Net;
using System.Net.Http.Json;
using Crm.Hospitality.Domain;
using Crm.Hospitality.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Hospitality.Tests;

public sealed class PhotographyAndCalendarTests : HospitalityTestContext
{
    private Task<HttpResponseMessage> Photography(TestUser user, Guid id, bool allow, string? comment = null) =>
        As(user).PostAsJsonAsync($"/api/hospitality/applications/{id}/photography", new { allow, comment }, TestJson.Options);

    private Task<HttpResponseMessage> Originals(TestUser user, Guid id, int count) =>
        As(user).PostAsJsonAsync($"/api/hospitality/applications/{id}/photographs", new { count, note = "Kept in the marketing archive" }, TestJson.Options);

    [Fact]
    public async Task an_ordinary_customers_request_to_photograph_is_refused_and_one_not_asked_for_has_nothing_to_decide()
    {
        var asked = await Apply(await Customer(), Visit(TuesdayTen, photographs: true));
        var notAsked = await Apply(await Customer(), Visit(TuesdayTen));

        Assert.Equal((PhotographyDecision.Refused, PhotographyDecision.NotRequested), (asked.Photography, notAsked.Photography));
        await Photography(TestUser.MarketingGM, asked.Id, true).Expect(HttpStatusCode.Conflict);
        await Photography(TestUser.MarketingGM, notAsked.Id, true).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task a_key_customers_request_needs_both_the_marketing_gm_and_the_chairman_and_the_originals_are_recorded_once()
    {
        var applied = await Apply(await Customer(CustomerTier.Key), Visit(TuesdayTen, photographs: true));
        Assert.Equal(PhotographyDecision.Pending, applied.Photography);

        await Photography(TestUser.RepEast, applied.Id, true).Expect(HttpStatusCode.Forbidden);
        var half = await Photography(TestUser.MarketingGM, applied.Id, true, "Showroom only").Read<ApplicationResponse>();
        Assert.Equal(PhotographyDecision.Pending, half.Photography);
        await Photography(TestUser.MarketingGM, applied.Id, true).Expect(HttpStatusCode.Conflict);
        await Originals(TestUser.MarketingGM, applied.Id, 12).Expect(HttpStatusCode.Conflict);
        var allowed = await Photography(Chairman, applied.Id, true).Read<ApplicationResponse>();

        Assert.Equal(PhotographyDecision.Allowed, allowed.Photography);
        Assert.Equal([(Crm.BuildingBlocks.Security.Roles.MarketingGM, true, "Showroom only"), (Crm.BuildingBlocks.Security.Roles.Chairman, true, null)],
            allowed.PhotographyVotes.Select(v => (v.Role, v.Allow, v.Comment)));
        await Originals(TestUser.RepEast, applied.Id, 12).Expect(HttpStatusCode.Forbidden);
        var kept = await Originals(TestUser.MarketingGM, applied.Id, 12).Read<ApplicationResponse>();
        Assert.Equal((12, "gm"), (kept.Photographs!.Count, kept.Photographs.By));
        await Originals(TestUser.MarketingGM, applied.Id, 3).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task either_decider_refusing_refuses_the_request()
    {
        var applied = await Apply(await Customer(CustomerTier.Key), Visit(TuesdayTen, photographs: true));

        var refused = await Photography(Chairman, applied.Id, false, "Line 3 is confidential").Read<ApplicationResponse>();

        Assert.Equal(PhotographyDecision.Refused, refused.Photography);
        await Photography(TestUser.MarketingGM, applied.Id, true).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task the_week_calendar_shows_each_days_visits_the_caller_sees_and_leaves_out_other_weeks_and_rejected_ones()
    {
        var customer = await Customer();
        var tuesday = await Apply(customer, Visit(TuesdayTen));
        var thursday = await Apply(customer, Visit(TuesdayTen.AddDays(2)));
        var rejected = await Apply(customer, Visit(TuesdayTen.AddDays(1)));
        await Decide(TestUser.ManagerEast, rejected.Id, Decision.Reject, "Plant closed").Expect(HttpStatusCode.OK);
        await Apply(customer, Visit(TuesdayTen.AddDays(7)));
        var north = await Apply(await Customer(owner: "rep.north", region: "NORTH"), Visit(TuesdayTen), TestUser.RepNorth);

        var week = await As(TestUser.MarketingGM).GetFromJsonAsync<WeekCalendar>("/api/hospitality/calendar?week=2026-03-04", TestJson.Options);
        var reps = await As(TestUser.RepEast).GetFromJsonAsync<WeekCalendar>("/api/hospitality/calendar", TestJson.Options);

        Assert.Equal(new DateOnly(2026, 3, 2), week!.Monday);
        Assert.Equal(7, week.Days.Count);
        Assert.Equal(new[] { tuesday.Id, north.Id }.Order(), week.Days[1].Visits.Select(v => v.Id).Order());
        Assert.Empty(week.Days[2].Visits);
        Assert.Equal([thursday.Id], week.Days[3].Visits.Select(v => v.Id));
        Assert.Equal(TuesdayTen.AddDays(2).AddHours(2), week.Days[3].Visits.Single().End);
        Assert.Equal(3, week.Days.Sum(d => d.Visits.Count));
        Assert.Equal([tuesday.Id, thursday.Id], reps!.Days.SelectMany(d => d.Visits).Select(v => v.Id));
    }
}
