using Crm.Customers.Domain;
using Crm.IntegrationEvents;

namespace Crm.Customers.Features;

/// <summary>The customer events, each carrying the card as it is after the change.</summary>
internal static class CustomerEventMapping
{
    public static CustomerRegistered Registered(Customer c, DateTimeOffset at) => new()
    {
        OccurredAt = at, Version = c.Version, CustomerId = c.Id, Code = c.Code, Name = c.Name, Kind = c.Kind,
        Region = c.Region, OwnerId = c.OwnerId, Tier = c.Tier, Grade = c.Grade,
    };

    public static CustomerUpdated Updated(Customer c, DateTimeOffset at) => new()
    {
        OccurredAt = at, Version = c.Version, CustomerId = c.Id, Code = c.Code, Name = c.Name, Kind = c.Kind,
        Region = c.Region, OwnerId = c.OwnerId, Tier = c.Tier, Grade = c.Grade,
    };

    public static CustomerGradeChanged GradeChanged(Customer c, CustomerGrade previous, string reason, string changedBy, DateTimeOffset at) => new()
    {
        OccurredAt = at, Version = c.Version, CustomerId = c.Id, Code = c.Code, Name = c.Name, Kind = c.Kind,
        Region = c.Region, OwnerId = c.OwnerId, Tier = c.Tier, Grade = c.Grade,
        PreviousGrade = previous, Reason = reason, ChangedBy = changedBy,
    };
}
