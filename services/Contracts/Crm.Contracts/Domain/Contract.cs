using Crm.BuildingBlocks;
using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Security;

namespace Crm.Contracts.Domain;

/// <summary>
/// Draft → submitted → in approval → approved → signed → active → expired, or terminated with a reason; returned to its
/// drafter or rejected on the way; superseded once an amendment of it is signed.
/// </summary>
public enum ContractStatus { Draft, Submitted, InApproval, Returned, Rejected, Approved, Signed, Active, Expired, Terminated, Superseded }

public enum ContractDecisionKind { Approve, Return, Reject }

/// <summary>One decision on the chain: the step's role, the decision, who, when and the comment.</summary>
public sealed record ContractDecision(string Role, ContractDecisionKind Decision, string By, DateTimeOffset At, string? Comment);

/// <summary>
/// The signature (签订): the day and place it was signed, who signed for the company and for the dealer, and the
/// custodian (合同专管员) who holds the original.
/// </summary>
public sealed record Signature(DateOnly SignedOn, string Place, string CompanySignatory, string CustomerSignatory, string Custodian, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// A distribution agreement with a dealer (经销合同): drafted from a template version, which fills its standard clauses;
/// completed part by part; submitted for approval along the chain the rules give it (its value, exclusive authority,
/// non-standard clauses and the customer's credit); signed, which makes the customer grade A; in force over its
/// effective period. The customer's region and owner are copied from the read model, so access is scoped like the
/// customer's.
/// </summary>
public sealed class Contract : AggregateRoot, IRegionOwned, IVersionedAggregate
{
    private Contract()
    {
    }

    public Guid Id { get; private init; }
    public string Number { get; private init; } = "";
    public Guid CustomerId { get; private init; }
    public string CustomerName { get; private init; } = "";
    public string Region { get; private init; } = "";
    public string OwnerId { get; private init; } = "";
    public string Title { get; private set; } = "";
    public Money Value { get; private set; } = new(0);
    public string TemplateCode { get; private init; } = "";
    public int TemplateVersion { get; private init; }
    public ContractTerms Terms { get; private set; } = ContractTerms.Empty;
    public ContractStatus Status { get; private set; }
    public List<ApprovalStep> Chain { get; private set; } = [];
    public List<ContractDecision> Decisions { get; private set; } = [];

    /// <summary>The role the contract waits for, while in approval.</summary>
    public string? WaitingFor { get; private set; }

    /// <summary>The credit check made when it was last submitted.</summary>
    public CreditCheck? Credit { get; private set; }

    public DateTimeOffset CreatedAt { get; private init; }
    public string CreatedBy { get; private init; } = "";
    public DateTimeOffset? SubmittedAt { get; private set; }
    public Signature? Signature { get; private set; }

    /// <summary>The whole contract as signed (HTML with a print stylesheet), and its SHA-256 hash.</summary>
    public string? Document { get; private set; }

    public string? DocumentHash { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }
    public string? SignedBy { get; private set; }
    public string? TerminationReason { get; private set; }

    /// <summary>The contract this one amends (a new version of it) or renews (a new term after it).</summary>
    public Guid? AmendsContractId { get; private init; }

    public Guid? RenewsContractId { get; private init; }

    /// <summary>The signed renewal or amendment that follows this contract; no renewal reminders once there is one.</summary>
    public string? SucceededBy { get; private set; }

    /// <summary>Why the contract is let lapse on purpose at its end (no renewal reminders); null while it is not.</summary>
    public string? LapseReason { get; private set; }

    /// <summary>The renewal reminders already sent, by days before the end: each is sent once.</summary>
    public List<int> RemindersSent { get; private set; } = [];

    public long Version { get; private set; }

    public static Contract Draft(string number, Guid customerId, string customerName, string region, string ownerId, string title,
        ContractTemplate template, ContractTerms terms, string createdBy, DateTimeOffset at) =>
        Draft(number, customerId, customerName, region, ownerId, title, template.Code, template.Version, terms, createdBy, at, null, null);

    /// <summary>
    /// A new version of a signed or active contract (修订): its terms copied into a draft that goes through approval again;
    /// when the amendment is signed, this contract is superseded and kept.
    /// </summary>
    public Contract Amend(string number, string by, DateTimeOffset at)
    {
        EnsureInForce("amended");
        return Draft(number, CustomerId, CustomerName, Region, OwnerId, Title, TemplateCode, TemplateVersion, Terms, by, at, Id, null);
    }

    /// <summary>
    /// The next term of a contract (续签): its terms copied into a draft whose authority and effective period start the day
    /// after this one ends and last as long (as many months, for a term of whole months).
    /// </summary>
    public Contract Renew(string number, string by, DateTimeOffset at)
    {
        if (Status is not (ContractStatus.Signed or ContractStatus.Active or ContractStatus.Expired))
        {
            throw new DomainRuleException($"Contract {Number} is {Status}; only a signed, active or expired contract is renewed.");
        }

        var terms = Terms;
        if (terms.Signing is { EffectiveFrom: { } from, EffectiveUntil: { } until })
        {
            // A term of whole months (the usual: a year, a half-year) renews for as many months; any other for as many days.
            var next = until.AddDays(1);
            var months = ((next.Year - from.Year) * 12) + next.Month - from.Month;
            var ends = from.AddMonths(months) == next ? next.AddMonths(months).AddDays(-1) : next.AddDays(until.DayNumber - from.DayNumber);
            terms = terms with
            {
                Signing = terms.Signing with { EffectiveFrom = next, EffectiveUntil = ends },
                Authority = terms.Authority is null ? null : terms.Authority with { From = next, Until = ends },
            };
        }

        return Draft(number, CustomerId, CustomerName, Region, OwnerId, Title, TemplateCode, TemplateVersion, terms, by, at, null, Id);
    }

    private static Contract Draft(string number, Guid customerId, string customerName, string region, string ownerId, string title,
        string templateCode, int templateVersion, ContractTerms terms, string createdBy, DateTimeOffset at, Guid? amends, Guid? renews)
    {
        var contract = new Contract
        {
            Id = Guid.CreateVersion7(at),
            Number = number,
            CustomerId = customerId,
            CustomerName = customerName,
            Region = region,
            OwnerId = ownerId,
            Title = title,
            TemplateCode = templateCode,
            TemplateVersion = templateVersion,
            AmendsContractId = amends,
            RenewsContractId = renews,
            Terms = terms,
            Value = new Money(terms.TotalValue()),
            Status = ContractStatus.Draft,
            CreatedAt = at,
            CreatedBy = createdBy,
            Version = 1,
        };
        contract.Raise(new ContractDraftedDomainEvent(contract.Id, contract.Number, customerId, contract.Value, createdBy, at, contract.Version));
        return contract;
    }

    /// <summary>Replaces the terms (and the title) of a draft, or of a contract returned to its drafter.</summary>
    public void Revise(string title, ContractTerms terms, string by, DateTimeOffset at)
    {
        if (Status is not (ContractStatus.Draft or ContractStatus.Returned))
        {
            throw new DomainRuleException($"Contract {Number} is {Status}; only a draft or a returned contract is revised.");
        }

        Title = title;
        Terms = terms;
        Value = new Money(terms.TotalValue());
        Version++;
        Raise(new ContractRevisedDomainEvent(Facts, by, at));
    }

    /// <summary>
    /// Submits a complete contract along <paramref name="chain"/> (the rules' chain for its value, authority, clauses and
    /// credit). Its completeness is checked by the caller, who names what is missing.
    /// </summary>
    public void Submit(IReadOnlyList<ApprovalStep> chain, CreditCheck credit, string by, DateTimeOffset at)
    {
        if (Status is not (ContractStatus.Draft or ContractStatus.Returned))
        {
            throw new DomainRuleException($"Contract {Number} is {Status}; only a draft or a returned contract is submitted.");
        }

        Chain = [.. chain];
        Credit = credit;
        WaitingFor = chain[0].Role;
        Status = ContractStatus.Submitted;
        SubmittedAt = at;
        Version++;
        Raise(new ContractSubmittedDomainEvent(Facts, Chain, credit, by, at));
    }

    /// <summary>The waiting step's role approves (on to the next step, or approved), returns it to its drafter, or rejects it.</summary>
    public void Decide(ContractDecisionKind decision, string role, string? comment, string by, DateTimeOffset at)
    {
        if (WaitingFor is null || Status is not (ContractStatus.Submitted or ContractStatus.InApproval))
        {
            throw new DomainRuleException($"Contract {Number} is {Status}; it waits for no decision.");
        }

        if (WaitingFor != role)
        {
            throw new DomainRuleException($"Contract {Number} waits for the {WaitingFor}.");
        }

        if (by == CreatedBy)
        {
            throw new DomainRuleException($"Contract {Number} was drafted by {by}, who does not approve it.");
        }

        if (decision != ContractDecisionKind.Approve && string.IsNullOrWhiteSpace(comment))
        {
            throw new DomainRuleException("A returned or rejected contract needs a comment saying why.");
        }

        Decisions = [.. Decisions, new ContractDecision(role, decision, by, at, comment)];
        Version++;
        var next = Chain.FindIndex(s => s.Role == role) + 1;
        WaitingFor = null;
        switch (decision)
        {
            case ContractDecisionKind.Approve when next < Chain.Count:
                Status = ContractStatus.InApproval;
                WaitingFor = Chain[next].Role;
                Raise(new ContractStepApprovedDomainEvent(Facts, role, by, at));
                break;
            case ContractDecisionKind.Approve:
                Status = ContractStatus.Approved;
                Raise(new ContractApprovedDomainEvent(Facts, by, at));
                break;
            case ContractDecisionKind.Return:
                Status = ContractStatus.Returned;
                Raise(new ContractReturnedDomainEvent(Facts, role, comment!, by, at));
                break;
            default:
                Status = ContractStatus.Rejected;
                Raise(new ContractRejectedDomainEvent(Facts, role, comment!, by, at));
                break;
        }
    }

    /// <summary>
    /// Records the signature of an approved contract with the document of the whole contract as signed and its hash;
    /// the customer becomes grade A. A contract whose effective period has begun is in force at once.
    /// </summary>
    public void Sign(Signature signature, string document, string documentHash, DateTimeOffset at)
    {
        if (Status != ContractStatus.Approved)
        {
            throw new DomainRuleException($"Contract {Number} is {Status}; only an approved contract is signed.");
        }

        Status = ContractStatus.Signed;
        Signature = signature;
        Document = document;
        DocumentHash = documentHash;
        SignedAt = at;
        SignedBy = signature.RecordedBy;
        Version++;
        Raise(new ContractSignedDomainEvent(Id, Number, CustomerId, signature.RecordedBy, at, Version));
    }

    /// <summary>Ends a signed or active contract early, with the reason.</summary>
    public void Terminate(string reason, string by, DateTimeOffset at)
    {
        if (Status is not (ContractStatus.Signed or ContractStatus.Active))
        {
            throw new DomainRuleException($"Contract {Number} is {Status}; only a signed or active contract is terminated.");
        }

        Status = ContractStatus.Terminated;
        TerminationReason = reason;
        Version++;
        Raise(new ContractTerminatedDomainEvent(Facts, reason, by, at));
    }

    /// <summary>A signed contract comes into force on the first day of its effective period, in the company's time zone.</summary>
    public bool Activate(DateOnly today, DateTimeOffset at)
    {
        if (Status != ContractStatus.Signed || Terms.Signing?.EffectiveFrom is not { } from || from > today)
        {
            return false;
        }

        Status = ContractStatus.Active;
        Version++;
        Raise(new ContractActivatedDomainEvent(Facts, from, at));
        return true;
    }

    /// <summary>A signed or active contract expires after the last day of its effective period.</summary>
    public bool Expire(DateOnly today, DateTimeOffset at)
    {
        if (Status is not (ContractStatus.Signed or ContractStatus.Active) || Terms.Signing?.EffectiveUntil is not { } until || until >= today)
        {
            return false;
        }

        Status = ContractStatus.Expired;
        Version++;
        Raise(new ContractExpiredDomainEvent(Facts, until, SucceededBy, at));
        return true;
    }

    /// <summary>
    /// The renewal reminder due today, if any: once for each of <paramref name="reminderDays"/> before the end that has
    /// been reached, while the contract is in force, not renewed and not let lapse on purpose.
    /// </summary>
    public bool Remind(DateOnly today, IReadOnlyList<int> reminderDays, DateTimeOffset at)
    {
        if (Status is not (ContractStatus.Signed or ContractStatus.Active) || SucceededBy is not null || LapseReason is not null
            || Terms.Signing?.EffectiveUntil is not { } until)
        {
            return false;
        }

        var left = until.DayNumber - today.DayNumber;
        var due = reminderDays.Where(d => left <= d && !RemindersSent.Contains(d)).ToList();
        if (due.Count == 0 || left < 0)
        {
            return false;
        }

        RemindersSent = [.. RemindersSent, .. due];
        Version++;
        Raise(new ContractEndingDomainEvent(Facts, until, left, at));
        return true;
    }

    /// <summary>Marks a contract in force to end without renewal, with the reason: its reminders stop.</summary>
    public void LetLapse(string reason, string by, DateTimeOffset at)
    {
        EnsureInForce("let lapse");
        LapseReason = reason;
        Version++;
        Raise(new ContractLetLapseDomainEvent(Facts, reason, by, at));
    }

    /// <summary>A signed renewal or amendment follows this contract; an amendment supersedes it.</summary>
    public void SucceededByContract(Contract next, DateTimeOffset at)
    {
        SucceededBy = next.Number;
        if (next.AmendsContractId == Id && Status is ContractStatus.Signed or ContractStatus.Active)
        {
            Status = ContractStatus.Superseded;
        }

        Version++;
        Raise(new ContractSucceededDomainEvent(Facts, next.Number, Status == ContractStatus.Superseded, next.SignedBy ?? "", at));
    }

    private void EnsureInForce(string what)
    {
        if (Status is not (ContractStatus.Signed or ContractStatus.Active))
        {
            throw new DomainRuleException($"Contract {Number} is {Status}; only a signed or active contract is {what}.");
        }
    }

    /// <summary>The statuses whose value counts in the customer's credit exposure: approved and not yet ended.</summary>
    public static readonly IReadOnlyList<ContractStatus> Exposed = [ContractStatus.Approved, ContractStatus.Signed, ContractStatus.Active];

    private ContractFacts Facts => new(Id, Number, CustomerId, Region, OwnerId, Value, Version);
}

/// <summary>What every contract event says of the contract it happened to.</summary>
public sealed record ContractFacts(Guid ContractId, string Number, Guid CustomerId, string Region, string OwnerId, Money Value, long Version);
