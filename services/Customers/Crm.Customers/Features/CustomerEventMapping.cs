using Crm.Customers.Domain;
using Crm.IntegrationEvents;

namespace Crm.Customers.Features;

/// <summary>The customer events, each carrying the card as it is after the change and its version.</summary>
internal static class CustomerEventMapping
{
    public static CustomerRegistered Registered(Customer c, DateTimeOffset at) => new()
    {
        OccurredAt = at, Version = c.Version, CustomerId = c.Id, Code = c.Code, Name = c.Name, Kind = c.Kind,
        Region = c.Region, OwnerId = c.OwnerId, Tier = c.Tier, Grade = c.Grade, Territory = c.Territory, Status = c.Status,
        CreditLimit = c.CreditLimit, CreditCurrency = c.CreditCurrency,
    };

    public static CustomerUpdated Updated(Customer c, IEnumerable<FieldChange> changes, DateTimeOffset at)
    {
        var list = changes.ToList();
        return new()
        {
            OccurredAt = at, Version = c.Version, CustomerId = c.Id, Code = c.Code, Name = c.Name, Kind = c.Kind,
            Region = c.Region, OwnerId = c.OwnerId, Tier = c.Tier, Grade = c.Grade, Territory = c.Territory, Status = c.Status,
            CreditLimit = c.CreditLimit, CreditCurrency = c.CreditCurrency,
            ChangedFields = list.Select(f => f.Field).ToList(),
            PreviousOwnerId = list.FirstOrDefault(f => f.Field == "ownerId")?.From,
        };
    }

    public static CustomerGradeChanged GradeChanged(Customer c, CustomerGrade previous, string reason, string changedBy, DateTimeOffset at) => new()
    {
        OccurredAt = at, Version = c.Version, CustomerId = c.Id, Code = c.Code, Name = c.Name, Kind = c.Kind,
        Region = c.Region, OwnerId = c.OwnerId, Tier = c.Tier, Grade = c.Grade, Territory = c.Territory, Status = c.Status,
        CreditLimit = c.CreditLimit, CreditCurrency = c.CreditCurrency,
        PreviousGrade = previous, Reason = reason, ChangedBy = changedBy,
    };

    public static CustomerDeregistered Deregistered(Customer c, string by, DateTimeOffset at) => new()
    {
        OccurredAt = at, Version = c.Version, CustomerId = c.Id, Code = c.Code, Name = c.Name, Kind = c.Kind,
        Region = c.Region, OwnerId = c.OwnerId, Tier = c.Tier, Grade = c.Grade, Territory = c.Territory, Status = c.Status,
        CreditLimit = c.CreditLimit, CreditCurrency = c.CreditCurrency,
        Reason = c.DeregistrationReason ?? "", DeregisteredBy = by,
    };

    public static CustomerCreditChanged CreditChanged(Customer c, CreditLimitChange change, DateTimeOffset at) => new()
    {
        OccurredAt = at, Version = c.Version, CustomerId = c.Id, Code = c.Code, Name = c.Name, Kind = c.Kind,
        Region = c.Region, OwnerId = c.OwnerId, Tier = c.Tier, Grade = c.Grade, Territory = c.Territory, Status = c.Status,
        CreditLimit = c.CreditLimit, CreditCurrency = c.CreditCurrency,
        PreviousCreditLimit = change.From, Reason = change.Reason, ChangedBy = change.ChangedBy,
    };

    public static CustomerResynced Resynced(Customer c, DateTimeOffset at) => new()
    {
        OccurredAt = at, Version = c.Version, CustomerId = c.Id, Code = c.Code, Name = c.Name, Kind = c.Kind,
        Region = c.Region, OwnerId = c.OwnerId, Tier = c.Tier, Grade = c.Grade, Territory = c.Territory, Status = c.Status,
        CreditLimit = c.CreditLimit, CreditCurrency = c.CreditCurrency,
    };
}
