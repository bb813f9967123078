using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Security;
using Crm.IntegrationEvents;

namespace Crm.Hospitality.Domain;

/// <summary>
/// How a visiting customer is received (接待标准): the room, the refreshments and who accompanies them, for customers of
/// the given tiers and grades (empty: any).
/// </summary>
public sealed record ReceptionStandard(
    string Name, IReadOnlyList<CustomerTier> Tiers, IReadOnlyList<CustomerGrade> Grades, string Room, string Refreshments, string AccompaniedBy)
{
    public bool Matches(CustomerTier tier, CustomerGrade grade) => (Tiers.Count == 0 || Tiers.Contains(tier)) && (Grades.Count == 0 || Grades.Contains(grade));
}

/// <summary>
/// The reception standards the CRM supervisor keeps, tried in order (the first that matches the customer applies, the
/// last matches every customer), seeded with the documented ones (<see cref="Documented"/>).
/// </summary>
public sealed class ReceptionStandardSet : AggregateRoot
{
    public const int Current = 1;

    private ReceptionStandardSet()
    {
    }

    public int Id { get; private init; } = Current;
    public List<ReceptionStandard> Standards { get; private set; } = [];
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    /// <summary>0 while the documented standards apply (nothing stored yet).</summary>
    public long Version { get; private set; }

    /// <summary>
    /// Key customers at grade A: the VIP room, coffee, pastries and fruit, with the chairman. Key customers and grades A
    /// and B: the VIP room, coffee, pastries and fruit, with the marketing GM. Everyone else: the reception room, tea and
    /// snacks, with the regional director.
    /// </summary>
    public static ReceptionStandardSet Documented(DateTimeOffset at) => new()
    {
        Standards =
        [
            new("Key customer at A", [CustomerTier.Key], [CustomerGrade.A], "VIP reception room (贵宾接待室)", "Coffee, pastries and fruit (咖啡、糕点、水果)", Roles.Chairman),
            new("Key customer", [CustomerTier.Key], [], "VIP reception room (贵宾接待室)", "Coffee, pastries and fruit (咖啡、糕点、水果)", Roles.MarketingGM),
            new("Grade A/B", [], [CustomerGrade.A, CustomerGrade.B], "VIP reception room (贵宾接待室)", "Coffee, pastries and fruit (咖啡、糕点、水果)", Roles.MarketingGM),
            new("Every customer", [], [], "Reception room (接待室)", "Tea and snacks (茶水、点心)", Roles.RegionalDirector),
        ],
        UpdatedAt = at,
        UpdatedBy = "platform",
    };

    public ReceptionStandard For(CustomerTier tier, CustomerGrade grade) =>
        Standards.FirstOrDefault(s => s.Matches(tier, grade))
        ?? throw new DomainRuleException("No reception standard matches this customer; the last standard must match every customer.");

    public void Replace(IReadOnlyList<ReceptionStandard> standards, string by, DateTimeOffset at)
    {
        Standards = [.. standards];
        UpdatedAt = at;
        UpdatedBy = by;
        Version++;
    }
}
