using Crm.BuildingBlocks.Calendars;
using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Security;
using Crm.IntegrationEvents;

namespace Crm.Complaints.Domain;

public enum ComplaintStatus { New, Routed, InProgress, WaitingOnCustomer, Resolved, Closed }

/// <summary>
/// A customer's complaint from intake to the return visit. It holds the lifecycle (an illegal transition is a
/// <see cref="DomainRuleException"/>, so 409) and the SLA clock: business time counted in the region's calendar, stopped
/// while waiting on the customer and once resolved. Every change appends to <see cref="Actions"/>, the timeline.
/// The clock keeps its deadlines as instants (<see cref="NextEscalationAt"/> is the earliest pending one), so the
/// escalation sweep is a plain indexed query that needs no calendar arithmetic. Every change also raises a domain event,
/// which the DbContext turns into the integration events other services follow.
/// </summary>
public sealed class Complaint : AggregateRoot, IVersionedAggregate
{
    private static readonly ComplaintStatus[] Open = [ComplaintStatus.Routed, ComplaintStatus.InProgress, ComplaintStatus.WaitingOnCustomer];

    private Complaint()
    {
    }

    public Guid Id { get; private init; }
    public string Number { get; private init; } = "";
    public Guid CustomerId { get; private init; }
    public string CustomerName { get; private init; } = "";
    public string Region { get; private init; } = "";
    public string OwnerId { get; private init; } = "";
    public CustomerTier CustomerTier { get; private init; }
    public CustomerGrade CustomerGrade { get; private init; }
    public ComplaintChannel Channel { get; private init; }
    public ComplaintType Type { get; private init; }
    public ComplaintSeverity Severity { get; private init; }
    public string? ProductLine { get; private init; }
    public string Description { get; private init; } = "";
    public string ContactPerson { get; private init; } = "";
    public string RecordedBy { get; private init; } = "";

    /// <summary>The visit whose report the complaint was filed from, if it was.</summary>
    public Guid? VisitId { get; private init; }
    public DateTimeOffset FiledAt { get; private init; }
    public ComplaintStatus Status { get; private set; }

    public string? Department { get; private set; }
    public string? Queue { get; private set; }
    public string? AssigneeId { get; private set; }
    public Guid? RuleId { get; private set; }
    public int? RuleSetVersion { get; private set; }

    public string CalendarCode { get; private init; } = "";
    public TimeSpan FirstResponseTarget { get; private init; }
    public TimeSpan ResolutionTarget { get; private init; }
    public double AtRiskShare { get; private init; }
    public double OverdueShare { get; private init; }
    public DateTimeOffset? FirstRespondedAt { get; private set; }
    public DateTimeOffset FirstResponseAtRiskAt { get; private set; }
    public DateTimeOffset FirstResponseDueAt { get; private set; }
    public DateTimeOffset ResolutionAtRiskAt { get; private set; }
    public DateTimeOffset ResolutionDueAt { get; private set; }
    public DateTimeOffset ResolutionOverdueAt { get; private set; }

    /// <summary>Business time used up to <see cref="ClockRunningSince"/> (or in total while the clock is stopped).</summary>
    public TimeSpan BusinessTimeUsed { get; private set; }

    public DateTimeOffset? ClockRunningSince { get; private set; }

    /// <summary>The earliest escalation step still to take; null when none is pending (stopped clock, all done).</summary>
    public DateTimeOffset? NextEscalationAt { get; private set; }

    public EscalationStep EscalationSteps { get; private set; }
    public int EscalationLevel { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }
    public string? ResolvedBy { get; private set; }
    public string? RootCause { get; private set; }
    public string? Fix { get; private set; }
    public bool? ResolvedWithinSla { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public int? Satisfaction { get; private set; }
    public string? ReturnVisitNote { get; private set; }
    public DateTimeOffset? ReturnVisitAt { get; private set; }
    public string? ReturnVisitBy { get; private set; }
    public int ReopenCount { get; private set; }

    /// <summary>Claimed by one escalation sweeper until <see cref="SweepLockedUntil"/>, so replicas do not work the same rows.</summary>
    public Guid? SweepToken { get; private set; }

    public DateTimeOffset? SweepLockedUntil { get; private set; }

    public long Version { get; private set; }

    public List<ComplaintAction> Actions { get; private init; } = [];

    public SlaTerms Terms => new(FirstResponseTarget, ResolutionTarget, AtRiskShare, OverdueShare);

    public bool ClockRunning => ClockRunningSince is not null;

    public bool IsOpen => Open.Contains(Status);

    public static Complaint File(
        string number, Guid customerId, string customerName, string region, string ownerId, CustomerTier tier, CustomerGrade grade,
        ComplaintChannel channel, ComplaintType type, ComplaintSeverity severity, string? productLine, string description,
        string contactPerson, string recordedBy, string calendarCode, SlaTerms terms, BusinessCalendar calendar, DateTimeOffset at,
        Guid? visitId = null)
    {
        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(at),
            Number = number,
            CustomerId = customerId,
            CustomerName = customerName,
            Region = region,
            OwnerId = ownerId,
            CustomerTier = tier,
            CustomerGrade = grade,
            Channel = channel,
            Type = type,
            Severity = severity,
            ProductLine = productLine,
            Description = description,
            ContactPerson = contactPerson,
            RecordedBy = recordedBy,
            VisitId = visitId,
            FiledAt = at,
            Status = ComplaintStatus.New,
            CalendarCode = calendarCode,
            FirstResponseTarget = terms.FirstResponse,
            ResolutionTarget = terms.Resolution,
            AtRiskShare = terms.AtRiskShare,
            OverdueShare = terms.OverdueShare,
            ClockRunningSince = at,
            FirstResponseAtRiskAt = calendar.AddBusinessTime(at, terms.FirstResponseAtRisk),
            FirstResponseDueAt = calendar.AddBusinessTime(at, terms.FirstResponse),
            ResolutionAtRiskAt = calendar.AddBusinessTime(at, terms.ResolutionAtRisk),
            ResolutionDueAt = calendar.AddBusinessTime(at, terms.Resolution),
            ResolutionOverdueAt = calendar.AddBusinessTime(at, terms.ResolutionOverdue),
            Version = 1,
        };
        complaint.PlanNextEscalation();
        complaint.Record(recordedBy, at, "Filed", $"{type} complaint ({severity}) by {channel}", null);
        complaint.Raise(new ComplaintFiledDomainEvent(complaint.Facts, channel, productLine, recordedBy, at));
        return complaint;
    }

    public RoutingInput RoutingInput => new(Type, Severity, Channel, ProductLine, Region, CustomerTier, CustomerGrade);

    /// <summary>Sends a new complaint where <paramref name="decision"/> says.</summary>
    public void Route(RoutingDecision decision, string by, DateTimeOffset at)
    {
        Require("route", ComplaintStatus.New);
        var from = Status;
        ApplyRouting(decision);
        Status = ComplaintStatus.Routed;
        PlanNextEscalation();
        var action = Changed(by, at, "Routed", Explain(decision), from);
        RaiseRouted(action.Detail!, by, at);
    }

    /// <summary>Routes an open complaint again by the current rules (only on explicit request). The SLA continues.</summary>
    public void Reroute(RoutingDecision decision, string by, DateTimeOffset at)
    {
        RequireOpen("reroute");
        var from = Status;
        ApplyRouting(decision);
        AssigneeId = decision.AssigneeId;
        var action = Changed(by, at, "Rerouted", Explain(decision), from);
        RaiseRouted(action.Detail!, by, at);
    }

    /// <summary>The handler takes the complaint up: the first response, which stops the first-response clock.</summary>
    public void Start(string by, DateTimeOffset at)
    {
        Require("start work on", ComplaintStatus.Routed);
        var from = Status;
        Status = ComplaintStatus.InProgress;
        AssigneeId ??= by;
        RespondFirst(at);
        Changed(by, at, "Started", null, from);
        Raise(new ComplaintStartedDomainEvent(Facts, by, at));
    }

    /// <summary>Waiting on the customer stops the SLA clock until they answer.</summary>
    public void WaitOnCustomer(string by, string? note, BusinessCalendar calendar, DateTimeOffset at)
    {
        Require("wait on the customer for", ComplaintStatus.InProgress);
        var from = Status;
        StopClock(calendar, at);
        Status = ComplaintStatus.WaitingOnCustomer;
        Changed(by, at, "WaitingOnCustomer", note, from);
        Raise(new ComplaintWaitingOnCustomerDomainEvent(Facts, note, by, at));
    }

    public void CustomerResponded(string by, string? note, BusinessCalendar calendar, DateTimeOffset at)
    {
        Require("resume", ComplaintStatus.WaitingOnCustomer);
        var from = Status;
        ResumeClock(calendar, at);
        Status = ComplaintStatus.InProgress;
        Changed(by, at, "CustomerResponded", note, from);
        Raise(new ComplaintCustomerRespondedDomainEvent(Facts, note, by, at));
    }

    public void Resolve(string by, string rootCause, string fix, BusinessCalendar calendar, DateTimeOffset at)
    {
        Require("resolve", ComplaintStatus.InProgress);
        var from = Status;
        StopClock(calendar, at);
        Status = ComplaintStatus.Resolved;
        ResolvedAt = at;
        ResolvedBy = by;
        RootCause = rootCause;
        Fix = fix;
        ResolvedWithinSla = BusinessTimeUsed <= ResolutionTarget && FirstRespondedAt <= FirstResponseDueAt;
        Changed(by, at, "Resolved", $"Root cause: {rootCause}. Fix: {fix}", from);
        Raise(new ComplaintResolvedDomainEvent(Facts, rootCause, fix, ResolvedWithinSla.Value, by, at));
    }

    public void Close(string by, DateTimeOffset at)
    {
        Require("close", ComplaintStatus.Resolved);
        var from = Status;
        Status = ComplaintStatus.Closed;
        ClosedAt = at;
        Changed(by, at, "Closed", null, from);
        Raise(new ComplaintClosedDomainEvent(Facts, Satisfaction, by, at));
    }

    /// <summary>A resolved or closed complaint may be reopened within <paramref name="period"/> of its resolution; its SLA clock runs on.</summary>
    public void Reopen(string by, string reason, TimeSpan period, BusinessCalendar calendar, DateTimeOffset at)
    {
        Require("reopen", ComplaintStatus.Resolved, ComplaintStatus.Closed);
        if (at - ResolvedAt > period)
        {
            throw new DomainRuleException($"Complaint {Number} was resolved on {ResolvedAt:yyyy-MM-dd}; it can be reopened only within {period.TotalDays:0} days of resolution. File a new complaint instead.");
        }

        var from = Status;
        Status = ComplaintStatus.InProgress;
        ClosedAt = null;
        ResolvedAt = null;
        ResolvedBy = null;
        ResolvedWithinSla = null;
        ReopenCount++;
        ResumeClock(calendar, at);
        Changed(by, at, "Reopened", reason, from);
        Raise(new ComplaintReopenedDomainEvent(Facts, from, reason, ReopenCount, by, at));
    }

    /// <summary>Hands the complaint to another department with a reason; its SLA continues where it is.</summary>
    public void Transfer(string department, string reason, string by, BusinessCalendar calendar, DateTimeOffset at)
    {
        RequireOpen("transfer");
        if (department == Department)
        {
            throw new DomainRuleException($"Complaint {Number} is already with {department}.");
        }

        var from = Status;
        var previous = Department;
        if (!ClockRunning)
        {
            ResumeClock(calendar, at);
        }

        Department = department;
        Queue = null;
        AssigneeId = null;
        Status = ComplaintStatus.Routed;
        Changed(by, at, "Transferred", $"From {previous} to {department}: {reason}", from);
        RaiseRouted($"Transferred: {reason}", by, at);
    }

    public void Assign(string assigneeId, string by, DateTimeOffset at)
    {
        RequireOpen("assign");
        if (assigneeId == AssigneeId)
        {
            throw new DomainRuleException($"Complaint {Number} is already assigned to {assigneeId}.");
        }

        var previous = AssigneeId;
        AssigneeId = assigneeId;
        Changed(by, at, "Assigned", previous is null ? $"To {assigneeId}" : $"From {previous} to {assigneeId}", Status);
        Raise(new ComplaintAssignedDomainEvent(Facts, previous, assigneeId, by, at));
    }

    /// <summary>The return visit (回访) after resolution, with the customer's satisfaction from 1 to 5; recorded once.</summary>
    public void RecordReturnVisit(int satisfaction, string? note, string by, DateTimeOffset at)
    {
        Require("record a return visit for", ComplaintStatus.Resolved, ComplaintStatus.Closed);
        if (Satisfaction is not null)
        {
            throw new DomainRuleException($"The return visit of complaint {Number} was already recorded on {ReturnVisitAt:yyyy-MM-dd}.");
        }

        Satisfaction = satisfaction;
        ReturnVisitNote = note;
        ReturnVisitAt = at;
        ReturnVisitBy = by;
        Changed(by, at, "ReturnVisit", $"Satisfaction {satisfaction}/5" + (note is null ? "" : $": {note}"), Status);
        Raise(new ComplaintReturnVisitRecordedDomainEvent(Facts, satisfaction, note, by, at));
    }

    /// <summary>Business time used so far (pauses excluded).</summary>
    public TimeSpan BusinessTimeUsedAt(BusinessCalendar calendar, DateTimeOffset now) =>
        BusinessTimeUsed + (ClockRunningSince is { } since ? calendar.BusinessTimeBetween(since, now) : TimeSpan.Zero);

    public SlaState SlaStateAt(BusinessCalendar calendar, DateTimeOffset now)
    {
        var used = BusinessTimeUsedAt(calendar, now);
        var firstResponseBreached = (FirstRespondedAt ?? now) > FirstResponseDueAt;
        if (firstResponseBreached || used > ResolutionTarget)
        {
            return SlaState.Breached;
        }

        var open = ResolvedAt is null;
        return (FirstRespondedAt is null && now >= FirstResponseAtRiskAt) || (open && used >= Terms.ResolutionAtRisk)
            ? SlaState.AtRisk
            : SlaState.OnTime;
    }

    /// <summary>The escalation steps whose moment has come and that were not taken yet, in the order they fall due.</summary>
    public IReadOnlyList<EscalationStep> DueEscalations(DateTimeOffset now) =>
        PendingSteps().Where(s => s.At <= now).OrderBy(s => s.At).Select(s => s.Step).ToList();

    /// <summary>
    /// Takes an escalation step: recorded in the timeline and in <see cref="EscalationSteps"/>. A breach raises the level by
    /// one (department head, then CRM supervisor / marketing GM); the overdue step goes straight to the top level; an
    /// at-risk step notifies the department head without raising the level. Returns the level the step went to.
    /// </summary>
    public int Escalate(EscalationStep step, Func<int, string> recipientOfLevel, DateTimeOffset at)
    {
        if (EscalationSteps.HasFlag(step))
        {
            throw new DomainRuleException($"Complaint {Number} has already been escalated for {step}.");
        }

        var level = step switch
        {
            EscalationStep.FirstResponseBreached or EscalationStep.ResolutionBreached => Math.Min(EscalationLevel + 1, 2),
            EscalationStep.ResolutionOverdue => 2,
            _ => Math.Max(EscalationLevel, 1),
        };
        EscalationSteps |= step;
        if (step is not (EscalationStep.FirstResponseAtRisk or EscalationStep.ResolutionAtRisk))
        {
            EscalationLevel = Math.Max(EscalationLevel, level);
        }

        PlanNextEscalation();
        Version++;
        var to = recipientOfLevel(level);
        Record("system", at, "Escalated", $"{step}: level {level}, to {to}", null);
        Raise(new ComplaintEscalatedDomainEvent(Facts, step, level, ReasonOf(step), to, at));
        return level;
    }

    /// <summary>"AtRisk:FirstResponse", "Breached:Resolution", "Overdue:Resolution": which target, and how far gone.</summary>
    public static string ReasonOf(EscalationStep step) => step switch
    {
        EscalationStep.FirstResponseAtRisk => "AtRisk:FirstResponse",
        EscalationStep.FirstResponseBreached => "Breached:FirstResponse",
        EscalationStep.ResolutionAtRisk => "AtRisk:Resolution",
        EscalationStep.ResolutionBreached => "Breached:Resolution",
        _ => "Overdue:Resolution",
    };

    /// <summary>Ends a sweeper's claim on the complaint (saved with the escalations it took).</summary>
    public void ReleaseSweepClaim()
    {
        SweepToken = null;
        SweepLockedUntil = null;
    }

    private IEnumerable<(EscalationStep Step, DateTimeOffset At)> PendingSteps()
    {
        var candidates = new List<(EscalationStep, DateTimeOffset)>();
        if (FirstRespondedAt is null && IsOpen)
        {
            candidates.Add((EscalationStep.FirstResponseAtRisk, FirstResponseAtRiskAt));
            candidates.Add((EscalationStep.FirstResponseBreached, FirstResponseDueAt));
        }

        if (ClockRunning && IsOpen)
        {
            candidates.Add((EscalationStep.ResolutionAtRisk, ResolutionAtRiskAt));
            candidates.Add((EscalationStep.ResolutionBreached, ResolutionDueAt));
            candidates.Add((EscalationStep.ResolutionOverdue, ResolutionOverdueAt));
        }

        return candidates.Where(c => !EscalationSteps.HasFlag(c.Item1));
    }

    private void PlanNextEscalation() =>
        NextEscalationAt = PendingSteps().Select(s => (DateTimeOffset?)s.At).Min();

    private void RespondFirst(DateTimeOffset at)
    {
        FirstRespondedAt ??= at;
        PlanNextEscalation();
    }

    private void StopClock(BusinessCalendar calendar, DateTimeOffset at)
    {
        BusinessTimeUsed = BusinessTimeUsedAt(calendar, at);
        ClockRunningSince = null;
        PlanNextEscalation();
    }

    /// <summary>
    /// Restarts the clock: each resolution deadline not yet reached moves out by the business time the clock was stopped
    /// (it is recomputed from now and the budget left); a deadline already passed stays where it was.
    /// </summary>
    private void ResumeClock(BusinessCalendar calendar, DateTimeOffset at)
    {
        var used = BusinessTimeUsed;
        ClockRunningSince = at;
        ResolutionAtRiskAt = Deadline(calendar, at, used, Terms.ResolutionAtRisk, ResolutionAtRiskAt);
        ResolutionDueAt = Deadline(calendar, at, used, Terms.Resolution, ResolutionDueAt);
        ResolutionOverdueAt = Deadline(calendar, at, used, Terms.ResolutionOverdue, ResolutionOverdueAt);
        PlanNextEscalation();
    }

    private static DateTimeOffset Deadline(BusinessCalendar calendar, DateTimeOffset now, TimeSpan used, TimeSpan budget, DateTimeOffset previous) =>
        budget > used ? calendar.AddBusinessTime(now, budget - used) : previous;

    private void ApplyRouting(RoutingDecision decision)
    {
        Department = decision.Department;
        Queue = decision.Queue;
        AssigneeId = decision.AssigneeId;
        RuleId = decision.RuleId;
        RuleSetVersion = decision.RuleSetVersion;
    }

    private static string Explain(RoutingDecision decision) =>
        decision.RuleId is null
            ? $"To {decision.Department} by the default of rule set v{decision.RuleSetVersion} (no rule matched)"
            : $"To {decision.Department}{(decision.Queue is null ? "" : $"/{decision.Queue}")} by rule \"{decision.RuleName}\" of rule set v{decision.RuleSetVersion}";

    private void Require(string action, params ComplaintStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new DomainRuleException($"Complaint {Number} is {Status}; only a complaint that is {string.Join(" or ", allowed)} can {action}.");
        }
    }

    private void RequireOpen(string action) => Require(action, Open);

    private ComplaintFacts Facts => new(Id, Number, CustomerId, Region, OwnerId, Type, Severity, Department, Status, Version);

    private void RaiseRouted(string reason, string by, DateTimeOffset at) =>
        Raise(new ComplaintRoutedDomainEvent(Facts, Department!, Queue, AssigneeId, RuleId, RuleSetVersion ?? 0, reason, by, at));

    private ComplaintAction Changed(string by, DateTimeOffset at, string action, string? detail, ComplaintStatus from)
    {
        Version++;
        return Record(by, at, action, detail, from);
    }

    private ComplaintAction Record(string by, DateTimeOffset at, string action, string? detail, ComplaintStatus? from)
    {
        var entry = new ComplaintAction
        {
            Id = Guid.CreateVersion7(at),
            ComplaintId = Id,
            ComplaintVersion = Version,
            At = at,
            By = by,
            Action = action,
            Detail = detail is { Length: > 1000 } ? detail[..1000] : detail,
            FromStatus = from,
            ToStatus = Status,
        };
        Actions.Add(entry);
        return entry;
    }
}

/// <summary>One line of a complaint's timeline: who did what, when, and the status before and after.</summary>
public sealed class ComplaintAction
{
    public Guid Id { get; init; }
    public Guid ComplaintId { get; init; }

    /// <summary>The complaint's version after the action: orders the timeline, even for actions within one instant.</summary>
    public long ComplaintVersion { get; init; }

    public DateTimeOffset At { get; init; }
    public required string By { get; init; }
    public required string Action { get; init; }
    public string? Detail { get; init; }
    public ComplaintStatus? FromStatus { get; init; }
    public ComplaintStatus ToStatus { get; init; }
}
