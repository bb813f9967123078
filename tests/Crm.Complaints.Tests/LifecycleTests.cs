using System.Net;
using System.Net.Http.Json;
using Crm.Complaints.Domain;
using Crm.Complaints.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Complaints.Tests;

public sealed class LifecycleTests : ComplaintsTestContext
{
    private static readonly Dictionary<ComplaintStatus, string[]> Allowed = new()
    {
        [ComplaintStatus.Routed] = ["start", "transfer", "assign"],
        [ComplaintStatus.InProgress] = ["wait-on-customer", "resolve", "transfer", "assign"],
        [ComplaintStatus.WaitingOnCustomer] = ["customer-responded", "transfer", "assign"],
        [ComplaintStatus.Resolved] = ["close", "reopen", "return-visit"],
        [ComplaintStatus.Closed] = ["reopen", "return-visit"],
    };

    public static TheoryData<ComplaintStatus, string> IllegalTransitions()
    {
        var data = new TheoryData<ComplaintStatus, string>();
        foreach (var (status, allowed) in Allowed)
        {
            foreach (var action in Bodies.Keys.Except(allowed))
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    public static TheoryData<ComplaintStatus, string> LegalTransitions()
    {
        var data = new TheoryData<ComplaintStatus, string>();
        foreach (var (status, allowed) in Allowed)
        {
            foreach (var action in allowed)
            {
                data.Add(status, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(IllegalTransitions))]
    public async Task An_illegal_transition_is_a_conflict_and_changes_nothing(ComplaintStatus status, string action)
    {
        var complaint = await ComplaintIn(status);

        var problem = await Post(TestUser.Supervisor, complaint.Id, action, Bodies[action]).ReadProblem(HttpStatusCode.Conflict);

        Assert.Contains(status.ToString(), problem.Detail, StringComparison.Ordinal);
        var after = await Get(TestUser.Supervisor, complaint.Id);
        Assert.Equal(status, after.Status);
        Assert.Equal(complaint.Version, after.Version);
    }

    [Theory]
    [MemberData(nameof(LegalTransitions))]
    public async Task A_legal_transition_is_applied_and_recorded_in_the_timeline(ComplaintStatus status, string action)
    {
        var complaint = await ComplaintIn(status);

        var after = await Post(TestUser.Supervisor, complaint.Id, action, Bodies[action]).Read<ComplaintResponse>();

        Assert.Equal(complaint.Version + 1, after.Version);
        var timeline = await As(TestUser.Supervisor).GetAsync($"/api/complaints/{complaint.Id}/timeline").Read<List<TimelineEntry>>();
        Assert.Equal("supervisor", timeline[^1].By);
        Assert.Equal(after.Status, timeline[^1].ToStatus);
        Assert.Equal(status, timeline[^1].FromStatus);
    }

    [Fact]
    public async Task The_whole_way_from_intake_to_return_visit_is_in_the_timeline_with_who_and_when()
    {
        var complaint = await File(await Customer());
        var handler = TestUser.QualityHandler;

        await Post(handler, complaint.Id, "start").Read<ComplaintResponse>();
        Advance(TimeSpan.FromHours(1));
        await Post(handler, complaint.Id, "wait-on-customer", Bodies["wait-on-customer"]).Read<ComplaintResponse>();
        await Post(handler, complaint.Id, "customer-responded", Bodies["customer-responded"]).Read<ComplaintResponse>();
        var resolved = await Post(handler, complaint.Id, "resolve", Bodies["resolve"]).Read<ComplaintResponse>();
        await Post(TestUser.RepEast, complaint.Id, "return-visit", Bodies["return-visit"]).Read<ComplaintResponse>();
        var closed = await Post(TestUser.RepEast, complaint.Id, "close").Read<ComplaintResponse>();

        Assert.Equal("Kiln temperature drift in batch 2026-02", resolved.RootCause);
        Assert.True(resolved.Sla.ResolvedWithinSla);
        Assert.Equal(ComplaintStatus.Closed, closed.Status);
        Assert.Equal(4, closed.Satisfaction);
        var timeline = await As(TestUser.RepEast).GetAsync($"/api/complaints/{complaint.Id}/timeline").Read<List<TimelineEntry>>();
        Assert.Equal(["Filed", "Routed", "Started", "WaitingOnCustomer", "CustomerResponded", "Resolved", "ReturnVisit", "Closed"], timeline.Select(t => t.Action));
        Assert.Equal(["rep.east", "routing", "handler.quality", "handler.quality", "handler.quality", "handler.quality", "rep.east", "rep.east"], timeline.Select(t => t.By));
        Assert.Equal(MondayNine.AddHours(1), timeline[3].At);

        var resolvedEvent = await Host.Published<ComplaintResolved>(e => e.ComplaintId == complaint.Id);
        Assert.True(resolvedEvent.WithinSla);
        Assert.Equal("handler.quality", resolvedEvent.ResolvedBy);
        var closedEvent = await Host.Published<ComplaintClosed>(e => e.ComplaintId == complaint.Id);
        Assert.Equal(4, closedEvent.Satisfaction);
        Assert.Equal("rep.east", closedEvent.OwnerId);
    }

    [Fact]
    public async Task Waiting_on_the_customer_stops_the_sla_clock_and_moves_the_deadline_by_the_pause()
    {
        var complaint = await File(await Customer());
        await Post(TestUser.QualityHandler, complaint.Id, "start").Read<ComplaintResponse>();
        Advance(TimeSpan.FromHours(2)); // Monday 11:00: 2 business hours used
        var waiting = await Post(TestUser.QualityHandler, complaint.Id, "wait-on-customer", Bodies["wait-on-customer"]).Read<ComplaintResponse>();
        Assert.False(waiting.Sla.ClockRunning);
        Assert.Null(waiting.Sla.ResolutionDueAt);

        Advance(TimeSpan.FromDays(2)); // Wednesday 11:00: two working days of waiting do not count
        var stillWaiting = await Get(TestUser.QualityHandler, complaint.Id);
        Assert.Equal(2, stillWaiting.Sla.BusinessHoursUsed);
        Assert.Equal(38, stillWaiting.Sla.BusinessHoursLeft);

        var resumed = await Post(TestUser.QualityHandler, complaint.Id, "customer-responded", Bodies["customer-responded"]).Read<ComplaintResponse>();
        // 38 hours from Wednesday 11:00: Wednesday 6, Thursday 8, Friday 8, Monday 8, Tuesday 8.
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 18, 0, 0, TimeSpan.FromHours(8)), resumed.Sla.ResolutionDueAt);
        Advance(TimeSpan.FromHours(3)); // Wednesday 14:00
        Assert.Equal(4, (await Get(TestUser.QualityHandler, complaint.Id)).Sla.BusinessHoursUsed);
    }

    [Fact]
    public async Task A_transfer_hands_over_with_a_reason_and_the_sla_continues()
    {
        var complaint = await File(await Customer());
        await Post(TestUser.QualityHandler, complaint.Id, "start").Read<ComplaintResponse>();
        Advance(TimeSpan.FromHours(3));

        var transferred = await Post(TestUser.QualityHandler, complaint.Id, "transfer", Bodies["transfer"]).Read<ComplaintResponse>();

        Assert.Equal("Logistics", transferred.Department);
        Assert.Equal(ComplaintStatus.Routed, transferred.Status);
        Assert.Null(transferred.AssigneeId);
        Assert.Equal(complaint.Sla.ResolutionDueAt, transferred.Sla.ResolutionDueAt);
        Assert.Equal(3, transferred.Sla.BusinessHoursUsed);
        var routed = await Host.Published<ComplaintRouted>(e => e.ComplaintId == complaint.Id && e.Department == "Logistics");
        Assert.Contains("transport", routed.Reason, StringComparison.Ordinal);
        // The quality handler no longer sees it; the same department is refused.
        Assert.Equal(HttpStatusCode.NotFound, (await As(TestUser.QualityHandler).GetAsync($"/api/complaints/{complaint.Id}")).StatusCode);
        await Post(TestUser.Supervisor, complaint.Id, "transfer", Bodies["transfer"]).ReadProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_transfer_to_an_unknown_department_is_invalid()
    {
        var complaint = await File(await Customer());

        await Post(TestUser.Supervisor, complaint.Id, "transfer", new { department = "Marketing", reason = "" }).ReadValidationProblem("department", "reason");
    }

    [Fact]
    public async Task Reopening_is_allowed_within_the_period_and_refused_after_it()
    {
        var first = await ComplaintIn(ComplaintStatus.Closed);
        var second = await ComplaintIn(ComplaintStatus.Resolved);
        Advance(TimeSpan.FromDays(29));

        var reopened = await Post(TestUser.RepEast, first.Id, "reopen", Bodies["reopen"]).Read<ComplaintResponse>();
        Assert.Equal(ComplaintStatus.InProgress, reopened.Status);
        Assert.Equal(1, reopened.ReopenCount);

        Advance(TimeSpan.FromDays(2));
        var problem = await Post(TestUser.RepEast, second.Id, "reopen", Bodies["reopen"]).ReadProblem(HttpStatusCode.Conflict);
        Assert.Contains("30 days", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_return_visit_is_recorded_once_with_a_satisfaction_from_one_to_five()
    {
        var complaint = await ComplaintIn(ComplaintStatus.Resolved);

        await Post(TestUser.RepEast, complaint.Id, "return-visit", new { satisfaction = 6 }).ReadValidationProblem("satisfaction");
        await Post(TestUser.RepEast, complaint.Id, "return-visit", new { satisfaction = 5 }).Read<ComplaintResponse>();
        await Post(TestUser.RepEast, complaint.Id, "return-visit", new { satisfaction = 3 }).ReadProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Resolving_needs_the_root_cause_and_the_fix()
    {
        var complaint = await ComplaintIn(ComplaintStatus.InProgress);

        await Post(TestUser.Supervisor, complaint.Id, "resolve", new { rootCause = " " }).ReadValidationProblem("rootCause", "fix");
    }

    [Fact]
    public async Task A_stale_if_match_is_a_conflict()
    {
        var complaint = await File(await Customer());
        await Post(TestUser.Supervisor, complaint.Id, "assign", Bodies["assign"], ifMatch: complaint.Version).Read<ComplaintResponse>();

        await Post(TestUser.Supervisor, complaint.Id, "start", ifMatch: complaint.Version).ReadProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Assignment_stays_within_the_department_queue()
    {
        var complaint = await File(await Customer());

        var assigned = await Post(TestUser.QualityHandler, complaint.Id, "assign", Bodies["assign"]).Read<ComplaintResponse>();

        Assert.Equal("handler.quality2", assigned.AssigneeId);
        var queue = await As(TestUser.QualityHandler).GetAsync("/api/complaints?assigneeId=handler.quality2").Read<Crm.BuildingBlocks.Http.PagedResult<ComplaintResponse>>();
        Assert.Equal(complaint.Id, Assert.Single(queue.Items).Id);
    }
}
