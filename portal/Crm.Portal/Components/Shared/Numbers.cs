using System.Globalization;

namespace Crm.Portal.Components.Shared;

/// <summary>Numbers as the user's culture writes them.</summary>
public static class Numbers
{
    /// <summary>An amount of money, with two decimals and the culture's grouping.</summary>
    public static string Amount(decimal value) => value.ToString("N2", CultureInfo.CurrentCulture);

    /// <summary>An amount of money with its currency code.</summary>
    public static string Amount(decimal value, string currency) => $"{Amount(value)} {currency}";
}
