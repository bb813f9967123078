namespace Crm.BuildingBlocks;

/// <summary>An amount of money: a decimal amount and an ISO 4217 currency code (CNY unless said otherwise).</summary>
public sealed record Money(decimal Amount, string Currency = Money.DefaultCurrency)
{
    public const string DefaultCurrency = "CNY";

    /// <summary>
    /// The largest amount any request may carry (under 10¹⁵, two decimals): it fits every amount column (18, 2) and
    /// every sum of them. Text, because [Range] takes a decimal bound only as a string.
    /// </summary>
    public const string MaxAmount = "999999999999999.99";
}
