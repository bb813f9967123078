using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Crm.BuildingBlocks.Http;
using Crm.Customers.Domain;
using Crm.IntegrationEvents;

namespace Crm.Customers.Features;

/// <summary>The most characters of each text of a customer, shared by the request records and CSV import.</summary>
public static class CustomerLimits
{
    public const int Name = 200;
    public const int Code = 50;
    public const int Region = 50;
    public const int Territory = 100;
    public const int Address = 500;
    public const int Phone = 50;
    public const int UserId = 100;
    public const int Reason = 500;
    public const int Note = 500;
}

/// <summary>The card's profile fields as a caller sends them (JSON or a CSV row), checked the same way everywhere.</summary>
public sealed partial record ProfileInput(
    [property: MaxLength(CustomerLimits.Name)] string? Name,
    CustomerKind? Kind,
    [property: MaxLength(CustomerLimits.Region)] string? Region,
    [property: MaxLength(CustomerLimits.Territory)] string? Territory,
    [property: MaxLength(CustomerLimits.Address)] string? Address,
    [property: Range(-90, 90)] double? Latitude,
    [property: Range(-180, 180)] double? Longitude,
    [property: MaxLength(CustomerLimits.Phone)] string? Phone,
    CustomerTier? Tier,
    CoordinateDatum? Datum = null)
{
    public Validation Check(Validation validation)
    {
        validation
            .Limits(this)
            .Required("name", Name)
            .Defined("kind", Kind)
            .Required("region", Region);
        if (Latitude.HasValue != Longitude.HasValue)
        {
            validation.Add(Latitude.HasValue ? "longitude" : "latitude", "Give both coordinates or neither.");
        }

        if (!string.IsNullOrWhiteSpace(Phone) && (!PhonePattern().IsMatch(Phone.Trim()) || Phone.Count(char.IsAsciiDigit) < 5))
        {
            validation.Add("phone", "Digits, spaces and + - ( ) only, at least 5 digits.");
        }

        return validation;
    }

    /// <summary>The profile to store; call after <see cref="Check"/> passed.</summary>
    public CustomerProfile ToProfile() => new(
        Name!.Trim(), Kind!.Value, Region!.Trim(), Territory?.Trim() ?? "", Address?.Trim() ?? "", Latitude, Longitude,
        Phone?.Trim() ?? "", Tier ?? CustomerTier.Ordinary, Datum ?? CoordinateDatum.Wgs84);

    [GeneratedRegex(@"^\+?[0-9 ()\-]+$")]
    private static partial Regex PhonePattern();
}
