using Crm.Complaints.Data;
using Crm.Complaints.Domain;
using Crm.Complaints.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Complaints.Tests;

/// <summary>
/// The SLA clock of a reopened complaint (Complaint.Reopen, ResumeClock): the clock stopped at resolution and runs on
/// from the reopening with the business time already used; a deadline not yet reached moves out by the business time
/// the clock was stopped, a deadline already passed stays where it was, and an escalation step already taken is not
/// taken again. The calendar is the default one: Monday to Friday, 09:00–12:00 and 13:00–18:00 (8 hours a day). A
/// medium complaint of an ordinary customer: first response 8 hours, resolution 40 hours, at risk at 75 % (30 hours),
/// overdue at 150 % (60 hours).
/// </summary>
public sealed class ReopenSlaTests : ComplaintsTestContext
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly object Resolution = new { rootCause = "Glaze", fix = "Replaced" };
    private static readonly object Reason = new { reason = "Cracks again in the replacement" };

    private static DateTimeOffset At(int day, int hour) => new(2026, 3, day, hour, 0, 0, Beijing);

    private EscalationSweep Sweeper() => ActivatorUtilities.CreateInstance<EscalationSweep>(Host.Services);

    private Task<List<(EscalationStep Step, DateTimeOffset At)>> Escalations(Guid id) =>
        Host.Scoped<ComplaintsDbContext, List<(EscalationStep, DateTimeOffset)>>(async db =>
            (await db.Escalations.AsNoTracking().Where(e => e.ComplaintId == id).ToListAsync())
            .OrderBy(e => e.At).Select(e => (e.Step, e.At)).ToList());

    [Fact]
    public async Task A_complaint_reopened_before_its_deadline_keeps_the_hours_used_and_its_deadline_moves_out_by_the_stopped_hours()
    {
        var complaint = await File(await Customer()); // Monday 2 March, 09:00
        await Post(TestUser.QualityHandler, complaint.Id, "start").Read<ComplaintResponse>();
        // 40 business hours from Monday 09:00: Monday to Friday, 8 each: Friday 6 March, 18:00.
        var originalDue = At(6, 18);
        Assert.Equal(originalDue, complaint.Sla.ResolutionDueAt);

        Advance(TimeSpan.FromHours(2)); // Monday 11:00: 2 business hours used
        var resolved = await Post(TestUser.QualityHandler, complaint.Id, "resolve", Resolution).Read<ComplaintResponse>();
        Assert.Equal((2.0, true, false), (resolved.Sla.BusinessHoursUsed, resolved.Sla.ResolvedWithinSla!.Value, resolved.Sla.ClockRunning));

        Advance(TimeSpan.FromDays(3).Subtract(TimeSpan.FromHours(1))); // Thursday 5 March, 10:00
        var reopened = await Post(TestUser.RepEast, complaint.Id, "reopen", Reason).Read<ComplaintResponse>();

        // Stopped from Monday 11:00 to Thursday 10:00: Monday 1 + 5, Tuesday 8, Wednesday 8, Thursday 1 = 23 business hours,
        // none of which count: 2 used, 38 left.
        const double stopped = 1 + 5 + 8 + 8 + 1;
        Assert.Equal(ComplaintStatus.InProgress, reopened.Status);
        Assert.True(reopened.Sla.ClockRunning);
        Assert.Null(reopened.Sla.ResolvedWithinSla);
        Assert.Equal((2.0, 38.0), (reopened.Sla.BusinessHoursUsed, reopened.Sla.BusinessHoursLeft));
        Assert.Equal(SlaState.OnTime, reopened.Sla.SlaState);
        // Friday 6 March 18:00 moved out by 23 business hours: Monday 9 March 8, Tuesday 8, Wednesday 11 March 7 (09:00–12:00, 13:00–17:00).
        Assert.Equal(23, stopped);
        Assert.Equal(At(11, 17), reopened.Sla.ResolutionDueAt);

        // At risk at 30 hours used: 28 more from Thursday 10:00: Thursday 7, Friday 8, Monday 8, Tuesday 10 March 09:00–12:00 and 13:00–15:00.
        Advance(At(10, 15) - Clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        Assert.Equal(SlaState.OnTime, (await Get(TestUser.RepEast, complaint.Id)).Sla.SlaState);
        Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(SlaState.AtRisk, (await Get(TestUser.RepEast, complaint.Id)).Sla.SlaState);
        // Breached once the 40 hours are used: after the moved deadline, not after the original one.
        Advance(At(11, 17) - Clock.GetUtcNow());
        Assert.Equal((40.0, SlaState.AtRisk), ((await Get(TestUser.RepEast, complaint.Id)).Sla.BusinessHoursUsed, (await Get(TestUser.RepEast, complaint.Id)).Sla.SlaState));
        Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(SlaState.Breached, (await Get(TestUser.RepEast, complaint.Id)).Sla.SlaState);

        // Resolved again now: late, by the 40-hour target.
        var late = await Post(TestUser.QualityHandler, complaint.Id, "resolve", Resolution).Read<ComplaintResponse>();
        Assert.False(late.Sla.ResolvedWithinSla);
    }

    [Fact]
    public async Task A_complaint_resolved_late_and_reopened_stays_breached_its_passed_deadline_stays_and_escalations_are_not_repeated()
    {
        var complaint = await File(await Customer()); // Monday 2 March, 09:00
        await Post(TestUser.QualityHandler, complaint.Id, "start").Read<ComplaintResponse>();

        Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(1)); // Monday 9 March, 10:00: 41 business hours used
        await Sweeper().SweepAsync(default);
        // At risk (30 h) and breached (40 h) have both come; overdue (60 h) not yet.
        Assert.Equal([EscalationStep.ResolutionAtRisk, EscalationStep.ResolutionBreached], (await Escalations(complaint.Id)).Select(e => e.Step).Order());
        var resolved = await Post(TestUser.QualityHandler, complaint.Id, "resolve", Resolution).Read<ComplaintResponse>();
        Assert.Equal((41.0, false), (resolved.Sla.BusinessHoursUsed, resolved.Sla.ResolvedWithinSla!.Value));

        Advance(TimeSpan.FromDays(1)); // Tuesday 10 March, 10:00
        var reopened = await Post(TestUser.RepEast, complaint.Id, "reopen", Reason).Read<ComplaintResponse>();

        // The 40-hour deadline had passed: it stays on Friday 6 March, 18:00, and the complaint is breached from the start.
        Assert.Equal(At(6, 18), reopened.Sla.ResolutionDueAt);
        Assert.Equal(SlaState.Breached, reopened.Sla.SlaState);
        Assert.Equal((41.0, 0.0), (reopened.Sla.BusinessHoursUsed, reopened.Sla.BusinessHoursLeft));
        Assert.Equal(0, (await Sweeper().SweepAsync(default)).Steps);

        // The overdue step (60 hours) was not reached: 19 hours left from Tuesday 10:00: Tuesday 7, Wednesday 8,
        // Thursday 12 March 09:00–12:00 and 13:00–14:00. (Without the reopening it was due Wednesday 11 March, 14:00.)
        Advance(At(11, 14) - Clock.GetUtcNow());
        Assert.Equal(0, (await Sweeper().SweepAsync(default)).Steps);
        Advance(At(12, 14) - Clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await Sweeper().SweepAsync(default)).Steps);
        Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await Sweeper().SweepAsync(default)).Steps);

        var escalations = await Escalations(complaint.Id);
        Assert.Equal([EscalationStep.ResolutionAtRisk, EscalationStep.ResolutionBreached, EscalationStep.ResolutionOverdue], escalations.Select(e => e.Step).Order());
        Assert.Equal(At(12, 14), escalations.Single(e => e.Step == EscalationStep.ResolutionOverdue).At);
        Assert.Equal(2, (await Get(TestUser.Supervisor, complaint.Id)).EscalationLevel);
    }
}
