using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Security;

namespace Crm.Visits.Domain;

public enum PlanStatus { Draft, Submitted, Approved, Returned }

public enum PlanAction { Generated, Added, Moved, Dropped, Submitted, Approved, Returned }

/// <summary>One step of a plan's life: who, when, what, and the reason or comment.</summary>
public sealed record PlanStep(PlanAction Action, string By, DateTimeOffset At, string? Detail, long Version);

/// <summary>
/// A rep's visit plan for a period of a week to a month (拜访计划): its visits are <see cref="Visit"/>s that name the
/// plan. Generated, then edited (a visit moved, added or dropped, each with a reason), submitted to the branch manager,
/// who approves it or returns it with a comment. Every step is kept with who and when, and each raises the version,
/// so the plan's history reads as its versions. A submitted plan waits for its review unchanged.
/// </summary>
public sealed class VisitPlan : AggregateRoot, IRegionOwned, IVersionedAggregate
{
    public const int MinDays = 7;
    public const int MaxDays = 31;

    private readonly List<PlanStep> steps = [];

    private VisitPlan()
    {
    }

    public Guid Id { get; private init; }
    public string Number { get; private init; } = "";
    public string Region { get; private init; } = "";
    public string OwnerId { get; private init; } = "";
    public DateOnly From { get; private init; }
    public DateOnly To { get; private init; }
    public int VisitsPerDay { get; private init; }
    public int MinutesPerVisit { get; private init; }
    public PlanStatus Status { get; private set; }
    public IReadOnlyList<PlanStep> Steps => steps;
    public DateTimeOffset CreatedAt { get; private init; }
    public string CreatedBy { get; private init; } = "";
    public long Version { get; private set; }

    public static VisitPlan Generate(
        string number, string region, string ownerId, DateOnly from, DateOnly to, int visitsPerDay, int minutesPerVisit, string summary,
        string by, DateTimeOffset at)
    {
        var plan = new VisitPlan
        {
            Id = Guid.CreateVersion7(at),
            Number = number,
            Region = region,
            OwnerId = ownerId,
            From = from,
            To = to,
            VisitsPerDay = visitsPerDay,
            MinutesPerVisit = minutesPerVisit,
            Status = PlanStatus.Draft,
            CreatedAt = at,
            CreatedBy = by,
        };
        plan.Record(PlanAction.Generated, by, at, summary);
        return plan;
    }

    public bool Covers(DateOnly day) => day >= From && day <= To;

    /// <summary>Records an edit of the plan's visits; a submitted plan is under review and changes only by its review.</summary>
    public void Edited(PlanAction action, string detail, string by, DateTimeOffset at)
    {
        if (Status == PlanStatus.Submitted)
        {
            throw new DomainRuleException($"Plan {Number} is submitted; it changes again once reviewed (or returned).");
        }

        Record(action, by, at, detail);
    }

    public void Submit(string by, DateTimeOffset at)
    {
        if (Status is not (PlanStatus.Draft or PlanStatus.Returned))
        {
            throw new DomainRuleException($"Plan {Number} is {Status}; only a draft or a returned plan is submitted.");
        }

        Status = PlanStatus.Submitted;
        Record(PlanAction.Submitted, by, at, null);
    }

    public void Review(bool approve, string? comment, string by, DateTimeOffset at)
    {
        if (Status != PlanStatus.Submitted)
        {
            throw new DomainRuleException($"Plan {Number} is {Status}; only a submitted plan is reviewed.");
        }

        if (by == OwnerId)
        {
            throw new DomainRuleException($"Plan {Number} is yours; another manager reviews it.");
        }

        Status = approve ? PlanStatus.Approved : PlanStatus.Returned;
        Record(approve ? PlanAction.Approved : PlanAction.Returned, by, at, comment);
    }

    private void Record(PlanAction action, string by, DateTimeOffset at, string? detail)
    {
        Version++;
        steps.Add(new PlanStep(action, by, at, detail, Version));
        Raise(new VisitPlanChangedDomainEvent(Id, Number, Region, OwnerId, From, To, Status, action, detail, by, at, Version));
    }
}
