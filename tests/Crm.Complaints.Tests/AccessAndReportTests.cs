using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Complaints.Domain;
using Crm.Complaints.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Complaints.Tests;

public sealed class AccessAndReportTests : ComplaintsTestContext
{
    private static readonly TestUser LogisticsHandler = new("handler.logistics", "DepartmentHandler", ["EAST", "NORTH"], "Logistics");

    private async Task<PagedResult<ComplaintResponse>> List(TestUser user, string query = "") =>
        await As(user).GetAsync($"/api/complaints{query}").Read<PagedResult<ComplaintResponse>>();

    [Fact]
    public async Task Handlers_see_their_department_queue_reps_their_customers_and_the_supervisor_all()
    {
        var east = await Customer("EAST", "rep.east");
        var east2 = await Customer("EAST", "rep.east2");
        var north = await Customer("NORTH", "rep.north");
        var quality = await File(east, ComplaintType.ProductQuality);
        var delivery = await File(east2, ComplaintType.Delivery, by: TestUser.RepEast2);
        var northQuality = await File(north, ComplaintType.ProductQuality, by: TestUser.RepNorth);

        Assert.Equal([quality.Id, northQuality.Id], (await List(TestUser.QualityHandler)).Items.Select(c => c.Id));
        Assert.Equal([delivery.Id], (await List(LogisticsHandler)).Items.Select(c => c.Id));
        Assert.Equal([quality.Id], (await List(TestUser.RepEast)).Items.Select(c => c.Id));
        Assert.Equal([quality.Id, delivery.Id], (await List(TestUser.ManagerEast)).Items.Select(c => c.Id));
        Assert.Equal(3, (await List(TestUser.Supervisor)).TotalCount);
        Assert.Equal(HttpStatusCode.NotFound, (await As(LogisticsHandler).GetAsync($"/api/complaints/{quality.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await As(TestUser.RepEast).GetAsync($"/api/complaints/{delivery.Id}/timeline")).StatusCode);
    }

    [Fact]
    public async Task A_department_claim_widens_only_a_department_handlers_view()
    {
        var own = await File(await Customer("EAST", "rep.east"), ComplaintType.ProductQuality);
        await File(await Customer("EAST", "rep.east2"), ComplaintType.ProductQuality, by: TestUser.RepEast2);
        var repWithDepartment = TestUser.RepEast with { Department = "Quality" };

        var seen = await List(repWithDepartment);

        Assert.Equal([own.Id], seen.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task Only_the_handlers_of_the_department_or_the_supervisor_work_a_complaint()
    {
        var complaint = await File(await Customer());

        var refusal = await Post(TestUser.RepEast, complaint.Id, "start").ReadProblem(HttpStatusCode.Forbidden);
        Assert.Equal("Only department handlers, the CRM supervisor and admins may do this.", refusal.Detail);
        await Post(TestUser.ManagerEast, complaint.Id, "start").ReadProblem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.NotFound, (await Post(LogisticsHandler, complaint.Id, "start")).StatusCode);
        await Post(TestUser.QualityHandler, complaint.Id, "start").Read<ComplaintResponse>();
    }

    [Fact]
    public async Task A_handler_who_also_manages_a_region_sees_its_complaints_but_works_only_their_departments()
    {
        var complaint = await File(await Customer());
        var handlerAndManager = Host.Client(null);
        handlerAndManager.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token("logistics.manager",
            new(PlatformClaims.Role, Roles.DepartmentHandler), new(PlatformClaims.Role, Roles.BranchManager),
            new(PlatformClaims.Region, "EAST"), new(PlatformClaims.Department, "Logistics")));

        await handlerAndManager.GetAsync($"/api/complaints/{complaint.Id}").Read<ComplaintResponse>();
        var refusal = await handlerAndManager.PostAsJsonAsync($"/api/complaints/{complaint.Id}/start", new { }).ReadProblem(HttpStatusCode.Forbidden);

        Assert.Equal("Only the handlers of the Quality department in EAST, the CRM supervisor and admins may work this complaint.", refusal.Detail);
        Assert.Equal(ComplaintStatus.Routed, (await Get(TestUser.Supervisor, complaint.Id)).Status);
    }

    [Fact]
    public async Task A_sales_rep_is_refused_every_supervisor_change_with_the_rule_and_nothing_changes()
    {
        var complaint = await File(await Customer());
        const string rule = "Only the CRM supervisor and admins may do this.";

        var department = await As(TestUser.RepEast).PutAsJsonAsync("/api/complaints/departments/Legal", new { name = "Legal" }, TestJson.Options).ReadProblem(HttpStatusCode.Forbidden);
        var ruleSet = await As(TestUser.RepEast).PostAsJsonAsync("/api/complaints/routing/rule-sets", new { defaultDepartment = "Sales" }, TestJson.Options).ReadProblem(HttpStatusCode.Forbidden);
        var reroute = await Post(TestUser.RepEast, complaint.Id, "reroute").ReadProblem(HttpStatusCode.Forbidden);

        Assert.All(new[] { department, ruleSet, reroute }, p => Assert.Equal((rule, "Forbidden"), (p.Detail, p.Title)));
        var departments = await As(TestUser.Supervisor).GetAsync("/api/complaints/departments").Read<List<DepartmentResponse>>();
        Assert.DoesNotContain(departments, d => d.Code == "Legal");
        var versions = await As(TestUser.Supervisor).GetAsync("/api/complaints/routing/rule-sets").Read<List<ManageRouting.RuleSetSummary>>();
        Assert.Equal([1], versions.Select(v => v.Version));
    }

    [Fact]
    public async Task A_token_without_a_platform_role_is_refused_even_the_lists_and_no_token_is_unauthorized()
    {
        await File(await Customer());
        var visitor = new TestUser("visitor", "Visitor", ["EAST"]);

        foreach (var path in new[] { "/api/complaints", "/api/complaints/departments", "/api/complaints/reports/open" })
        {
            var refusal = await As(visitor).GetAsync(path).ReadProblem(HttpStatusCode.Forbidden);
            Assert.Equal("Only staff of the platform (a user with one of its roles) may do this.", refusal.Detail);
            Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Client(null).GetAsync(path)).StatusCode);
        }

        await FileRaw(visitor, new { customerId = await Customer(), channel = "Hotline", type = "Delivery", severity = "Low", description = "Late", contactPerson = "王经理" })
            .ReadProblem(HttpStatusCode.Forbidden);
        Assert.Equal(1, (await List(TestUser.Supervisor)).TotalCount);
    }

    /// <summary>A token with several roles, as the token service issues for a user who holds more than one.</summary>
    private string Token(string id, params Claim[] claims) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = AuthenticationSetup.DefaultIssuer,
        Audience = AuthenticationSetup.DefaultAudience,
        Subject = new ClaimsIdentity([new(PlatformClaims.Subject, id), new(PlatformClaims.Name, id), .. claims]),
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = Host.Keys.Credentials,
    });

    [Fact]
    public async Task Configuration_is_readable_by_all_and_changed_only_by_the_supervisor()
    {
        var departments = await As(TestUser.RepEast).GetAsync("/api/complaints/departments").Read<List<DepartmentResponse>>();
        Assert.Equal(["CustomerRelations", "Finance", "Logistics", "Quality", "Sales", "Service"], departments.Select(d => d.Code));

        var refusal = await As(TestUser.QualityHandler).PutAsJsonAsync("/api/complaints/departments/Quality", new { name = "Quality", headUserId = "me" }, TestJson.Options).ReadProblem(HttpStatusCode.Forbidden);
        Assert.Equal("Only the CRM supervisor and admins may do this.", refusal.Detail);
        var changed = await As(TestUser.Supervisor).PutAsJsonAsync("/api/complaints/departments/Quality", new { name = "Quality department", headUserId = "zhou.head" }, TestJson.Options).Read<DepartmentResponse>();
        Assert.Equal("zhou.head", changed.HeadUserId);

        var policies = await As(TestUser.RepEast).GetAsync("/api/complaints/sla-policies").Read<SlaPoliciesResponse>();
        Assert.Equal(8, policies.Targets.Count);
        await As(TestUser.MarketingGM).PutAsJsonAsync("/api/complaints/sla-policies", new { atRiskShare = 0.5, overdueShare = 0.5, targets = policies.Targets }, TestJson.Options).ReadProblem(HttpStatusCode.Forbidden);
        await As(TestUser.Supervisor).PutAsJsonAsync("/api/complaints/sla-policies", new { atRiskShare = 1.5, overdueShare = 0.5, targets = policies.Targets.Take(7) }, TestJson.Options)
            .ReadValidationProblem("atRiskShare", "targets");

        var calendars = await As(TestUser.RepEast).GetAsync("/api/complaints/calendars").Read<List<CalendarResponse>>();
        var china = Assert.Single(calendars);
        Assert.Equal("Asia/Shanghai", china.TimeZoneId);
        Assert.Contains(china.Exceptions, e => e.Date == new DateOnly(2026, 10, 1) && !e.IsWorkingDay);
        Assert.Contains(china.Exceptions, e => e.Date == new DateOnly(2026, 10, 10) && e.IsWorkingDay);
        await As(TestUser.QualityHandler).PutAsJsonAsync("/api/complaints/calendars/CN", china, TestJson.Options).ReadProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_change_to_the_SLA_policies_based_on_a_stale_copy_gets_409_and_changes_nothing()
    {
        var read = await As(TestUser.Supervisor).GetAsync("/api/complaints/sla-policies");
        var staleTag = read.Headers.ETag!.Tag;
        var policies = await read.Read<SlaPoliciesResponse>();
        var halved = policies.Targets.Select(t => new { t.Severity, t.Tier, firstResponseHours = t.FirstResponseHours / 2, resolutionHours = t.ResolutionHours / 2 }).ToList();

        var first = new HttpRequestMessage(HttpMethod.Put, "/api/complaints/sla-policies") { Content = JsonContent.Create(new { atRiskShare = 0.8, overdueShare = 1.0, targets = halved }, options: TestJson.Options) };
        first.Headers.IfMatch.Add(new(staleTag));
        await As(TestUser.Supervisor).SendAsync(first).Read<SlaPoliciesResponse>();

        var second = new HttpRequestMessage(HttpMethod.Put, "/api/complaints/sla-policies") { Content = JsonContent.Create(new { atRiskShare = 0.6, overdueShare = 0.5, targets = policies.Targets }, options: TestJson.Options) };
        second.Headers.IfMatch.Add(new(staleTag));
        await As(TestUser.Supervisor).SendAsync(second).ReadProblem(HttpStatusCode.Conflict);

        var now = await As(TestUser.Supervisor).GetAsync("/api/complaints/sla-policies").Read<SlaPoliciesResponse>();
        Assert.Equal(0.8, now.AtRiskShare);
        Assert.Equal(policies.Targets[0].FirstResponseHours / 2, now.Targets[0].FirstResponseHours);
    }

    [Fact]
    public async Task New_targets_and_a_new_calendar_apply_to_complaints_filed_afterwards()
    {
        var policies = await As(TestUser.Supervisor).GetAsync("/api/complaints/sla-policies").Read<SlaPoliciesResponse>();
        var targets = policies.Targets.Select(t => new { t.Severity, t.Tier, firstResponseHours = t.FirstResponseHours / 2, resolutionHours = t.ResolutionHours / 2 });
        await As(TestUser.Supervisor).PutAsJsonAsync("/api/complaints/sla-policies", new { atRiskShare = 0.8, overdueShare = 1.0, targets }, TestJson.Options).Read<SlaPoliciesResponse>();
        // The EAST region gets its own calendar: every day, 08:00 to 20:00, Beijing time.
        await As(TestUser.Supervisor).PutAsJsonAsync("/api/complaints/calendars/EAST7", new
        {
            name = "East hotline, seven days", timeZoneId = "Asia/Shanghai", regions = new[] { "EAST" },
            workingDays = Enum.GetNames<DayOfWeek>(), workingPeriods = new[] { new { start = "08:00", end = "20:00" } },
        }, TestJson.Options).Read<CalendarResponse>();

        var complaint = await File(await Customer("EAST"));

        Assert.Equal(4, complaint.Sla.FirstResponseTargetHours);
        Assert.Equal(20, complaint.Sla.ResolutionTargetHours);
        Assert.Equal("EAST7", complaint.Sla.Calendar);
        Assert.Equal(MondayNine.AddHours(4), complaint.Sla.FirstResponseDueAt);
        Assert.Equal(MondayNine.AddDays(1).AddHours(8), complaint.Sla.ResolutionDueAt); // 11 h Monday, then 9 h from Tuesday 08:00
    }

    [Fact]
    public async Task Reports_count_open_complaints_compliance_resolution_times_and_repeat_customers()
    {
        var repeat = await Customer();
        var once = await Customer();
        var fast = await File(repeat, ComplaintType.ProductQuality);
        var slow = await File(repeat, ComplaintType.ProductQuality);
        await File(repeat, ComplaintType.Delivery);
        await File(once, ComplaintType.Billing);

        foreach (var id in new[] { fast.Id, slow.Id })
        {
            await Post(TestUser.QualityHandler, id, "start").Read<ComplaintResponse>();
        }

        Advance(TimeSpan.FromHours(2));
        await Post(TestUser.QualityHandler, fast.Id, "resolve", new { rootCause = "Glaze", fix = "Replaced" }).Read<ComplaintResponse>();
        Advance(TimeSpan.FromDays(7)); // past the 40-hour target
        await Post(TestUser.QualityHandler, slow.Id, "resolve", new { rootCause = "Glaze", fix = "Replaced" }).Read<ComplaintResponse>();

        var open = await As(TestUser.Supervisor).GetAsync("/api/complaints/reports/open").Read<List<OpenComplaintsRow>>();
        Assert.Equal([("Finance", ComplaintStatus.Routed, 1), ("Logistics", ComplaintStatus.Routed, 1)], open.Select(r => (r.Department!, r.Status, r.Count)));

        var compliance = await As(TestUser.Supervisor).GetAsync("/api/complaints/reports/sla-compliance").Read<List<SlaComplianceRow>>();
        var quality = Assert.Single(compliance, r => r.Department == "Quality");
        Assert.Equal((2, 1, 50.0), (quality.Resolved, quality.ResolvedWithinSla, quality.CompliancePercent!.Value));
        Assert.Equal(1, Assert.Single(compliance, r => r.Department == "Logistics").OpenBreached);

        var times = await As(TestUser.Supervisor).GetAsync("/api/complaints/reports/resolution-times").Read<List<ResolutionTimeRow>>();
        var qualityTimes = Assert.Single(times, r => r.Department == "Quality");
        Assert.Equal(2, qualityTimes.Resolved);
        Assert.Equal((2 + 170) / 2.0, qualityTimes.MeanHours);
        Assert.Equal(170, qualityTimes.P90Hours);
        Assert.Equal(2, times.Count);

        var repeats = await As(TestUser.Supervisor).GetAsync("/api/complaints/reports/repeat-complaints").Read<List<RepeatComplaintsRow>>();
        var row = Assert.Single(repeats);
        Assert.Equal((repeat, 3), (row.CustomerId, row.Complaints));
    }

    [Fact]
    public async Task Percentiles_are_nearest_rank()
    {
        Assert.Equal(9, ComplaintReports.Percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9));
        Assert.Equal(5, ComplaintReports.Percentile([5], 0.9));
        await Task.CompletedTask;
    }
}
