namespace Crm.IntegrationEvents;

/// <summary>A signed contract makes its customer grade A (DOMAIN.md, Contracts).</summary>
public sealed record ContractSigned : IntegrationEvent
{
    public required Guid ContractId { get; init; }
    public required string ContractNumber { get; init; }
    public required Guid CustomerId { get; init; }
    public required string SignedBy { get; init; }
    public required DateTimeOffset SignedAt { get; init; }
}

/// <summary>A complete contract went for approval: its value, the approvers of its chain, and whether it is over the customer's credit limit.</summary>
public sealed record ContractSubmitted : IntegrationEvent
{
    public required Guid ContractId { get; init; }
    public required string ContractNumber { get; init; }
    public required Guid CustomerId { get; init; }
    public required string Region { get; init; }
    public required decimal Value { get; init; }
    public required string Currency { get; init; }
    public required IReadOnlyList<string> Approvers { get; init; }
    public required bool OverCreditLimit { get; init; }
    public required string SubmittedBy { get; init; }
}

/// <summary>The last approver of the chain approved the contract; it may now be signed.</summary>
public sealed record ContractApproved : IntegrationEvent
{
    public required Guid ContractId { get; init; }
    public required string ContractNumber { get; init; }
    public required Guid CustomerId { get; init; }
    public required string ApprovedBy { get; init; }
}

/// <summary>A signed or active contract was ended early, with the reason.</summary>
public sealed record ContractTerminated : IntegrationEvent
{
    public required Guid ContractId { get; init; }
    public required string ContractNumber { get; init; }
    public required Guid CustomerId { get; init; }
    public required string Reason { get; init; }
    public required string TerminatedBy { get; init; }
}

/// <summary>A signed contract came into force on the first day of its effective period.</summary>
public sealed record ContractActivated : IntegrationEvent
{
    public required Guid ContractId { get; init; }
    public required string ContractNumber { get; init; }
    public required Guid CustomerId { get; init; }
    public required DateOnly EffectiveFrom { get; init; }
}

/// <summary>A contract's effective period ended; <see cref="RenewedBy"/> names its renewal, if it has one.</summary>
public sealed record ContractExpired : IntegrationEvent
{
    public required Guid ContractId { get; init; }
    public required string ContractNumber { get; init; }
    public required Guid CustomerId { get; init; }
    public required DateOnly EffectiveUntil { get; init; }
    public string? RenewedBy { get; init; }
}

/// <summary>
/// A renewal reminder (合同到期提醒) for the contract's owner: it ends in <see cref="DaysLeft"/> days and is neither renewed
/// nor let lapse. A mail or IM integration consumes it.
/// </summary>
public sealed record ContractEndingReminder : IntegrationEvent
{
    public required Guid ContractId { get; init; }
    public required string ContractNumber { get; init; }
    public required Guid CustomerId { get; init; }
    public required string Region { get; init; }
    public required string OwnerId { get; init; }
    public required DateOnly EffectiveUntil { get; init; }
    public required int DaysLeft { get; init; }
}

/// <summary>
/// A dealer's month of sales was recorded (销售记录), or recorded again: its net sales (净销量) and their amount against the
/// month's plan; the version orders the recordings of one dealer-month.
/// </summary>
public sealed record SalesRecorded : IntegrationEvent
{
    public required Guid CustomerId { get; init; }
    public required DateOnly Month { get; init; }
    public required string Region { get; init; }
    public required decimal NetQuantity { get; init; }
    public required decimal NetAmount { get; init; }
    public decimal? PlannedAmount { get; init; }

    /// <summary>Net amount over planned amount; null without a plan.</summary>
    public decimal? OnPlanRate { get; init; }

    public required string RecordedBy { get; init; }
}

/// <summary>
/// A dealer's sale broke the dealers' authority or the floor price (窜货、低价): <see cref="Kind"/> is OutsideAuthority,
/// ExclusiveRegion or BelowFloorPrice; the contracts involved and, for an exclusive region, the dealer who holds it.
/// </summary>
public sealed record CrossRegionSaleDetected : IntegrationEvent
{
    public required Guid AlertId { get; init; }
    public required string AlertNumber { get; init; }
    public required string Kind { get; init; }
    public required Guid CustomerId { get; init; }
    public required DateOnly Month { get; init; }
    public required string ProductCode { get; init; }
    public required string DeliveredRegion { get; init; }
    public required decimal Quantity { get; init; }
    public required decimal Amount { get; init; }
    public required string Reason { get; init; }
    public required IReadOnlyList<string> Contracts { get; init; }
    public Guid? OtherDealerId { get; init; }
}
