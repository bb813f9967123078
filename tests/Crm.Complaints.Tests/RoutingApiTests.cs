using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.Complaints.Domain;
using Crm.Complaints.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Complaints.Tests;

public sealed class RoutingApiTests : ComplaintsTestContext
{
    private static object KeyAccountsFirst(string? defaultDepartment = "CustomerRelations") => new
    {
        defaultDepartment,
        note = "Critical complaints of key customers go to the key-account desk first",
        rules = new object[]
        {
            new { name = "Critical key customers", severities = new[] { "Critical" }, tiers = new[] { "Key" }, department = "CustomerRelations", queue = "key-accounts" },
            new { name = "Quality", types = new[] { "ProductQuality" }, department = "Quality" },
            new { name = "North delivery by phone", types = new[] { "Delivery" }, regions = new[] { "NORTH" }, channels = new[] { "Phone" }, department = "Logistics", assigneeId = "handler.logistics" },
        },
    };

    private Task<HttpResponseMessage> Publish(TestUser user, object body, long? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/complaints/routing/rule-sets") { Content = JsonContent.Create(body, options: TestJson.Options) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{ifMatch}\"");
        }

        return As(user).SendAsync(request);
    }

    [Fact]
    public async Task The_supervisor_publishes_a_new_version_and_new_complaints_follow_it_while_routed_ones_keep_theirs()
    {
        var key = await Customer(tier: CustomerTier.Key);
        var before = await File(key, severity: ComplaintSeverity.Critical);
        Assert.Equal("Quality", before.Department);

        var published = await Publish(TestUser.Supervisor, KeyAccountsFirst(), ifMatch: 1).Read<RuleSetResponse>(HttpStatusCode.Created);
        Assert.Equal(2, published.Version);

        var after = await File(key, severity: ComplaintSeverity.Critical);
        Assert.Equal("CustomerRelations", after.Department);
        Assert.Equal("key-accounts", after.Queue);
        Assert.Equal(2, after.RuleSetVersion);
        Assert.Equal(published.Rules[0].Id, after.RuleId);

        var unchanged = await Get(TestUser.Supervisor, before.Id);
        Assert.Equal("Quality", unchanged.Department);
        Assert.Equal(1, unchanged.RuleSetVersion);
        Assert.Equal(before.RuleId, unchanged.RuleId);

        // Version 1 is still there as published.
        var v1 = await As(TestUser.Supervisor).GetAsync("/api/complaints/routing/rule-sets/1").Read<RuleSetResponse>();
        Assert.Equal(6, v1.Rules.Count);
        var versions = await As(TestUser.RepEast).GetAsync("/api/complaints/routing/rule-sets").Read<List<ManageRouting.RuleSetSummary>>();
        Assert.Equal([2, 1], versions.Select(v => v.Version));
    }

    [Fact]
    public async Task Rerouting_happens_only_on_request_and_records_the_new_rule_and_version()
    {
        var complaint = await File(await Customer(tier: CustomerTier.Key), severity: ComplaintSeverity.Critical);
        var published = await Publish(TestUser.Supervisor, KeyAccountsFirst()).Read<RuleSetResponse>(HttpStatusCode.Created);

        await Post(TestUser.QualityHandler, complaint.Id, "reroute").ReadProblem(HttpStatusCode.Forbidden);
        var rerouted = await Post(TestUser.Supervisor, complaint.Id, "reroute").Read<ComplaintResponse>();

        Assert.Equal("CustomerRelations", rerouted.Department);
        Assert.Equal(published.Version, rerouted.RuleSetVersion);
        Assert.Equal(published.Rules[0].Id, rerouted.RuleId);
        Assert.Equal(complaint.Sla.ResolutionDueAt, rerouted.Sla.ResolutionDueAt);
        var routed = await Host.Published<ComplaintRouted>(e => e.ComplaintId == complaint.Id && e.RuleSetVersion == published.Version);
        Assert.Equal("CustomerRelations", routed.Department);
    }

    [Fact]
    public async Task The_dry_run_says_where_a_complaint_would_go_and_why_without_saving_anything()
    {
        await Publish(TestUser.Supervisor, KeyAccountsFirst()).Read<RuleSetResponse>(HttpStatusCode.Created);
        var customer = await Customer("NORTH", "rep.north");

        var dryRun = await As(TestUser.Supervisor).PostAsJsonAsync("/api/complaints/routing/dry-run",
            new { customerId = customer, type = "Delivery", severity = "Low", channel = "Phone" }, TestJson.Options).Read<DryRunResponse>();

        Assert.Equal("Logistics", dryRun.Department);
        Assert.Equal("handler.logistics", dryRun.AssigneeId);
        Assert.Equal("North delivery by phone", dryRun.RuleName);
        Assert.Equal(2, dryRun.RuleSetVersion);
        Assert.Equal([false, false, true], dryRun.Evaluated.Select(e => e.Matched));
        Assert.Contains(dryRun.Evaluated[0].Mismatches, m => m.StartsWith("severity is Low", StringComparison.Ordinal));
        Assert.Contains("North delivery by phone", dryRun.Explanation, StringComparison.Ordinal);

        var byDefault = await As(TestUser.Supervisor).PostAsJsonAsync("/api/complaints/routing/dry-run",
            new { region = "EAST", tier = "Ordinary", grade = "C", type = "Billing", severity = "Low", channel = "Email" }, TestJson.Options).Read<DryRunResponse>();
        Assert.True(byDefault.ByDefault);
        Assert.Equal("CustomerRelations", byDefault.Department);

        var asOfVersionOne = await As(TestUser.Supervisor).PostAsJsonAsync("/api/complaints/routing/dry-run",
            new { region = "EAST", tier = "Ordinary", grade = "C", type = "Billing", severity = "Low", channel = "Email", ruleSetVersion = 1 }, TestJson.Options).Read<DryRunResponse>();
        Assert.Equal("Finance", asOfVersionOne.Department);

        var list = await As(TestUser.Supervisor).GetAsync("/api/complaints").Read<PagedResult<ComplaintResponse>>();
        Assert.Equal(0, list.TotalCount);
        Assert.Empty(Host.PublishedSoFar<ComplaintRouted>());
    }

    [Fact]
    public async Task A_draft_is_tried_as_the_next_version_before_it_is_published_and_nothing_is_saved()
    {
        var sample = new { region = "NORTH", tier = "Key", grade = "B", type = "Delivery", severity = "Critical", channel = "Phone" };

        var dryRun = await As(TestUser.Supervisor).PostAsJsonAsync("/api/complaints/routing/dry-run", new
        {
            sample.region, sample.tier, sample.grade, sample.type, sample.severity, sample.channel, draft = KeyAccountsFirst(),
        }, TestJson.Options).Read<DryRunResponse>();

        Assert.Equal(2, dryRun.RuleSetVersion);
        Assert.Equal("Critical key customers", dryRun.RuleName);
        Assert.Equal("CustomerRelations", dryRun.Department);
        Assert.Equal("key-accounts", dryRun.Queue);
        var byCurrent = await As(TestUser.Supervisor).PostAsJsonAsync("/api/complaints/routing/dry-run", sample, TestJson.Options).Read<DryRunResponse>();
        Assert.Equal(1, byCurrent.RuleSetVersion);
        Assert.Equal("Logistics", byCurrent.Department);
        var versions = await As(TestUser.Supervisor).GetAsync("/api/complaints/routing/rule-sets").Read<List<ManageRouting.RuleSetSummary>>();
        Assert.Equal([1], versions.Select(v => v.Version));

        await As(TestUser.Supervisor).PostAsJsonAsync("/api/complaints/routing/dry-run", new
        {
            sample.region, sample.tier, sample.grade, sample.type, sample.severity, sample.channel,
            draft = new { defaultDepartment = "Nowhere", rules = new object[] { new { name = "", department = "Marketing" } } },
        }, TestJson.Options).ReadValidationProblem("defaultDepartment", "rules[0].name", "rules[0].department");
    }

    [Fact]
    public async Task The_dry_run_names_what_is_missing()
    {
        await As(TestUser.Supervisor).PostAsJsonAsync("/api/complaints/routing/dry-run", new { type = "Billing", ruleSetVersion = 99 }, TestJson.Options)
            .ReadValidationProblem("severity", "channel", "region", "tier", "grade", "ruleSetVersion");
    }

    [Fact]
    public async Task Only_the_supervisor_or_admin_may_publish_rules()
    {
        await Publish(TestUser.QualityHandler, KeyAccountsFirst()).ReadProblem(HttpStatusCode.Forbidden);
        await Publish(TestUser.MarketingGM, KeyAccountsFirst()).ReadProblem(HttpStatusCode.Forbidden);
        await Publish(new TestUser("admin", "Admin", []), KeyAccountsFirst()).Read<RuleSetResponse>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Publishing_over_a_version_someone_else_replaced_is_a_conflict()
    {
        await Publish(TestUser.Supervisor, KeyAccountsFirst(), ifMatch: 1).Read<RuleSetResponse>(HttpStatusCode.Created);

        await Publish(TestUser.Supervisor, KeyAccountsFirst(), ifMatch: 1).ReadProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Rules_naming_unknown_departments_are_refused()
    {
        var body = new { defaultDepartment = "Nowhere", rules = new object[] { new { name = "", department = "Marketing" } } };

        await Publish(TestUser.Supervisor, body).ReadValidationProblem("defaultDepartment", "rules[0].name", "rules[0].department");
    }
}
