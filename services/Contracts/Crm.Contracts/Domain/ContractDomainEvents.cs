using Crm.BuildingBlocks;
using Crm.BuildingBlocks.Domain;

namespace Crm.Contracts.Domain;

/// <summary>A contract was drafted for a customer (it publishes nothing: only a signature changes the customer).</summary>
public sealed record ContractDraftedDomainEvent(
    Guid ContractId, string Number, Guid CustomerId, Money Value, string DraftedBy, DateTimeOffset OccurredAt, long Version) : IDomainEvent;

/// <summary>A draft's terms were revised (publishes nothing).</summary>
public sealed record ContractRevisedDomainEvent(ContractFacts Contract, string By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A contract in force was marked to end without renewal, with the reason (publishes nothing: its reminders stop).</summary>
public sealed record ContractLetLapseDomainEvent(ContractFacts Contract, string Reason, string By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A signed renewal or amendment (<paramref name="Successor"/>) follows the contract; an amendment supersedes it (publishes nothing).</summary>
public sealed record ContractSucceededDomainEvent(ContractFacts Contract, string Successor, bool Superseded, string By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A complete contract went for approval along its chain, after its credit check.</summary>
public sealed record ContractSubmittedDomainEvent(
    ContractFacts Contract, IReadOnlyList<ApprovalStep> Chain, CreditCheck Credit, string By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A step of the chain other than the last approved the contract (publishes nothing: the next step is waited for).</summary>
public sealed record ContractStepApprovedDomainEvent(ContractFacts Contract, string Role, string By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>The last step of the chain approved the contract.</summary>
public sealed record ContractApprovedDomainEvent(ContractFacts Contract, string By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A step returned the contract to its drafter with a comment (publishes nothing beyond the service).</summary>
public sealed record ContractReturnedDomainEvent(ContractFacts Contract, string Role, string Comment, string By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A step rejected the contract with a reason (publishes nothing beyond the service).</summary>
public sealed record ContractRejectedDomainEvent(ContractFacts Contract, string Role, string Reason, string By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>An approved contract was signed; the version is the contract's after the signature.</summary>
public sealed record ContractSignedDomainEvent(
    Guid ContractId, string Number, Guid CustomerId, string SignedBy, DateTimeOffset OccurredAt, long Version) : IDomainEvent;

/// <summary>A signed or active contract was ended early, with the reason.</summary>
public sealed record ContractTerminatedDomainEvent(ContractFacts Contract, string Reason, string By, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A signed contract came into force on the first day of its effective period.</summary>
public sealed record ContractActivatedDomainEvent(ContractFacts Contract, DateOnly EffectiveFrom, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A contract's effective period ended; <paramref name="SucceededBy"/> names its renewal, if it has one.</summary>
public sealed record ContractExpiredDomainEvent(ContractFacts Contract, DateOnly EffectiveUntil, string? SucceededBy, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>A contract in force ends in <paramref name="DaysLeft"/> days and is neither renewed nor let lapse: a renewal reminder.</summary>
public sealed record ContractEndingDomainEvent(ContractFacts Contract, DateOnly EffectiveUntil, int DaysLeft, DateTimeOffset OccurredAt) : IDomainEvent;
