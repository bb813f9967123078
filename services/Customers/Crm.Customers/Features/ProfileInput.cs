using System.Text.RegularExpressions;
using Crm.BuildingBlocks.Http;
using Crm.Customers.Domain;
using Crm.IntegrationEvents;

namespace Crm.Customers.Features;

/// <summary>The card's profile fields as a caller sends them (JSON or a CSV row), checked the same way everywhere.</summary>
public sealed partial record ProfileInput(
    string? Name, CustomerKind? Kind, string? Region, string? Territory, string? Address, double? Latitude, double? Longitude,
    string? Phone, CustomerTier? Tier)
{
    public Validation Check(Validation validation)
    {
        validation
            .Required("name", Name, 200)
            .Defined("kind", Kind)
            .Required("region", Region, 50)
            .Optional("territory", Territory, 100)
            .Optional("address", Address, 500)
            .Optional("phone", Phone, 50);
        if (Tier is { } tier && !Enum.IsDefined(tier))
        {
            validation.Add("tier", $"Must be one of {string.Join(", ", Enum.GetNames<CustomerTier>())}.");
        }

        if (Latitude is < -90 or > 90)
        {
            validation.Add("latitude", "Must be from -90 to 90.");
        }

        if (Longitude is < -180 or > 180)
        {
            validation.Add("longitude", "Must be from -180 to 180.");
        }

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
        Phone?.Trim() ?? "", Tier ?? CustomerTier.Ordinary);

    [GeneratedRegex(@"^\+?[0-9 ()\-]+$")]
    private static partial Regex PhonePattern();
}
