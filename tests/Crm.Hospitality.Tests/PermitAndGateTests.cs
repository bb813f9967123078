using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Hospitality.Domain;
using Crm.Hospitality.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Hospitality.Tests;

/// <summary>A visit on Tuesday 3 March 2026, 10:00 to 12:00 in Shanghai (<see cref="HospitalityTestContext.TuesdayTen"/>), applied for on Monday 09:00.</summary>
public sealed class PermitAndGateTests : HospitalityTestContext
{
    private static readonly TestUser FrontDesk = new("frontdesk", Roles.FrontDesk, []);
    private Task<HttpResponseMessage> Pass(TestUser user, string permit, string visitor, bool entering = true) =>
        As(user).PostAsJsonAsync($"/api/hospitality/gate/{permit}/{(entering ? "check-in" : "check-out")}", new { visitor }, TestJson.Options);

    [Theory]
    [InlineData(CustomerTier.Ordinary, CustomerGrade.E, "Reception room (接待室)", "Tea and snacks (茶水、点心)", Roles.RegionalDirector)]
    [InlineData(CustomerTier.Ordinary, CustomerGrade.B, "VIP reception room (贵宾接待室)", "Coffee, pastries and fruit (咖啡、糕点、水果)", Roles.MarketingGM)]
    [InlineData(CustomerTier.Key, CustomerGrade.C, "VIP reception room (贵宾接待室)", "Coffee, pastries and fruit (咖啡、糕点、水果)", Roles.MarketingGM)]
    [InlineData(CustomerTier.Key, CustomerGrade.A, "VIP reception room (贵宾接待室)", "Coffee, pastries and fruit (咖啡、糕点、水果)", Roles.Chairman)]
    public async Task an_approved_visit_gets_a_permit_and_the_reception_standard_of_its_customers_tier_and_grade(
        CustomerTier tier, CustomerGrade grade, string room, string refreshments, string accompaniedBy)
    {
        var approved = await Approved(tier, grade);

        Assert.Matches(@"^PM-2026-\d{6}$", approved.PermitNumber);
        Assert.Matches("^[2-9A-Z]{10}$", approved.PermitCode);
        Assert.Equal((room, refreshments, accompaniedBy), (approved.Reception!.Room, approved.Reception.Refreshments, approved.Reception.AccompaniedBy));
    }

    [Fact]
    public async Task the_gate_lets_the_named_visitors_in_from_half_an_hour_before_the_visit_to_its_end_and_records_each_passage()
    {
        var approved = await Approved();
        var permit = approved.PermitNumber!;

        At(TuesdayTen.AddMinutes(-31));
        var early = await As(FrontDesk).GetFromJsonAsync<PermitCheckResponse>($"/api/hospitality/gate/{permit}", TestJson.Options);
        Assert.False(early!.Valid);
        Assert.Contains("valid from", early.Refusal);
        await Pass(FrontDesk, permit, "王总").Expect(HttpStatusCode.Conflict);

        At(TuesdayTen.AddMinutes(-20));
        var byCode = await As(FrontDesk).GetFromJsonAsync<PermitCheckResponse>($"/api/hospitality/gate/{approved.PermitCode!.ToLowerInvariant()}", TestJson.Options);
        Assert.True(byCode!.Valid);
        Assert.Equal((permit, 2, "host.marketing"), (byCode.PermitNumber, byCode.Visitors.Count, byCode.HostId));
        await Pass(FrontDesk, permit, "王总").Expect(HttpStatusCode.OK);
        await Pass(FrontDesk, permit, "王总").Expect(HttpStatusCode.Conflict);
        await Pass(FrontDesk, permit, "张三").Expect(HttpStatusCode.Conflict);
        await Pass(FrontDesk, permit, "").ReadValidationProblem("visitor");
        At(TuesdayTen.AddHours(2).AddMinutes(5));
        var left = await Pass(FrontDesk, permit, "王总", entering: false).Read<PermitCheckResponse>();
        await Pass(FrontDesk, permit, "李工").Expect(HttpStatusCode.Conflict);

        Assert.False(left.Valid);
        Assert.Contains("expired", left.Refusal);
        Assert.Equal([("王总", true, TuesdayTen.AddMinutes(-20)), ("王总", false, TuesdayTen.AddHours(2).AddMinutes(5))], left.Gate.Select(g => (g.Visitor, g.In, g.At)));
        var checkedIn = await Host.Published<VisitorCheckedIn>(e => e.ApplicationId == approved.Id);
        Assert.Equal(("王总", "frontdesk"), (checkedIn.Visitor, checkedIn.RecordedBy));
        await Host.Published<VisitorCheckedOut>(e => e.ApplicationId == approved.Id);
    }

    [Fact]
    public async Task after_the_visit_the_host_records_its_outcome_and_a_proposed_grade_goes_to_customers()
    {
        var approved = await Approved(grade: CustomerGrade.C);
        var host = new TestUser("host.marketing", Roles.MarketingGM, []);
        var body = new { outcome = "Toured line 3, agreed a trial order", impressions = "Impressed by the kiln", proposedGrade = "B", gradeReason = "Trial order agreed" };

        await As(host).PostAsJsonAsync($"/api/hospitality/applications/{approved.Id}/outcome", body, TestJson.Options).Expect(HttpStatusCode.Conflict);
        At(TuesdayTen.AddHours(2));
        await As(host).PostAsJsonAsync($"/api/hospitality/applications/{approved.Id}/outcome", body with { gradeReason = "" }, TestJson.Options)
            .ReadValidationProblem("gradeReason");
        await As(TestUser.ManagerEast).PostAsJsonAsync($"/api/hospitality/applications/{approved.Id}/outcome", body, TestJson.Options).Expect(HttpStatusCode.Forbidden);
        var completed = await As(host).PostAsJsonAsync($"/api/hospitality/applications/{approved.Id}/outcome", body, TestJson.Options).Read<ApplicationResponse>();

        Assert.Equal((ApplicationStatus.Completed, "Toured line 3, agreed a trial order", "host.marketing"), (completed.Status, completed.Outcome!.Outcome, completed.Outcome.By));
        var proposal = await Host.Published<CustomerGradeProposed>(e => e.SourceId == approved.Id.ToString());
        Assert.Equal((approved.CustomerId, CustomerGrade.B, "hospitality", "Trial order agreed", "host.marketing"),
            (proposal.CustomerId, proposal.ProposedGrade, proposal.Source, proposal.Reason, proposal.ProposedBy));
        var done = await Host.Published<HospitalityCompleted>(e => e.ApplicationId == approved.Id);
        Assert.Equal(("Impressed by the kiln", CustomerGrade.B), (done.Impressions, done.ProposedGrade));
        await As(host).PostAsJsonAsync($"/api/hospitality/applications/{approved.Id}/outcome", body, TestJson.Options).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task a_revoked_permit_is_refused_at_the_gate_with_the_reason()
    {
        var approved = await Approved();
        At(TuesdayTen.AddMinutes(-10));

        await As(TestUser.RepEast).PostAsJsonAsync($"/api/hospitality/applications/{approved.Id}/revoke", new { reason = "Visit moved" }, TestJson.Options)
            .Expect(HttpStatusCode.Forbidden);
        await As(TestUser.ManagerEast).PostAsJsonAsync($"/api/hospitality/applications/{approved.Id}/revoke", new { reason = "Plant inspection today" }, TestJson.Options)
            .Expect(HttpStatusCode.OK);

        var check = await As(FrontDesk).GetFromJsonAsync<PermitCheckResponse>($"/api/hospitality/gate/{approved.PermitNumber}", TestJson.Options);
        Assert.False(check!.Valid);
        Assert.Contains("revoked: Plant inspection today", check.Refusal);
        var refused = await Pass(FrontDesk, approved.PermitNumber!, "王总").ReadProblem(HttpStatusCode.Conflict);
        Assert.Contains("Plant inspection today", refused.Detail);
    }

    [Fact]
    public async Task the_front_desk_sees_todays_and_tomorrows_visits_with_their_reception_and_nothing_else()
    {
        var tomorrow = await Approved(CustomerTier.Key, CustomerGrade.A);
        var unknown = Guid.NewGuid();

        var sheet = await As(FrontDesk).GetFromJsonAsync<ReceptionSheet>("/api/hospitality/front-desk/day", TestJson.Options);
        Assert.Equal(new DateOnly(2026, 3, 2), sheet!.Today);
        Assert.Empty(sheet.TodaysVisits);
        var entry = Assert.Single(sheet.TomorrowsVisits);
        Assert.Equal((tomorrow.Id, Roles.Chairman, "host.marketing", 0), (entry.ApplicationId, entry.Reception!.AccompaniedBy, entry.HostId, entry.Inside));

        At(TuesdayTen.AddMinutes(-5));
        var day = await As(FrontDesk).GetFromJsonAsync<ReceptionSheet>("/api/hospitality/front-desk/day", TestJson.Options);
        Assert.Equal([tomorrow.Id], day!.TodaysVisits.Select(v => v.ApplicationId));

        var listed = await As(FrontDesk).GetFromJsonAsync<PagedResult<ApplicationSummary>>("/api/hospitality/applications", TestJson.Options);
        Assert.Empty(listed!.Items);
        await As(FrontDesk).GetAsync($"/api/hospitality/applications/{tomorrow.Id}").Expect(HttpStatusCode.NotFound);
        await As(TestUser.RepEast).GetAsync("/api/hospitality/front-desk/day").Expect(HttpStatusCode.Forbidden);
        await As(TestUser.RepEast).GetAsync($"/api/hospitality/gate/{tomorrow.PermitNumber}").Expect(HttpStatusCode.Forbidden);
        await As(FrontDesk).GetAsync($"/api/hospitality/gate/PM-2026-{unknown.ToString("N")[..6]}").Expect(HttpStatusCode.NotFound);
    }
}
