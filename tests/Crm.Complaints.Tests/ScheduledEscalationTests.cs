using Crm.Complaints.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Complaints.Tests;

/// <summary>The sweeper as deployed: a hosted service that sweeps on its own at the configured interval.</summary>
public sealed class ScheduledEscalationTests : ComplaintsTestContext
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["Complaints:EscalationEnabled"] = "true",
        ["Complaints:EscalationIntervalSeconds"] = "1",
        ["Complaints:TopLevelRecipients"] = "gm",
    };

    [Fact]
    public async Task The_scheduled_sweeper_escalates_a_breached_complaint_without_being_asked()
    {
        var complaint = await File(await Customer(), severity: ComplaintSeverity.Critical); // 2 h to respond, 16 h to resolve

        Advance(TimeSpan.FromDays(7));

        var overdue = await Host.Published<ComplaintEscalated>(e => e.ComplaintId == complaint.Id && e.Reason == "Overdue:Resolution");
        Assert.Equal(2, overdue.Level);
        Assert.Equal("gm", overdue.EscalatedTo);
        Assert.Equal("Quality", overdue.Department);
        var escalations = await As(TestUser.Supervisor).GetAsync($"/api/complaints/{complaint.Id}/escalations").Read<List<EscalationResponse>>();
        Assert.Equal(5, escalations.Count);
    }
}
