using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.Hospitality.Data;
using Crm.Hospitality.Domain;
using Crm.Hospitality.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;

namespace Crm.Hospitality.Tests;

public sealed class ApplicationAccessTests : HospitalityTestContext
{
    private static readonly DateTimeOffset TomorrowTen = MondayNine.AddHours(25);

    [Fact]
    public async Task a_rep_applies_for_their_own_customers_only_and_bad_input_names_each_field_and_stores_nothing()
    {
        var mine = await Customer();
        var others = await Customer(owner: "rep.east2");

        await ApplyRaw(TestUser.RepEast, others, Visit(TomorrowTen)).ReadValidationProblem("customerId");
        await ApplyRaw(TestUser.QualityHandler, mine, Visit(TomorrowTen)).ReadValidationProblem("customerId");
        await ApplyRaw(TestUser.RepEast, mine, new
        {
            visitors = new object?[] { null, new { position = "采购" } }, start = MondayNine.AddHours(-1), end = MondayNine.AddHours(-2), purpose = "", hostId = "",
        }).ReadValidationProblem("visit.visitors[0]", "visit.visitors[1].name", "visit.start", "visit.end", "visit.purpose", "visit.hostId");

        Assert.Equal(0, await Host.Scoped<HospitalityDbContext, int>(db => db.Applications.CountAsync()));
        var byManager = await Apply(mine, Visit(TomorrowTen), TestUser.ManagerEast);
        Assert.Equal(("manager.east", "rep.east"), (byManager.AppliedBy, byManager.OwnerId));
    }

    [Fact]
    public async Task each_role_sees_the_applications_of_its_scope_and_decides_only_its_own_step()
    {
        var east = await Apply(await Customer(), Visit(TomorrowTen));
        var north = await Apply(await Customer(owner: "rep.north", region: "NORTH"), Visit(TomorrowTen), TestUser.RepNorth);

        Assert.Equal([east.Id], await Seen(TestUser.RepEast));
        Assert.Empty(await Seen(TestUser.RepEast2));
        Assert.Equal([north.Id], await Seen(TestUser.DirectorNorth));
        Assert.Equal(new[] { east.Id, north.Id }.Order(), (await Seen(TestUser.MarketingGM)).Order());
        await As(TestUser.DirectorNorth).GetAsync($"/api/hospitality/applications/{east.Id}").Expect(HttpStatusCode.NotFound);
        await Decide(TestUser.DirectorNorth, east.Id, Decision.Approve).Expect(HttpStatusCode.NotFound);
        var rep = await Decide(TestUser.RepEast, east.Id, Decision.Approve).ReadProblem(HttpStatusCode.Forbidden);
        Assert.Contains("another role", rep.Detail);
        await Decide(TestUser.MarketingGM, east.Id, Decision.Approve).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task the_crm_supervisor_replaces_the_rules_and_new_applications_follow_them()
    {
        var rules = await As(TestUser.RepEast).GetFromJsonAsync<ApprovalRulesResponse>("/api/hospitality/approval-rules", TestJson.Options);
        Assert.Equal((3, 0L), (rules!.Rules.Count, rules.Version));
        var twoHours = new
        {
            rules = new object[]
            {
                new { name = "Everyone", steps = new[] { new { role = "BranchManager", action = "Approve" } }, noticeHours = 2, noticeBy = "Phone" },
            },
        };

        await As(TestUser.ManagerEast).PutAsJsonAsync("/api/hospitality/approval-rules", twoHours, TestJson.Options).Expect(HttpStatusCode.Forbidden);
        await As(TestUser.Supervisor).PutAsJsonAsync("/api/hospitality/approval-rules", twoHours, TestJson.Options).Expect(HttpStatusCode.OK);

        var customer = await Customer(CustomerTier.Key);
        await ApplyRaw(TestUser.RepEast, customer, Visit(MondayNine.AddMinutes(90))).ReadValidationProblem("visit.start");
        var applied = await Apply(customer, Visit(MondayNine.AddHours(3)));
        Assert.Equal(("Everyone", "BranchManager"), (applied.Rule, applied.WaitingFor));
        var approved = await Decide(TestUser.ManagerEast, applied.Id, Decision.Approve).Read<ApplicationResponse>();
        Assert.Equal(ApplicationStatus.Approved, approved.Status);
    }

    [Fact]
    public async Task rules_must_end_with_one_for_every_application_and_name_real_approvers()
    {
        var body = new
        {
            rules = new object[]
            {
                new { name = "Key only", tiers = new[] { "Key" }, steps = new[] { new { role = "SalesRep", action = "Approve" } }, noticeHours = 24, noticeBy = "Form" },
            },
        };

        await As(TestUser.Supervisor).PutAsJsonAsync("/api/hospitality/approval-rules", body, TestJson.Options).ReadValidationProblem("rules[0].steps[0].role");
        var fixedRole = new
        {
            rules = new object[]
            {
                new { name = "Key only", tiers = new[] { "Key" }, steps = new[] { new { role = "MarketingGM", action = "Approve" } }, noticeHours = 24, noticeBy = "Form" },
            },
        };
        await As(TestUser.Supervisor).PutAsJsonAsync("/api/hospitality/approval-rules", fixedRole, TestJson.Options).ReadValidationProblem("rules[0]");
        var stored = await As(TestUser.Supervisor).GetFromJsonAsync<ApprovalRulesResponse>("/api/hospitality/approval-rules", TestJson.Options);
        Assert.Equal(0L, stored!.Version);
    }

    [Fact]
    public async Task every_write_endpoint_answers_hostile_bodies_with_400_and_stores_nothing()
    {
        var customer = await Customer();
        var applied = await Apply(customer, Visit(TomorrowTen));
        var url = $"/api/hospitality/applications/{applied.Id}";

        await HostileInput.RefusedAndNothingStored(Host.Client(TestUser.Supervisor), "hospitality",
            new Dictionary<string, (string, object)>
            {
                ["ApplyForVisit"] = ("/api/hospitality/applications", new { customerId = customer, visit = Visit(TomorrowTen, photographs: true) }),
                ["DecideApplication"] = ($"{url}/decide", new { decision = "Return", comment = "Name the company", programme = "Line 3" }),
                ["ResubmitApplication"] = ($"{url}/resubmit", Visit(TomorrowTen.AddHours(1), urgent: true)),
                ["RevokePermit"] = ($"{url}/revoke", new { reason = "Visit moved" }),
                ["DecidePhotography"] = ($"{url}/photography", new { allow = true, comment = "Showroom only" }),
                ["KeepPhotographs"] = ($"{url}/photographs", new { count = 12, note = "Archive" }),
                ["RecordVisitOutcome"] = ($"{url}/outcome", new { outcome = "Agreed a trial order", impressions = "Liked the kiln", proposedGrade = "B", gradeReason = "Trial order" }),
                ["CheckInVisitor"] = ("/api/hospitality/gate/PM-2026-000999/check-in", new { visitor = "王总" }),
                ["CheckOutVisitor"] = ("/api/hospitality/gate/PM-2026-000999/check-out", new { visitor = "王总" }),
                ["PutReceptionStandards"] = ("/api/hospitality/reception-standards", new
                {
                    standards = new object[]
                    {
                        new { name = "Key A", tiers = new[] { "Key" }, grades = new[] { "A" }, room = "VIP room", refreshments = "Coffee", accompaniedBy = "Chairman" },
                        new { name = "Everyone", room = "Reception room", refreshments = "Tea", accompaniedBy = "RegionalDirector" },
                    },
                }),
                ["PutApprovalRules"] = ("/api/hospitality/approval-rules", new
                {
                    rules = new object[]
                    {
                        new
                        {
                            name = "Key", scheduled = false, tiers = new[] { "Key" }, kinds = new[] { "Group" },
                            steps = new[] { new { role = "RegionalDirector", action = "Review" }, new { role = "MarketingGM", action = "Approve" } },
                            noticeHours = 24, noticeBy = "Form",
                        },
                        new { name = "Everyone", steps = new[] { new { role = "BranchManager", action = "Approve" } }, noticeHours = 1, noticeBy = "Phone" },
                    },
                }),
            },
            () => Host.Scoped<HospitalityDbContext, string>(HostileInput.Fingerprint));
    }

    private async Task<Guid[]> Seen(TestUser user) =>
        (await As(user).GetFromJsonAsync<PagedResult<ApplicationSummary>>("/api/hospitality/applications", TestJson.Options))!.Items.Select(i => i.Id).ToArray();
}
