using System.Globalization;

namespace Crm.Portal.Components.Shared;

/// <summary>Money as the user's culture writes numbers, with its currency code.</summary>
public static class Amounts
{
    public static string Of(decimal amount, string currency) => $"{amount.ToString("N2", CultureInfo.CurrentCulture)} {currency}";
}
