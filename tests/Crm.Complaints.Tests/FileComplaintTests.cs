using System.Net;
using Crm.Complaints.Domain;
using Crm.Complaints.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Complaints.Tests;

public sealed class FileComplaintTests : ComplaintsTestContext
{
    [Fact]
    public async Task A_filed_complaint_is_numbered_routed_by_the_default_rules_and_timed_in_business_hours()
    {
        var customer = await Customer();

        var complaint = await File(customer, ComplaintType.ProductQuality, ComplaintSeverity.Medium);

        Assert.Matches(@"^CP-2026-\d{6}$", complaint.Number);
        Assert.Equal(ComplaintStatus.Routed, complaint.Status);
        Assert.Equal("Quality", complaint.Department);
        Assert.Equal(1, complaint.RuleSetVersion);
        Assert.NotNull(complaint.RuleId);
        Assert.Equal("rep.east", complaint.RecordedBy);
        Assert.Equal("rep.east", complaint.OwnerId);
        // Medium for an ordinary customer: 8 business hours to respond, 40 to resolve, from Monday 09:00.
        Assert.Equal(MondayNine.AddHours(9), complaint.Sla.FirstResponseDueAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 6, 18, 0, 0, TimeSpan.FromHours(8)), complaint.Sla.ResolutionDueAt);
        Assert.Equal(SlaState.OnTime, complaint.Sla.SlaState);
        Assert.Equal(0, complaint.Sla.BusinessHoursUsed);

        var filed = await Host.Published<ComplaintFiled>(e => e.ComplaintId == complaint.Id);
        Assert.Equal(ComplaintChannel.Hotline, filed.Channel);
        Assert.Equal("Ceramic tiles", filed.ProductLine);
        var routed = await Host.Published<ComplaintRouted>(e => e.ComplaintId == complaint.Id);
        Assert.Equal("Quality", routed.Department);
        Assert.Equal(complaint.RuleId, routed.RuleId);
        Assert.Equal(1, routed.RuleSetVersion);
    }

    [Fact]
    public async Task Key_customers_get_the_tighter_targets_of_their_tier()
    {
        var complaint = await File(await Customer(tier: CustomerTier.Key), severity: ComplaintSeverity.Critical);

        Assert.Equal(1, complaint.Sla.FirstResponseTargetHours);
        Assert.Equal(8, complaint.Sla.ResolutionTargetHours);
        Assert.Equal(MondayNine.AddHours(1), complaint.Sla.FirstResponseDueAt);
        Assert.Equal(MondayNine.AddHours(9), complaint.Sla.ResolutionDueAt);
    }

    [Fact]
    public async Task Business_time_used_and_the_sla_state_follow_the_clock()
    {
        var complaint = await File(await Customer());

        Advance(TimeSpan.FromHours(7)); // Monday 16:00: 6 of 8 hours to first response used
        var atRisk = await Get(TestUser.RepEast, complaint.Id);
        Assert.Equal(6, atRisk.Sla.BusinessHoursUsed);
        Assert.Equal(SlaState.AtRisk, atRisk.Sla.SlaState);

        Advance(TimeSpan.FromHours(16)); // Tuesday 08:00: the first response is overdue
        var breached = await Get(TestUser.RepEast, complaint.Id);
        Assert.Equal(8, breached.Sla.BusinessHoursUsed);
        Assert.Equal(SlaState.Breached, breached.Sla.SlaState);
    }

    [Fact]
    public async Task Invalid_input_is_refused_naming_each_field_and_nothing_is_filed()
    {
        var response = await FileRaw(TestUser.RepEast, new { channel = "Fax", description = "", productLine = new string('x', 101) });

        await response.ReadValidationProblem("channel");
        await FileRaw(TestUser.RepEast, new { description = "", productLine = new string('x', 101) })
            .ReadValidationProblem("customerId", "channel", "type", "severity", "description", "contactPerson", "productLine");
        var list = await As(TestUser.Supervisor).GetAsync("/api/complaints").Read<Crm.BuildingBlocks.Http.PagedResult<ComplaintResponse>>();
        Assert.Equal(0, list.TotalCount);
    }

    [Fact]
    public async Task A_customer_the_caller_may_not_see_cannot_be_complained_about_by_them()
    {
        var north = await Customer("NORTH", "rep.north");

        await FileRaw(TestUser.RepEast, new { customerId = north, channel = "Phone", type = "Billing", severity = "Low", description = "x", contactPerson = "y" })
            .ReadValidationProblem("customerId");
    }

    [Fact]
    public async Task A_repeated_idempotency_key_returns_the_first_complaint_and_files_nothing_new()
    {
        var customer = await Customer();
        var body = new { customerId = customer, channel = "Email", type = "Delivery", severity = "High", description = "Late", contactPerson = "Li" };

        var first = await FileRaw(TestUser.RepEast, body, "key-1").Read<ComplaintResponse>(HttpStatusCode.Created);
        var second = await FileRaw(TestUser.RepEast, body, "key-1").Read<ComplaintResponse>(HttpStatusCode.Created);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.Number, second.Number);
        var list = await As(TestUser.Supervisor).GetAsync("/api/complaints").Read<Crm.BuildingBlocks.Http.PagedResult<ComplaintResponse>>();
        Assert.Equal(1, list.TotalCount);
    }

    [Fact]
    public async Task Complaint_numbers_run_on_without_duplicates()
    {
        var customer = await Customer();

        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            numbers.Add((await File(customer)).Number);
        }

        Assert.Equal(numbers.Order(StringComparer.Ordinal), numbers);
        Assert.Equal(3, numbers.Distinct().Count());
    }
}
