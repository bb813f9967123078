using System.Net;
using Crm.Complaints.Data;
using Crm.Complaints.Domain;
using Crm.Complaints.Features;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;

namespace Crm.Complaints.Tests;

/// <summary>
/// Rerouting is for open complaints only (Complaint.Reroute: routed, in progress or waiting on the customer); a new,
/// resolved or closed complaint is refused with 409 and stays as it was.
/// </summary>
public sealed class RerouteTests : ComplaintsTestContext
{
    private static readonly ComplaintStatus[] Open = [ComplaintStatus.Routed, ComplaintStatus.InProgress, ComplaintStatus.WaitingOnCustomer];

    public static TheoryData<ComplaintStatus> Statuses() => new(Enum.GetValues<ComplaintStatus>());

    private async Task<ComplaintResponse> AnyComplaintIn(ComplaintStatus status)
    {
        if (status != ComplaintStatus.New)
        {
            return await ComplaintIn(status);
        }

        // Filing routes at once, so no API call leaves a complaint new; it is written in the database to cover the rule.
        var complaint = await File(await Customer());
        await Host.Scoped<ComplaintsDbContext, int>(async db =>
        {
            var stored = await db.Complaints.SingleAsync(c => c.Id == complaint.Id);
            db.Entry(stored).Property(c => c.Status).CurrentValue = ComplaintStatus.New;
            return await db.SaveChangesAsync();
        });
        complaint = await Get(TestUser.Supervisor, complaint.Id);
        Assert.Equal(ComplaintStatus.New, complaint.Status);
        return complaint;
    }

    private Task<List<TimelineEntry>> Timeline(Guid id) => As(TestUser.Supervisor).GetAsync($"/api/complaints/{id}/timeline").Read<List<TimelineEntry>>();

    [Theory]
    [MemberData(nameof(Statuses))]
    public async Task Only_an_open_complaint_can_be_rerouted(ComplaintStatus status)
    {
        var complaint = await AnyComplaintIn(status);
        var timeline = await Timeline(complaint.Id);

        var response = await Post(TestUser.Supervisor, complaint.Id, "reroute");

        var after = await Get(TestUser.Supervisor, complaint.Id);
        if (Open.Contains(status))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal((status, complaint.Version + 1), (after.Status, after.Version));
            var rerouted = (await Timeline(complaint.Id))[^1];
            Assert.Equal(("Rerouted", status, status, "supervisor"), (rerouted.Action, rerouted.FromStatus, rerouted.ToStatus, rerouted.By));
        }
        else
        {
            var problem = await response.ReadProblem(HttpStatusCode.Conflict);
            Assert.Contains($"is {status}", problem.Detail, StringComparison.Ordinal);
            Assert.Equal((status, complaint.Version), (after.Status, after.Version));
            Assert.Equal(timeline.Count, (await Timeline(complaint.Id)).Count);
        }
    }
}
