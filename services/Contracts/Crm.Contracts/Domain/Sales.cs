using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Security;

namespace Crm.Contracts.Domain;

/// <summary>A line of a monthly sales plan: a product of the catalogue, the quantity and the amount (CNY) aimed at.</summary>
public sealed record PlanLine(
    [property: MaxLength(ContractLimits.Code)] string? ProductCode,
    [property: Range(typeof(decimal), "0", "999999999")] decimal? Quantity,
    [property: Range(typeof(decimal), "0", Crm.BuildingBlocks.Money.MaxAmount)] decimal? Amount);

/// <summary>
/// A dealer's monthly sales plan (销售计划): targets by product (quantity and amount), the progress plan (进度计划) and the
/// support the company promises (销售支持). One per dealer and month, kept by the dealer's rep or a manager of its region.
/// </summary>
public sealed class SalesPlan : AggregateRoot, IRegionOwned, IVersionedAggregate
{
    private SalesPlan()
    {
    }

    public Guid Id { get; private init; }
    public Guid CustomerId { get; private init; }
    public string CustomerName { get; private set; } = "";
    public string Region { get; private set; } = "";
    public string OwnerId { get; private set; } = "";

    /// <summary>The first day of the month planned.</summary>
    public DateOnly Month { get; private init; }

    public List<PlanLine> Lines { get; private set; } = [];
    public string Progress { get; private set; } = "";
    public string Support { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public long Version { get; private set; }

    public decimal PlannedAmount() => Lines.Sum(l => l.Amount ?? 0);

    public static SalesPlan Start(Guid customerId, DateOnly month) => new() { Id = Guid.CreateVersion7(), CustomerId = customerId, Month = month };

    public void Replace(string customerName, string region, string ownerId, IReadOnlyList<PlanLine> lines, string progress, string support, string by, DateTimeOffset at)
    {
        CustomerName = customerName;
        Region = region;
        OwnerId = ownerId;
        Lines = [.. lines];
        Progress = progress;
        Support = support;
        UpdatedAt = at;
        UpdatedBy = by;
        Version++;
    }
}

/// <summary>
/// A dealer's sales of one product in a month, by where the goods were delivered (销售记录): gross sales (毛销量), net sales
/// to end customers (净销量) and their amount, stock at the dealer (存销量) and slow-moving stock (滞销量). Entered by the
/// dealer's rep or dealer administration, by hand or imported from CSV; a row entered again replaces the earlier one.
/// </summary>
public sealed class SalesRecord : IRegionOwned
{
    public Guid Id { get; init; }
    public Guid CustomerId { get; init; }
    public string Region { get; set; } = "";
    public string OwnerId { get; set; } = "";
    public DateOnly Month { get; init; }
    public string ProductCode { get; init; } = "";

    /// <summary>The region the goods were delivered to (where the end customers are).</summary>
    public string DeliveredRegion { get; init; } = "";

    public decimal GrossQuantity { get; set; }
    public decimal NetQuantity { get; set; }
    public decimal NetAmount { get; set; }
    public decimal StockQuantity { get; set; }
    public decimal SlowMovingQuantity { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>The month a sales plan or record is for: its first day; text as yyyy-MM.</summary>
public static class SalesMonth
{
    /// <summary>The rule a month in a request or a file must follow, as a validation message says it.</summary>
    public const string Rule = "A month as yyyy-MM, such as 2026-03.";

    public static string Text(DateOnly month) => month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateOnly month)
    {
        month = default;
        return text is { Length: 7 } && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out month);
    }
}

/// <summary>
/// A dealer's month of sales as a whole: the totals of its records, kept with them, and what the month's records say
/// against its plan. Recording publishes SalesRecorded, which Customers' evaluation reads.
/// </summary>
public sealed class MonthlySales : AggregateRoot, IRegionOwned
{
    private MonthlySales()
    {
    }

    public Guid Id { get; private init; }
    public Guid CustomerId { get; private init; }
    public DateOnly Month { get; private init; }
    public string Region { get; private set; } = "";
    public string OwnerId { get; private set; } = "";
    public decimal GrossQuantity { get; private set; }
    public decimal NetQuantity { get; private set; }
    public decimal NetAmount { get; private set; }
    public decimal StockQuantity { get; private set; }
    public decimal SlowMovingQuantity { get; private set; }
    public long Version { get; private set; }

    public static MonthlySales Start(Guid customerId, DateOnly month) => new() { Id = Guid.CreateVersion7(), CustomerId = customerId, Month = month };

    /// <summary>Takes the month's totals from its records as they now stand, with the plan's amount (if any) for the on-plan rate.</summary>
    public void Record(string region, string ownerId, IReadOnlyCollection<SalesRecord> records, decimal? plannedAmount, string by, DateTimeOffset at)
    {
        Region = region;
        OwnerId = ownerId;
        GrossQuantity = records.Sum(r => r.GrossQuantity);
        NetQuantity = records.Sum(r => r.NetQuantity);
        NetAmount = records.Sum(r => r.NetAmount);
        StockQuantity = records.Sum(r => r.StockQuantity);
        SlowMovingQuantity = records.Sum(r => r.SlowMovingQuantity);
        Version++;
        Raise(new SalesRecordedDomainEvent(CustomerId, Month, Region, NetQuantity, NetAmount, plannedAmount, by, at, Version));
    }
}

/// <summary>A dealer's month of sales was recorded (or recorded again): its net sales against its plan.</summary>
public sealed record SalesRecordedDomainEvent(
    Guid CustomerId, DateOnly Month, string Region, decimal NetQuantity, decimal NetAmount, decimal? PlannedAmount, string By, DateTimeOffset OccurredAt, long Version) : IDomainEvent
{
    /// <summary>Net sales over the planned amount; null without a plan (or a plan of nothing).</summary>
    public decimal? OnPlanRate => PlannedAmount is > 0 ? decimal.Round(NetAmount / PlannedAmount.Value, 4) : null;
}
