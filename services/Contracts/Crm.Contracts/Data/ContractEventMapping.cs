using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.Domain;
using Crm.Contracts.Domain;
using Crm.IntegrationEvents;

namespace Crm.Contracts.Data;

/// <summary>The one place where the Contracts service decides which integration events a domain event publishes, and its audit line.</summary>
internal static class ContractEventMapping
{
    public static IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) => domainEvent switch
    {
        ContractSubmittedDomainEvent e =>
        [
            new ContractSubmitted
            {
                OccurredAt = e.OccurredAt, Version = e.Contract.Version, ContractId = e.Contract.ContractId, ContractNumber = e.Contract.Number,
                CustomerId = e.Contract.CustomerId, Region = e.Contract.Region, Value = e.Contract.Value.Amount, Currency = e.Contract.Value.Currency,
                Approvers = [.. e.Chain.Select(s => s.Role)], OverCreditLimit = e.Credit.IsOver, SubmittedBy = e.By,
            },
        ],
        ContractApprovedDomainEvent e =>
        [
            new ContractApproved
            {
                OccurredAt = e.OccurredAt, Version = e.Contract.Version, ContractId = e.Contract.ContractId, ContractNumber = e.Contract.Number,
                CustomerId = e.Contract.CustomerId, ApprovedBy = e.By,
            },
        ],
        ContractSignedDomainEvent e =>
        [
            new ContractSigned
            {
                OccurredAt = e.OccurredAt,
                Version = e.Version,
                ContractId = e.ContractId,
                ContractNumber = e.Number,
                CustomerId = e.CustomerId,
                SignedBy = e.SignedBy,
                SignedAt = e.OccurredAt,
            },
        ],
        ContractTerminatedDomainEvent e =>
        [
            new ContractTerminated
            {
                OccurredAt = e.OccurredAt, Version = e.Contract.Version, ContractId = e.Contract.ContractId, ContractNumber = e.Contract.Number,
                CustomerId = e.Contract.CustomerId, Reason = e.Reason, TerminatedBy = e.By,
            },
        ],
        ContractActivatedDomainEvent e =>
        [
            new ContractActivated
            {
                OccurredAt = e.OccurredAt, Version = e.Contract.Version, ContractId = e.Contract.ContractId, ContractNumber = e.Contract.Number,
                CustomerId = e.Contract.CustomerId, EffectiveFrom = e.EffectiveFrom,
            },
        ],
        ContractExpiredDomainEvent e =>
        [
            new ContractExpired
            {
                OccurredAt = e.OccurredAt, Version = e.Contract.Version, ContractId = e.Contract.ContractId, ContractNumber = e.Contract.Number,
                CustomerId = e.Contract.CustomerId, EffectiveUntil = e.EffectiveUntil, RenewedBy = e.SucceededBy,
            },
        ],
        ContractEndingDomainEvent e =>
        [
            new ContractEndingReminder
            {
                OccurredAt = e.OccurredAt, Version = e.Contract.Version, ContractId = e.Contract.ContractId, ContractNumber = e.Contract.Number,
                CustomerId = e.Contract.CustomerId, Region = e.Contract.Region, OwnerId = e.Contract.OwnerId, EffectiveUntil = e.EffectiveUntil, DaysLeft = e.DaysLeft,
            },
        ],
        SalesRecordedDomainEvent e =>
        [
            new SalesRecorded
            {
                OccurredAt = e.OccurredAt, Version = e.Version, CustomerId = e.CustomerId, Month = e.Month, Region = e.Region, NetQuantity = e.NetQuantity,
                NetAmount = e.NetAmount, PlannedAmount = e.PlannedAmount, OnPlanRate = e.OnPlanRate, RecordedBy = e.By,
            },
        ],
        CrossRegionSaleDetectedDomainEvent e =>
        [
            new CrossRegionSaleDetected
            {
                OccurredAt = e.OccurredAt, Version = 1, AlertId = e.AlertId, AlertNumber = e.Number, Kind = e.Kind.ToString(), CustomerId = e.CustomerId,
                Month = e.Month, ProductCode = e.ProductCode, DeliveredRegion = e.DeliveredRegion, Quantity = e.Quantity, Amount = e.Amount, Reason = e.Reason,
                Contracts = e.Contracts, OtherDealerId = e.OtherDealerId,
            },
        ],
        _ => [],
    };

    /// <summary>
    /// The audit line of a change: who, which contract, and what changed. A dealer's month of sales is about the dealer;
    /// what the calendar or the sales check did by itself is the system's.
    /// </summary>
    public static AuditLine? ToAudit(IDomainEvent domainEvent) => domainEvent switch
    {
        ContractDraftedDomainEvent e => new(e.DraftedBy, AuditActions.Drafted, e.ContractId, new { number = e.Number, customerId = e.CustomerId, value = e.Value }),
        ContractRevisedDomainEvent e => new(e.By, AuditActions.Revised, e.Contract.ContractId, new { number = e.Contract.Number, value = e.Contract.Value }),
        ContractSubmittedDomainEvent e => new(e.By, AuditActions.Submitted, e.Contract.ContractId,
            new { number = e.Contract.Number, approvers = e.Chain.Select(s => s.Role), overCreditLimit = e.Credit.IsOver }),
        ContractStepApprovedDomainEvent e => new(e.By, AuditActions.StepApproved, e.Contract.ContractId, new { number = e.Contract.Number, role = e.Role }),
        ContractApprovedDomainEvent e => new(e.By, AuditActions.Approved, e.Contract.ContractId, new { number = e.Contract.Number }),
        ContractReturnedDomainEvent e => new(e.By, AuditActions.Returned, e.Contract.ContractId, new { number = e.Contract.Number, role = e.Role, comment = e.Comment }),
        ContractRejectedDomainEvent e => new(e.By, AuditActions.Rejected, e.Contract.ContractId, new { number = e.Contract.Number, role = e.Role, reason = e.Reason }),
        ContractSignedDomainEvent e => new(e.SignedBy, AuditActions.Signed, e.ContractId, new { number = e.Number }),
        ContractTerminatedDomainEvent e => new(e.By, AuditActions.Terminated, e.Contract.ContractId, new { number = e.Contract.Number, reason = e.Reason }),
        ContractLetLapseDomainEvent e => new(e.By, AuditActions.LetLapse, e.Contract.ContractId, new { number = e.Contract.Number, reason = e.Reason }),
        ContractSucceededDomainEvent e => new(e.By, AuditActions.Succeeded, e.Contract.ContractId,
            new { number = e.Contract.Number, succeededBy = e.Successor, superseded = e.Superseded }),
        ContractActivatedDomainEvent e => new(AuditEntry.System, AuditActions.Activated, e.Contract.ContractId,
            new { number = e.Contract.Number, effectiveFrom = e.EffectiveFrom }),
        ContractExpiredDomainEvent e => new(AuditEntry.System, AuditActions.Expired, e.Contract.ContractId,
            new { number = e.Contract.Number, effectiveUntil = e.EffectiveUntil, succeededBy = e.SucceededBy }),
        SalesRecordedDomainEvent e => new(e.By, AuditActions.SalesRecorded, e.CustomerId,
            new { month = e.Month, region = e.Region, netQuantity = e.NetQuantity, netAmount = e.NetAmount, plannedAmount = e.PlannedAmount, onPlanRate = e.OnPlanRate }),
        CrossRegionSaleDetectedDomainEvent e => new(AuditEntry.System, AuditActions.CrossRegionSaleDetected, e.AlertId,
            new { number = e.Number, kind = e.Kind, customerId = e.CustomerId, month = e.Month, productCode = e.ProductCode, deliveredRegion = e.DeliveredRegion, amount = e.Amount, reason = e.Reason }),
        _ => null,
    };
}
