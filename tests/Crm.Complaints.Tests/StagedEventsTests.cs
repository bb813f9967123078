using Crm.Complaints.Data;
using Crm.Complaints.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Complaints.Tests;

/// <summary>
/// Every change of a complaint stages the integration events other services follow (or none, for work that stays inside
/// the department), because the complaint raises them and the DbContext maps them: no endpoint can forget one.
/// </summary>
public sealed class StagedEventsTests : ComplaintsTestContext
{
    /// <summary>The change, the steps that bring a freshly filed (routed) complaint to where it is allowed, and what it publishes.</summary>
    public static TheoryData<string, string[], string[]> Changes => new()
    {
        { "file", [], [nameof(ComplaintFiled), nameof(ComplaintRouted)] },
        { "start", [], [] },
        { "wait-on-customer", ["start"], [] },
        { "customer-responded", ["start", "wait-on-customer"], [] },
        { "assign", [], [] },
        { "transfer", [], [nameof(ComplaintRouted)] },
        { "reroute", [], [nameof(ComplaintRouted)] },
        { "resolve", ["start"], [nameof(ComplaintResolved)] },
        { "return-visit", ["start", "resolve"], [] },
        { "close", ["start", "resolve"], [nameof(ComplaintClosed)] },
        { "reopen", ["start", "resolve", "close"], [nameof(ComplaintReopened)] },
        { "escalate", [], [nameof(ComplaintEscalated)] },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task a_change_stages_the_integration_events_it_publishes(string change, string[] path, string[] events)
    {
        var customer = await Customer();
        Func<Task> act = () => File(customer);
        if (change != "file")
        {
            var complaint = await File(customer);
            foreach (var step in path)
            {
                await Post(TestUser.Supervisor, complaint.Id, step, Bodies[step]).Read<ComplaintResponse>();
            }

            act = change == "escalate"
                ? async () =>
                {
                    Advance(TimeSpan.FromHours(7)); // 6 of the 8 business hours to first response used: at risk
                    Assert.Equal(1, (await ActivatorUtilities.CreateInstance<EscalationSweep>(Host.Services).SweepAsync(default)).Steps);
                }
                : () => Post(TestUser.Supervisor, complaint.Id, change, Bodies.GetValueOrDefault(change)).Read<ComplaintResponse>();
        }

        var before = await Host.Scoped<ComplaintsDbContext, List<Guid>>(db => db.OutboxMessages.Select(m => m.Id).ToListAsync());

        await act();

        var staged = await Host.Scoped<ComplaintsDbContext, List<string>>(db =>
            db.OutboxMessages.Where(m => !before.Contains(m.Id)).Select(m => m.MessageType).ToListAsync());
        Assert.Equal(events.Select(e => $"{typeof(ComplaintEvent).Namespace}.{e}").Order(), staged.Order());
    }

    [Fact]
    public async Task reopening_publishes_who_reopened_it_why_and_the_version_after_it()
    {
        var complaint = await File(await Customer());
        foreach (var step in new[] { "start", "resolve", "close" })
        {
            complaint = await Post(TestUser.Supervisor, complaint.Id, step, Bodies[step]).Read<ComplaintResponse>();
        }

        var reopened = await Post(TestUser.RepEast, complaint.Id, "reopen", Bodies["reopen"]).Read<ComplaintResponse>();

        var published = await Host.Published<ComplaintReopened>(e => e.ComplaintId == complaint.Id);
        Assert.Equal(("rep.east", "Cracks again in the replacement", 1, reopened.Version), (published.ReopenedBy, published.Reason, published.ReopenCount, published.Version));
        Assert.Equal((complaint.Number, complaint.CustomerId, complaint.Department), (published.Number, published.CustomerId, published.Department));
    }
}
