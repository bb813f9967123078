using System.Text.Json;
using Crm.Complaints.Domain;
using Crm.Complaints.Features;
using Crm.Testing;

namespace Crm.Complaints.Tests;

/// <summary>Every step of a complaint leaves its line in the service's audit log, which only the CRM supervisor and admins read.</summary>
public sealed class AuditLogTests : ComplaintsTestContext
{
    [Fact]
    public async Task filing_and_assigning_a_complaint_are_audited_with_who_did_it_and_the_assignee_before_and_after()
    {
        var complaint = await File(await Customer());
        var assigned = await Post(TestUser.QualityHandler, complaint.Id, "assign", Bodies["assign"]).Read<ComplaintResponse>();

        var lines = await Host.AuditOf("complaints", complaint.Id);

        var filed = Assert.Single(lines, l => l.Action == AuditActions.Filed);
        Assert.Equal(TestUser.RepEast.Id, filed.UserId);
        Assert.Equal(complaint.Number, JsonDocument.Parse(filed.Details).RootElement.GetProperty("number").GetString());
        var assignment = Assert.Single(lines, l => l.Action == AuditActions.Assigned);
        Assert.Equal(TestUser.QualityHandler.Id, assignment.UserId);
        var change = JsonDocument.Parse(assignment.Details).RootElement.GetProperty("changes")[0];
        Assert.Equal((complaint.AssigneeId, assigned.AssigneeId), (change.TryGetProperty("from", out var from) ? from.GetString() : null, change.GetProperty("to").GetString()));
        Assert.Equal(lines.OrderByDescending(l => l.Id), lines);
    }

    [Fact]
    public Task only_the_crm_supervisor_and_admins_read_the_audit_log() => Host.OnlyStewardsRead("complaints");

    [Theory]
    [MemberData(nameof(AuditLogs.BadFilters), MemberType = typeof(AuditLogs))]
    public async Task a_filter_the_log_cannot_use_is_refused_naming_the_field(string query, string field) =>
        await As(TestUser.Supervisor).GetAsync($"/api/complaints/audit?{query}").ReadValidationProblem(field);
}
