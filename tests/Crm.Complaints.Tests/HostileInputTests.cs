using Crm.Complaints.Data;
using Crm.Complaints.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Complaints.Tests;

public sealed class HostileInputTests : ComplaintsTestContext
{
    [Fact]
    public async Task every_write_endpoint_answers_hostile_bodies_with_400_and_stores_nothing()
    {
        var customerId = await Customer();
        var complaint = await File(customerId);
        var client = As(TestUser.Supervisor);
        var policies = await client.GetAsync("/api/complaints/sla-policies").Read<SlaPoliciesResponse>();
        var id = complaint.Id;
        var rule = new
        {
            name = "Tiles to quality", department = "Quality", types = new[] { ComplaintType.ProductQuality }, productLines = new[] { "Ceramic tiles" },
            regions = new[] { "EAST" }, severities = new[] { ComplaintSeverity.High }, tiers = new[] { CustomerTier.Key }, grades = new[] { CustomerGrade.A },
            channels = new[] { ComplaintChannel.Hotline }, queue = "tiles", assigneeId = "handler.quality",
        };

        await HostileInput.RefusedAndNothingStored(client, "complaints",
            new Dictionary<string, (string, object)>
            {
                ["FileComplaint"] = ("/api/complaints", new
                {
                    customerId, channel = "Hotline", type = "Delivery", severity = "High", productLine = "Ceramic tiles",
                    description = "Late delivery", contactPerson = "王经理",
                }),
                ["WaitOnCustomer"] = ($"/api/complaints/{id}/wait-on-customer", new { note = "Asked for photos" }),
                ["CustomerResponded"] = ($"/api/complaints/{id}/customer-responded", new { note = "Photos received" }),
                ["ResolveComplaint"] = ($"/api/complaints/{id}/resolve", new { rootCause = "Packing", fix = "Replaced the tiles" }),
                ["ReopenComplaint"] = ($"/api/complaints/{id}/reopen", new { reason = "Cracked again" }),
                ["TransferComplaint"] = ($"/api/complaints/{id}/transfer", new { department = "Logistics", reason = "A delivery matter" }),
                ["AssignComplaint"] = ($"/api/complaints/{id}/assign", new { assigneeId = "handler.logistics" }),
                ["RecordReturnVisit"] = ($"/api/complaints/{id}/return-visit", new { satisfaction = 4, note = "Happy now" }),
                ["PutDepartment"] = ("/api/complaints/departments/Legal", new { name = "Legal department (法务部)", headUserId = "head.legal" }),
                ["PutSlaPolicies"] = ("/api/complaints/sla-policies", new
                {
                    policies.AtRiskShare, policies.OverdueShare,
                    targets = policies.Targets.Select(t => new { t.Severity, t.Tier, t.FirstResponseHours, t.ResolutionHours }).ToList(),
                }),
                ["PutCalendar"] = ("/api/complaints/calendars/WEST", new
                {
                    name = "West", timeZoneId = "Asia/Urumqi", isDefault = false, regions = new[] { "WEST" },
                    workingDays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday },
                    workingPeriods = new[] { new { start = "10:00:00", end = "13:00:00" }, new { start = "14:30:00", end = "19:00:00" } },
                    exceptions = new[] { new { date = "2026-10-01", isWorkingDay = false, name = "National Day" } },
                }),
                ["PublishRuleSet"] = ("/api/complaints/routing/rule-sets", new { rules = new[] { rule }, defaultDepartment = "CustomerRelations", defaultQueue = "triage", note = "Tiles" }),
                ["RoutingDryRun"] = ("/api/complaints/routing/dry-run", new
                {
                    customerId, type = "ProductQuality", severity = "High", channel = "Hotline", productLine = "Ceramic tiles", ruleSetVersion = 1,
                }),
            },
            () => Host.Scoped<ComplaintsDbContext, string>(HostileInput.Fingerprint));
    }

    [Fact]
    public async Task an_overlong_query_filter_is_refused()
    {
        await As(TestUser.Supervisor).GetAsync("/api/complaints?assigneeId=" + new string('x', 1000)).ReadValidationProblem("assigneeId");
    }
}
