using Crm.BuildingBlocks.Domain;
using Crm.Contracts.Domain;
using Crm.IntegrationEvents;

namespace Crm.Contracts.Data;

/// <summary>The one place where the Contracts service decides which integration events a domain event publishes.</summary>
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
}
