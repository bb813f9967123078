using Crm.Complaints.Data;
using Crm.Complaints.Domain;
using Crm.Complaints.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Complaints.Tests;

public sealed class EscalationTests : ComplaintsTestContext
{
    private EscalationSweep NewSweeper() => ActivatorUtilities.CreateInstance<EscalationSweep>(Host.Services);

    private Task<List<ComplaintEscalation>> Escalations() =>
        Host.Scoped<ComplaintsDbContext, List<ComplaintEscalation>>(db => db.Escalations.AsNoTracking().ToListAsync());

    [Fact]
    public async Task At_risk_notifies_the_department_head_and_a_breach_escalates_a_level_at_a_time()
    {
        var complaint = await File(await Customer());
        var sweeper = NewSweeper();

        Assert.Equal(0, (await sweeper.SweepAsync(default)).Steps);
        Advance(TimeSpan.FromHours(7)); // Monday 16:00: 6 of 8 hours to first response used
        Assert.Equal(1, (await sweeper.SweepAsync(default)).Steps);
        var atRisk = Assert.Single(await Escalations());
        Assert.Equal(EscalationStep.FirstResponseAtRisk, atRisk.Step);
        Assert.Equal("head.quality", atRisk.EscalatedTo);
        Assert.Equal(1, atRisk.Level);
        Assert.Equal(0, (await Get(TestUser.Supervisor, complaint.Id)).EscalationLevel);

        Advance(TimeSpan.FromHours(3)); // Monday 19:00: the first response is overdue
        await sweeper.SweepAsync(default);
        var breached = await Host.Published<ComplaintEscalated>(e => e.ComplaintId == complaint.Id && e.Reason == "Breached:FirstResponse");
        Assert.Equal(1, breached.Level);
        Assert.Equal("head.quality", breached.EscalatedTo);
        Assert.Equal(1, (await Get(TestUser.Supervisor, complaint.Id)).EscalationLevel);

        await Post(TestUser.QualityHandler, complaint.Id, "start").Read<ComplaintResponse>();
        Advance(TimeSpan.FromDays(5)); // Saturday 7 March, 19:00: 40 resolution hours gone since Monday
        await sweeper.SweepAsync(default);
        var resolutionBreached = await Host.Published<ComplaintEscalated>(e => e.ComplaintId == complaint.Id && e.Reason == "Breached:Resolution");
        Assert.Equal(2, resolutionBreached.Level);
        Assert.Equal("supervisor,gm", resolutionBreached.EscalatedTo);

        Assert.Equal(
            [EscalationStep.FirstResponseAtRisk, EscalationStep.FirstResponseBreached, EscalationStep.ResolutionAtRisk, EscalationStep.ResolutionBreached],
            (await Escalations()).OrderBy(e => e.At).ThenBy(e => e.Step).Select(e => e.Step));
        var shown = await As(TestUser.Supervisor).GetAsync($"/api/complaints/{complaint.Id}/escalations").Read<List<EscalationResponse>>();
        Assert.Equal(4, shown.Count);
        var timeline = await As(TestUser.Supervisor).GetAsync($"/api/complaints/{complaint.Id}/timeline").Read<List<TimelineEntry>>();
        Assert.Equal(4, timeline.Count(t => t.Action == "Escalated"));
    }

    [Fact]
    public async Task A_resolution_still_open_long_after_its_deadline_goes_to_the_top_level()
    {
        var complaint = await File(await Customer(), severity: ComplaintSeverity.High); // 4 h to respond, 24 h to resolve
        await Post(TestUser.QualityHandler, complaint.Id, "start").Read<ComplaintResponse>();
        var sweeper = NewSweeper();

        Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(10)); // Thursday 19:00: 24 h used, breached, level 1
        await sweeper.SweepAsync(default);
        Assert.Equal(1, (await Get(TestUser.Supervisor, complaint.Id)).EscalationLevel);

        Advance(TimeSpan.FromDays(4)); // Monday 19:00: 40 h used, past the overdue mark of 24 h × 1.5
        await sweeper.SweepAsync(default);
        var overdue = await Host.Published<ComplaintEscalated>(e => e.ComplaintId == complaint.Id && e.Reason == "Overdue:Resolution");
        Assert.Equal(2, overdue.Level);
        Assert.Equal(2, (await Get(TestUser.Supervisor, complaint.Id)).EscalationLevel);
    }

    [Fact]
    public async Task No_escalation_while_waiting_on_the_customer_or_after_resolution()
    {
        var waiting = await File(await Customer());
        var resolved = await File(await Customer());
        foreach (var id in new[] { waiting.Id, resolved.Id })
        {
            await Post(TestUser.QualityHandler, id, "start").Read<ComplaintResponse>();
        }

        await Post(TestUser.QualityHandler, waiting.Id, "wait-on-customer", new { }).Read<ComplaintResponse>();
        await Post(TestUser.QualityHandler, resolved.Id, "resolve", new { rootCause = "Wrong grade", fix = "Replaced" }).Read<ComplaintResponse>();

        Advance(TimeSpan.FromDays(30));
        var result = await NewSweeper().SweepAsync(default);

        Assert.Equal(0, result.Steps);
        Assert.Empty(await Escalations());
    }

    [Fact]
    public async Task Two_sweepers_at_once_take_each_step_exactly_once()
    {
        var customers = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            customers.Add(await Customer());
        }

        var complaints = new List<ComplaintResponse>();
        for (var i = 0; i < 60; i++)
        {
            complaints.Add(await File(customers[i % customers.Count], severity: (ComplaintSeverity)(i % 4)));
        }

        // Far enough that every complaint has every step due: at risk and breached for both targets, and overdue.
        Advance(TimeSpan.FromDays(40));
        var first = NewSweeper();
        var second = NewSweeper();

        var results = await Task.WhenAll(Task.Run(() => first.SweepAsync(default)), Task.Run(() => second.SweepAsync(default)));

        var escalations = await Escalations();
        Assert.Equal(complaints.Count * 5, escalations.Count);
        Assert.Equal(escalations.Count, results.Sum(r => r.Steps));
        Assert.All(escalations.GroupBy(e => e.ComplaintId), g => Assert.Equal(5, g.Select(e => e.Step).Distinct().Count()));
        var events = await Eventually.Get(async () =>
        {
            var published = Host.PublishedSoFar<ComplaintEscalated>();
            return await Task.FromResult(published.Count >= escalations.Count ? published : null);
        }, what: "every escalation to be published");
        Assert.Equal(escalations.Count, events.Count);
        Assert.Equal(escalations.Count, events.Select(e => (e.ComplaintId, e.Reason)).Distinct().Count());

        Assert.Equal(0, (await NewSweeper().SweepAsync(default)).Steps);
    }
}
