using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Security;
using Crm.IntegrationEvents;

namespace Crm.Hospitality.Domain;

public enum ApplicationStatus { Submitted, Approved, Returned, Rejected, Completed }

/// <summary>How the visit went, as the host records it afterwards, with an optional proposed grade and its reason.</summary>
public sealed record VisitOutcome(string Outcome, string Impressions, CustomerGrade? ProposedGrade, string? GradeReason, string By, DateTimeOffset At);

public enum Decision { Approve, Return, Reject }

/// <summary>A person who comes on the visit; key persons (关键人) are received as such.</summary>
public sealed record Visitor(string Name, string Position, bool IsKeyPerson);

/// <summary>One decision on the chain: the step's role and action, the decision, who, when and the comment.</summary>
public sealed record ChainDecision(string Role, StepAction Action, Decision Decision, string By, DateTimeOffset At, string? Comment);

/// <summary>
/// Photography (参观拍照): refused by default; a key customer's request needs both the marketing GM and the chairman to
/// allow it; an ordinary customer's request is refused.
/// </summary>
public enum PhotographyDecision { NotRequested, Refused, Pending, Allowed }

/// <summary>One of the two who decide a key customer's request to photograph.</summary>
public sealed record PhotographyVote(string Role, bool Allow, string By, DateTimeOffset At, string? Comment);

/// <summary>The marketing department keeps the originals of the photographs taken: who, when, how many.</summary>
public sealed record PhotographsKept(int Count, string By, DateTimeOffset At, string? Note);

/// <summary>A visitor passing the gate: in or out, when, and the front desk user who recorded it.</summary>
public sealed record GatePassage(string Visitor, bool In, DateTimeOffset At, string By);

/// <summary>What the application is about, as the applicant gives it.</summary>
public sealed record VisitRequest(
    IReadOnlyList<Visitor> Visitors, DateTimeOffset Start, DateTimeOffset End, string Purpose, VisitKind Kind, string WantsToSee,
    bool AsksToPhotograph, string HostId);

/// <summary>
/// A customer's application to visit the company (客户参观申请书), from the rep or the marketing centre, and its approval
/// chain, decided by the first matching rule when it is submitted: each step's role approves (on to the next step),
/// returns it to the applicant, or rejects it, with who, when and a comment. An application that leaves less notice
/// than its rule asks is accepted only as urgent: "phone first, paperwork after", flagged until the paperwork is done.
/// The customer's region and owner scope who sees it.
/// </summary>
public sealed class HospitalityApplication : AggregateRoot, IRegionOwned, IVersionedAggregate
{
    private readonly List<ChainDecision> decisions = [];

    private HospitalityApplication()
    {
    }

    public Guid Id { get; private init; }
    public string Number { get; private init; } = "";
    public Guid CustomerId { get; private init; }
    public string CustomerName { get; private init; } = "";
    public string Region { get; private init; } = "";

    /// <summary>The customer's owner (rep).</summary>
    public string OwnerId { get; private init; } = "";

    public CustomerTier CustomerTier { get; private init; }

    /// <summary>The customer's pipeline grade when the application was made, which the reception standard looks at.</summary>
    public CustomerGrade CustomerGrade { get; private init; }
    public CustomerKind CustomerKind { get; private init; }
    public VisitRequest Request { get; private set; } = null!;

    /// <summary>When the visit starts and ends (kept beside the request so that days and inboxes are queried by them).</summary>
    public DateTimeOffset Start { get; private set; }

    public DateTimeOffset End { get; private set; }
    public string AppliedBy { get; private init; } = "";
    public DateTimeOffset AppliedAt { get; private init; }

    /// <summary>The rule that set the chain, its steps and the notice it asks.</summary>
    public string RuleName { get; private set; } = "";

    public List<ChainStep> Chain { get; private set; } = [];
    public int NoticeHours { get; private set; }
    public NoticeBy NoticeBy { get; private set; }

    /// <summary>The step waiting for a decision (while submitted).</summary>
    public int StepIndex { get; private set; }

    public ApplicationStatus Status { get; private set; }

    /// <summary>Accepted with less notice than its rule asks: phone first, paperwork after.</summary>
    public bool Urgent { get; private set; }

    public bool PaperworkPending { get; private set; }

    /// <summary>Content, scope and route of a scheduled visit, as the marketing GM prepared them.</summary>
    public string? Programme { get; private set; }

    public IReadOnlyList<ChainDecision> Decisions => decisions;

    /// <summary>How the visitors are received, fixed when the visit is approved.</summary>
    public ReceptionStandard? Reception { get; private set; }

    /// <summary>The visit permit (客户参观许可证), issued on approval: its number and the code its QR code carries.</summary>
    public string? PermitNumber { get; private set; }

    public string? PermitCode { get; private set; }
    public string? RevokedReason { get; private set; }
    public List<GatePassage> Gate { get; private set; } = [];

    public PhotographyDecision Photography { get; private set; }
    public List<PhotographyVote> PhotographyVotes { get; private set; } = [];
    public PhotographsKept? Photographs { get; private set; }

    /// <summary>The roles that must both allow a key customer's request to photograph.</summary>
    public static readonly IReadOnlyList<string> PhotographyDeciders = [Roles.MarketingGM, Roles.Chairman];

    /// <summary>Recorded by the host after the visit.</summary>
    public VisitOutcome? Outcome { get; private set; }
    public long Version { get; private set; }

    /// <summary>How long before the start the gate lets visitors in.</summary>
    public static readonly TimeSpan EarlyArrival = TimeSpan.FromMinutes(30);

    public ChainStep? CurrentStep => Status == ApplicationStatus.Submitted ? Chain[StepIndex] : null;

    /// <summary>The role the application waits for (null once decided): what an approver's inbox asks for.</summary>
    public string? WaitingFor { get; private set; }

    public static HospitalityApplication Apply(
        string number, Guid customerId, string customerName, string region, string ownerId, CustomerTier tier, CustomerKind kind, CustomerGrade grade,
        VisitRequest request, ApprovalRule rule, bool urgent, string by, DateTimeOffset at)
    {
        var application = new HospitalityApplication
        {
            Id = Guid.CreateVersion7(at),
            Number = number,
            CustomerId = customerId,
            CustomerName = customerName,
            Region = region,
            OwnerId = ownerId,
            CustomerTier = tier,
            CustomerKind = kind,
            CustomerGrade = grade,
            AppliedBy = by,
            AppliedAt = at,
        };
        application.Submit(request, rule, urgent, by, at);
        return application;
    }

    /// <summary>Whether <paramref name="start"/> leaves the notice <paramref name="rule"/> asks, counted from <paramref name="at"/>.</summary>
    public static bool LeavesNotice(ApprovalRule rule, DateTimeOffset start, DateTimeOffset at) => start - at >= TimeSpan.FromHours(rule.NoticeHours);

    /// <summary>Sends a returned application round its (possibly new) chain again, with its corrections.</summary>
    public void Resubmit(VisitRequest request, ApprovalRule rule, bool urgent, string by, DateTimeOffset at)
    {
        if (Status != ApplicationStatus.Returned)
        {
            throw new DomainRuleException($"Application {Number} is {Status}; only a returned application is submitted again.");
        }

        Submit(request, rule, urgent, by, at);
    }

    /// <summary>The current step's decision; <paramref name="role"/> is the step's role, held by the one deciding.</summary>
    public void Decide(Decision decision, string role, string? comment, string? programme, string by, DateTimeOffset at)
    {
        if (CurrentStep is not { } step)
        {
            throw new DomainRuleException($"Application {Number} is {Status}; it waits for no decision.");
        }

        if (step.Role != role)
        {
            throw new DomainRuleException($"Application {Number} waits for the {step.Role}.");
        }

        if (decision != Decision.Approve && string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainRuleException("A returned or rejected application needs a comment saying why.");
        }

        if (decision == Decision.Approve && step.Action == StepAction.Prepare && string.IsNullOrWhiteSpace(programme))
        {
            throw new DomainRuleException("A scheduled visit's programme (content, scope and route) is prepared at this step.");
        }

        Programme = step.Action == StepAction.Prepare && decision == Decision.Approve ? programme : Programme;
        decisions.Add(new ChainDecision(step.Role, step.Action, decision, by, at, comment));
        Version++;
        WaitingFor = null;
        switch (decision)
        {
            case Decision.Approve when StepIndex + 1 < Chain.Count:
                StepIndex++;
                WaitingFor = Chain[StepIndex].Role;
                Raise(new ApprovalStepReachedDomainEvent(Facts, step, Chain[StepIndex], by, at));
                break;
            case Decision.Approve:
                Status = ApplicationStatus.Approved;
                Raise(new ApplicationApprovedDomainEvent(Facts, by, at));
                break;
            case Decision.Return:
                Status = ApplicationStatus.Returned;
                Raise(new ApplicationReturnedDomainEvent(Facts, step, comment!, by, at));
                break;
            default:
                Status = ApplicationStatus.Rejected;
                Raise(new ApplicationRejectedDomainEvent(Facts, step, comment!, by, at));
                break;
        }
    }

    /// <summary>Issues the permit of an approved visit, with the reception standard it is received by.</summary>
    public void IssuePermit(string number, string code, ReceptionStandard reception, DateTimeOffset at)
    {
        if (Status != ApplicationStatus.Approved || PermitNumber is not null)
        {
            throw new DomainRuleException($"Application {Number} is {Status}{(PermitNumber is null ? "" : $" with permit {PermitNumber}")}; a permit is issued once, on approval.");
        }

        PermitNumber = number;
        PermitCode = code;
        Reception = reception;
        Version++;
        Raise(new PermitIssuedDomainEvent(Facts, number, reception, at));
    }

    /// <summary>Withdraws the permit; the gate refuses it from then on, with the reason.</summary>
    public void RevokePermit(string reason, string by, DateTimeOffset at)
    {
        if (PermitNumber is null || RevokedReason is not null)
        {
            throw new DomainRuleException(PermitNumber is null ? $"Application {Number} has no permit." : $"Permit {PermitNumber} was already revoked.");
        }

        RevokedReason = reason;
        Version++;
        Raise(new PermitRevokedDomainEvent(Facts, PermitNumber, reason, by, at));
    }

    /// <summary>A permit and its badges are printed while it stands: issued, and never revoked.</summary>
    public void EnsurePrintable()
    {
        if (PermitNumber is null || RevokedReason is not null)
        {
            throw new DomainRuleException(PermitNumber is null
                ? $"Application {Number} is {Status}: a permit is printed once the visit is approved."
                : $"Permit {PermitNumber} was revoked ({RevokedReason}) and is not printed.");
        }
    }

    /// <summary>Why the permit does not let visitors in at <paramref name="at"/>, or null when it does.</summary>
    public string? RefusalAt(DateTimeOffset at) =>
        PermitNumber is null ? "No permit has been issued for this visit."
        : RevokedReason is not null ? $"Permit {PermitNumber} was revoked: {RevokedReason}"
        : at < Request.Start - EarlyArrival ? $"Permit {PermitNumber} is valid from {Request.Start - EarlyArrival:yyyy-MM-dd HH:mm} UTC."
        : at > Request.End ? $"Permit {PermitNumber} expired at {Request.End:yyyy-MM-dd HH:mm} UTC."
        : null;

    /// <summary>Records a named visitor passing the gate; a permit that does not let them in (or out) is refused with the reason.</summary>
    public void PassGate(string visitor, bool entering, string by, DateTimeOffset at)
    {
        if (entering && RefusalAt(at) is { } refusal)
        {
            throw new DomainRuleException(refusal);
        }

        var named = Request.Visitors.FirstOrDefault(v => string.Equals(v.Name, visitor, StringComparison.Ordinal))
            ?? throw new DomainRuleException($"{visitor} is not named on permit {PermitNumber}.");
        var inside = Gate.LastOrDefault(g => g.Visitor == named.Name)?.In ?? false;
        if (inside == entering)
        {
            throw new DomainRuleException($"{named.Name} is already {(inside ? "in" : "out")}.");
        }

        Gate = [.. Gate, new GatePassage(named.Name, entering, at, by)];
        Version++;
        Raise(new VisitorPassedGateDomainEvent(Facts, named.Name, entering, by, at));
    }

    /// <summary>
    /// The marketing GM's or the chairman's decision on a key customer's request to photograph: both must allow it; a
    /// refusal by either refuses it.
    /// </summary>
    public void DecidePhotography(string role, bool allow, string? comment, string by, DateTimeOffset at)
    {
        if (Photography != PhotographyDecision.Pending || Status is ApplicationStatus.Rejected or ApplicationStatus.Completed)
        {
            throw new DomainRuleException($"Application {Number}'s photography is {Photography}; there is nothing to decide.");
        }

        if (!PhotographyDeciders.Contains(role) || PhotographyVotes.Any(v => v.Role == role))
        {
            throw new DomainRuleException($"The {role} {(PhotographyDeciders.Contains(role) ? "has already decided" : "does not decide photography")}.");
        }

        PhotographyVotes = [.. PhotographyVotes, new PhotographyVote(role, allow, by, at, comment)];
        Photography = !allow ? PhotographyDecision.Refused
            : PhotographyDeciders.All(r => PhotographyVotes.Any(v => v.Role == r)) ? PhotographyDecision.Allowed
            : PhotographyDecision.Pending;
        Version++;
        Raise(new PhotographyDecidedDomainEvent(Facts, role, allow, Photography, by, at));
    }

    /// <summary>The marketing department records that it keeps the originals of the photographs taken on an allowed visit.</summary>
    public void KeepPhotographs(int count, string? note, string by, DateTimeOffset at)
    {
        if (Photography != PhotographyDecision.Allowed || Photographs is not null)
        {
            throw new DomainRuleException(Photography != PhotographyDecision.Allowed
                ? $"Photography was not allowed on visit {Number}."
                : $"The originals of visit {Number} were already recorded by {Photographs!.By}.");
        }

        Photographs = new PhotographsKept(count, by, at, note);
        Version++;
    }

    /// <summary>Closes the visit with its outcome, once it has begun (its start has passed, or a visitor came in).</summary>
    public void Complete(VisitOutcome outcome)
    {
        if (Status != ApplicationStatus.Approved || RevokedReason is not null || (outcome.At < Start && !Gate.Any(g => g.In)))
        {
            throw new DomainRuleException(Status == ApplicationStatus.Approved && RevokedReason is null
                ? $"Visit {Number} begins at {Start:yyyy-MM-dd HH:mm} UTC; its outcome is recorded after that."
                : $"Application {Number} is {Status}{(RevokedReason is null ? "" : ", its permit revoked")}; only an approved visit is completed.");
        }

        Status = ApplicationStatus.Completed;
        Outcome = outcome;
        Version++;
        Raise(new VisitCompletedDomainEvent(Facts, outcome, CustomerId, outcome.At));
    }

    /// <summary>The notice form of an urgent application, handed in after the phone call.</summary>
    public void CompletePaperwork(string by, DateTimeOffset at)
    {
        if (!PaperworkPending)
        {
            throw new DomainRuleException($"Application {Number} has no paperwork pending.");
        }

        PaperworkPending = false;
        Version++;
        Raise(new PaperworkCompletedDomainEvent(Facts, by, at));
    }

    public ApplicationFacts Facts => new(Id, Number, CustomerId, CustomerName, Region, OwnerId, Request.Start, Request.End, Status, Urgent, Version);

    private void Submit(VisitRequest request, ApprovalRule rule, bool urgent, string by, DateTimeOffset at)
    {
        if (rule.Steps.Count == 0)
        {
            throw new DomainRuleException($"Approval rule {rule.Name} has no steps.");
        }

        var shortNotice = !LeavesNotice(rule, request.Start, at);
        if (shortNotice && !urgent)
        {
            throw new DomainRuleException($"Rule {rule.Name} asks {rule.NoticeHours} h notice; mark the application urgent to phone first.");
        }

        Request = request;
        Photography = !request.AsksToPhotograph ? PhotographyDecision.NotRequested
            : CustomerTier == CustomerTier.Key ? PhotographyDecision.Pending
            : PhotographyDecision.Refused;
        PhotographyVotes = [];
        Start = request.Start;
        End = request.End;
        RuleName = rule.Name;
        Chain = [.. rule.Steps];
        NoticeHours = rule.NoticeHours;
        NoticeBy = rule.NoticeBy;
        StepIndex = 0;
        WaitingFor = Chain[0].Role;
        Status = ApplicationStatus.Submitted;
        Urgent = shortNotice;
        PaperworkPending = shortNotice;
        Version++;
        Raise(new ApplicationSubmittedDomainEvent(Facts, rule.Name, Chain[0], by, at));
    }
}
