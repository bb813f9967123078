namespace Crm.BuildingBlocks;

/// <summary>An amount of money: a decimal amount and an ISO 4217 currency code (CNY unless said otherwise).</summary>
public sealed record Money(decimal Amount, string Currency = Money.DefaultCurrency)
{
    public const string DefaultCurrency = "CNY";
}
