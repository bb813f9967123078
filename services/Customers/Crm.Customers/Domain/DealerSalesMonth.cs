using Crm.IntegrationEvents;

namespace Crm.Customers.Domain;

/// <summary>
/// A dealer's month of sales as Contracts recorded it (SalesRecorded): net sales and their amount against the month's
/// plan. Kept here as context for the dealer's evaluation (its transaction and credit criteria); the newest recording of
/// a month wins (the version orders them).
/// </summary>
public sealed class DealerSalesMonth
{
    private DealerSalesMonth()
    {
    }

    public DealerSalesMonth(SalesRecorded e)
    {
        CustomerId = e.CustomerId;
        Month = e.Month;
        Apply(e);
    }

    public Guid CustomerId { get; private init; }
    public DateOnly Month { get; private init; }
    public decimal NetQuantity { get; private set; }
    public decimal NetAmount { get; private set; }
    public decimal? PlannedAmount { get; private set; }
    public decimal? OnPlanRate { get; private set; }
    public long Version { get; private set; }

    /// <summary>Takes a newer recording of the month; an older one arriving late changes nothing.</summary>
    public bool Apply(SalesRecorded e)
    {
        if (e.Version <= Version)
        {
            return false;
        }

        NetQuantity = e.NetQuantity;
        NetAmount = e.NetAmount;
        PlannedAmount = e.PlannedAmount;
        OnPlanRate = e.OnPlanRate;
        Version = e.Version;
        return true;
    }
}
