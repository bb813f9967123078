using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Hospitality.Domain;
using Crm.Hospitality.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Hospitality.Tests;

public sealed class ApprovalChainTests : HospitalityTestContext
{
    private static readonly DateTimeOffset TomorrowTen = MondayNine.AddHours(25);

    [Fact]
    public async Task an_ordinary_customer_is_reviewed_by_the_branch_manager_and_approved_by_the_regional_director()
    {
        var customer = await Customer();
        var applied = await Apply(customer, Visit(MondayNine.AddHours(2)));

        Assert.Equal(("Ordinary customer (一般客户)", 1, NoticeBy.Phone, Roles.BranchManager, ApplicationStatus.Submitted, false),
            (applied.Rule, applied.NoticeHours, applied.NoticeBy, applied.WaitingFor, applied.Status, applied.Urgent));
        Assert.Equal([applied.Id], await Inbox(TestUser.ManagerEast));
        Assert.Empty(await Inbox(DirectorEast));

        await Decide(TestUser.ManagerEast, applied.Id, Decision.Approve, "Fine").Expect(HttpStatusCode.OK);
        Assert.Equal([applied.Id], await Inbox(DirectorEast));
        var approved = await Decide(DirectorEast, applied.Id, Decision.Approve).Read<ApplicationResponse>();

        Assert.Equal((ApplicationStatus.Approved, (string?)null), (approved.Status, approved.WaitingFor));
        Assert.Equal([(Roles.BranchManager, StepAction.Review, Decision.Approve, "manager.east"), (Roles.RegionalDirector, StepAction.Approve, Decision.Approve, "director.east")],
            approved.Decisions.Select(d => (d.Role, d.Action, d.Decision, d.By)));
        var published = await Host.Published<HospitalityApproved>(e => e.ApplicationId == applied.Id);
        Assert.Equal(("director.east", MondayNine.AddHours(2)), (published.ApprovedBy, published.VisitStart));
        await Host.Published<HospitalityNotification>(n => n.ApplicationId == applied.Id && n.ToRole == "FrontDesk");
        Assert.Equal([Roles.BranchManager, Roles.RegionalDirector, "FrontDesk"],
            Host.PublishedSoFar<HospitalityNotification>().Where(n => n.ApplicationId == applied.Id).Select(n => n.ToRole));
        await Host.Published<HospitalityRequested>(e => e.ApplicationId == applied.Id && e.AppliedBy == "rep.east");
    }

    [Theory]
    [InlineData(CustomerTier.Key, CustomerKind.Dealer)]
    [InlineData(CustomerTier.Ordinary, CustomerKind.Group)]
    public async Task key_and_group_customers_are_reviewed_by_the_regional_director_and_approved_by_the_marketing_gm(CustomerTier tier, CustomerKind kind)
    {
        var customer = await Customer(tier, kind);
        var applied = await Apply(customer, Visit(TomorrowTen));

        Assert.Equal(("Key or group customer (重点、集团客户)", 24, NoticeBy.Form, Roles.RegionalDirector), (applied.Rule, applied.NoticeHours, applied.NoticeBy, applied.WaitingFor));
        await Decide(TestUser.ManagerEast, applied.Id, Decision.Approve).Expect(HttpStatusCode.Forbidden);
        await Decide(DirectorEast, applied.Id, Decision.Approve).Expect(HttpStatusCode.OK);
        var approved = await Decide(TestUser.MarketingGM, applied.Id, Decision.Approve).Read<ApplicationResponse>();

        Assert.Equal(ApplicationStatus.Approved, approved.Status);
        Assert.Equal([Roles.RegionalDirector, Roles.MarketingGM], approved.Decisions.Select(d => d.Role));
    }

    [Fact]
    public async Task a_scheduled_visit_is_prepared_by_the_marketing_gm_with_its_programme_and_approved_by_the_chairman()
    {
        var customer = await Customer();
        var applied = await Apply(customer, Visit(TomorrowTen, kind: "Scheduled"), TestUser.MarketingGM);

        Assert.Equal((Roles.MarketingGM, "Scheduled visit (定时参观)"), (applied.WaitingFor, applied.Rule));
        await Decide(TestUser.MarketingGM, applied.Id, Decision.Approve).Expect(HttpStatusCode.Conflict);
        await Decide(TestUser.MarketingGM, applied.Id, Decision.Approve, programme: "Showroom, line 3, lunch; route via gate B").Expect(HttpStatusCode.OK);
        var approved = await Decide(Chairman, applied.Id, Decision.Approve).Read<ApplicationResponse>();

        Assert.Equal((ApplicationStatus.Approved, "Showroom, line 3, lunch; route via gate B"), (approved.Status, approved.Programme));
        Assert.Equal([(Roles.MarketingGM, StepAction.Prepare), (Roles.Chairman, StepAction.Approve)], approved.Decisions.Select(d => (d.Role, d.Action)));
    }

    [Fact]
    public async Task too_little_notice_is_refused_naming_the_rule_unless_urgent_which_is_flagged_until_the_paperwork_is_in()
    {
        var customer = await Customer(CustomerTier.Key);

        var refused = await ApplyRaw(TestUser.RepEast, customer, Visit(MondayNine.AddHours(23))).ReadValidationProblem("visit.start");
        Assert.Contains("24 h notice", refused["visit.start"][0]);
        var urgent = await Apply(customer, Visit(MondayNine.AddHours(23), urgent: true));

        Assert.Equal((true, true), (urgent.Urgent, urgent.PaperworkPending));
        var requested = await Host.Published<HospitalityRequested>(e => e.ApplicationId == urgent.Id);
        Assert.True(requested.Urgent);
        Assert.Equal("phone", (await Host.Published<HospitalityNotification>(n => n.ApplicationId == urgent.Id)).Channel);
        var done = await As(TestUser.RepEast).PostAsJsonAsync($"/api/hospitality/applications/{urgent.Id}/paperwork", new { }).Read<ApplicationResponse>();
        Assert.False(done.PaperworkPending);
        await As(TestUser.RepEast).PostAsJsonAsync($"/api/hospitality/applications/{urgent.Id}/paperwork", new { }).Expect(HttpStatusCode.Conflict);
    }

    [Theory]
    // The clock is Monday 09:00 in Shanghai (01:00 UTC); a key customer needs 24 hours.
    [InlineData("2026-03-03T09:00:00+08:00", true)]
    [InlineData("2026-03-03T01:00:00Z", true)]
    [InlineData("2026-03-02T20:00:00-05:00", true)]
    [InlineData("2026-03-03T08:59:00+08:00", false)]
    [InlineData("2026-03-03T00:59:00Z", false)]
    [InlineData("2026-03-02T19:59:00-05:00", false)]
    public async Task notice_counts_in_absolute_time_whatever_the_offset_the_start_is_given_in(string start, bool accepted)
    {
        var customer = await Customer(CustomerTier.Key);

        var response = await ApplyRaw(TestUser.RepEast, customer, Visit(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(accepted ? HttpStatusCode.Created : HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task a_returned_application_goes_back_to_the_rep_who_corrects_and_resubmits_it_and_its_chain_starts_over()
    {
        var customer = await Customer();
        var applied = await Apply(customer, Visit(TomorrowTen));
        await Decide(TestUser.ManagerEast, applied.Id, Decision.Return).ReadValidationProblem("comment");
        var returned = await Decide(TestUser.ManagerEast, applied.Id, Decision.Return, "Name the second visitor's company").Read<ApplicationResponse>();
        Assert.Equal((ApplicationStatus.Returned, (string?)null), (returned.Status, returned.WaitingFor));
        var told = await Host.Published<HospitalityNotification>(n => n.ApplicationId == applied.Id && n.ToUser == "rep.east");
        Assert.Contains("Name the second visitor's company", told.Message);
        await Decide(DirectorEast, applied.Id, Decision.Approve).Expect(HttpStatusCode.Forbidden);

        var resubmitted = await As(TestUser.RepEast).PostAsJsonAsync($"/api/hospitality/applications/{applied.Id}/resubmit", Visit(TomorrowTen.AddHours(4)), TestJson.Options)
            .Read<ApplicationResponse>();

        Assert.Equal((ApplicationStatus.Submitted, Roles.BranchManager, TomorrowTen.AddHours(4)), (resubmitted.Status, resubmitted.WaitingFor, resubmitted.Visit.Start));
        await Host.Published<HospitalityRequested>(e => e.ApplicationId == applied.Id && e.Version == resubmitted.Version);
        Assert.Equal(2, Host.PublishedSoFar<HospitalityRequested>().Count(e => e.ApplicationId == applied.Id));
    }

    [Fact]
    public async Task a_rejected_application_takes_no_further_decision()
    {
        var customer = await Customer();
        var applied = await Apply(customer, Visit(TomorrowTen));

        var rejected = await Decide(TestUser.ManagerEast, applied.Id, Decision.Reject, "Plant closed for maintenance that week").Read<ApplicationResponse>();

        Assert.Equal(ApplicationStatus.Rejected, rejected.Status);
        Assert.Equal("Plant closed for maintenance that week", (await Host.Published<HospitalityRejected>(e => e.ApplicationId == applied.Id)).Reason);
        await Decide(TestUser.ManagerEast, applied.Id, Decision.Approve).Expect(HttpStatusCode.Forbidden);
        await As(TestUser.RepEast).PostAsJsonAsync($"/api/hospitality/applications/{applied.Id}/resubmit", Visit(TomorrowTen), TestJson.Options).Expect(HttpStatusCode.Conflict);
    }

    private async Task<Guid[]> Inbox(TestUser user) =>
        (await As(user).GetFromJsonAsync<PagedResult<ApplicationSummary>>("/api/hospitality/inbox", TestJson.Options))!.Items.Select(i => i.Id).ToArray();
}
