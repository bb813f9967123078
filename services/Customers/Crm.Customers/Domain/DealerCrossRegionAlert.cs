using Crm.IntegrationEvents;

namespace Crm.Customers.Domain;

/// <summary>
/// A 窜货 or price alert Contracts raised on a dealer's sales (CrossRegionSaleDetected), kept here with the dealer's
/// monthly sales as context for its evaluation's credit criterion (risk control): what was sold where, how much, and why.
/// </summary>
public sealed class DealerCrossRegionAlert
{
    private DealerCrossRegionAlert()
    {
    }

    public DealerCrossRegionAlert(CrossRegionSaleDetected e)
    {
        AlertId = e.AlertId;
        Number = e.AlertNumber;
        CustomerId = e.CustomerId;
        Kind = e.Kind;
        Month = e.Month;
        ProductCode = e.ProductCode;
        DeliveredRegion = e.DeliveredRegion;
        Amount = e.Amount;
        Reason = e.Reason;
        DetectedAt = e.OccurredAt;
    }

    public Guid AlertId { get; private init; }
    public string Number { get; private init; } = "";
    public Guid CustomerId { get; private init; }
    public string Kind { get; private init; } = "";
    public DateOnly Month { get; private init; }
    public string ProductCode { get; private init; } = "";
    public string DeliveredRegion { get; private init; } = "";
    public decimal Amount { get; private init; }
    public string Reason { get; private init; } = "";
    public DateTimeOffset DetectedAt { get; private init; }
}
