using System.Globalization;
using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.Domain;
using Crm.Customers.Domain;
using Crm.IntegrationEvents;

namespace Crm.Customers.Data;

/// <summary>
/// The one place where the Customers service decides what a domain event means outside the aggregate: the integration
/// events it publishes (each carrying the card as it was right after the change, and its version) and its audit line.
/// </summary>
internal static class CustomerEventMapping
{
    public static IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) => domainEvent switch
    {
        CustomerRegisteredDomainEvent e => [Registered(e.Customer, e.OccurredAt)],
        CustomerProfileChangedDomainEvent e => [Updated(e.Customer, e.Changes, e.OccurredAt)],
        CustomerOwnerReassignedDomainEvent e => [Updated(e.Customer, [e.Change], e.OccurredAt)],
        CustomerGradeChangedDomainEvent e => [GradeChanged(e)],
        CustomerDeregisteredDomainEvent e => [Deregistered(e)],
        CustomerCreditLimitChangedDomainEvent e => [CreditChanged(e)],
        CustomerRepublishedDomainEvent e => [Resynced(e.Customer, e.OccurredAt)],
        _ => [],
    };

    /// <summary>The audit line of a change: who, when, which customer, and each field's old and new value.</summary>
    public static AuditLine? ToAudit(IDomainEvent domainEvent) => domainEvent switch
    {
        CustomerRegisteredDomainEvent e => new(e.By, AuditActions.Registered, e.Customer.Id,
            new { code = e.Customer.Code, ownerId = e.Customer.OwnerId, grade = e.Customer.Grade.ToString(), profile = e.Customer.Profile, source = e.Source }),
        CustomerProfileChangedDomainEvent e => new(e.By, AuditActions.ProfileChanged, e.Customer.Id, new { changes = e.Changes, source = e.Source }),
        CustomerOwnerReassignedDomainEvent e => new(e.By, AuditActions.OwnerReassigned, e.Customer.Id, new { changes = new[] { e.Change }, reason = e.Reason }),
        CustomerGradeChangedDomainEvent e => new(e.By, AuditActions.GradeChanged, e.Customer.Id,
            new { changes = new[] { new FieldChange("grade", e.From.ToString(), e.Customer.Grade.ToString()) }, reason = e.Reason, source = e.SourceId }),
        CustomerDeregisteredDomainEvent e => new(e.By, AuditActions.Deregistered, e.Customer.Id,
            new { changes = new[] { new FieldChange("status", nameof(CustomerStatus.Active), nameof(CustomerStatus.Deregistered)), new FieldChange("deregistrationReason", null, e.Reason) } }),
        CustomerVerifiedDomainEvent e => new(e.By, AuditActions.Verified, e.Customer.Id,
            new { changes = new[] { new FieldChange("lastVerifiedAt", e.PreviouslyVerifiedAt?.ToString("O"), e.OccurredAt.ToString("O")) } }),
        CustomerCreditLimitChangedDomainEvent e => new(e.By, AuditActions.CreditLimitChanged, e.Customer.Id,
            new { changes = new[] { new FieldChange("creditLimit", Amount(e.From), Amount(e.Customer.CreditLimit)) }, reason = e.Reason }),
        KeyPersonAddedDomainEvent e => new(e.By, AuditActions.KeyPersonAdded, e.Customer.Id, new { keyPersonId = e.KeyPersonId, details = e.Details }),
        KeyPersonChangedDomainEvent e => new(e.By, AuditActions.KeyPersonChanged, e.Customer.Id, new { keyPersonId = e.KeyPersonId, changes = e.Changes }),
        KeyPersonRemovedDomainEvent e => new(e.By, AuditActions.KeyPersonRemoved, e.Customer.Id, new { keyPersonId = e.KeyPersonId, details = e.Details }),
        GradeProposalDecidedDomainEvent e => new(e.By, AuditActions.GradeProposalDecided, e.CustomerId,
            new { proposalId = e.ProposalId, decision = e.Decision.ToString(), note = e.Note }),
        DeregistrationProposalDecidedDomainEvent e => new(e.By, AuditActions.DeregistrationProposalDecided, e.CustomerId,
            new { proposalId = e.ProposalId, decision = e.Decision.ToString(), note = e.Note }),
        CustomerEvaluatedDomainEvent e => new(e.By, AuditActions.Evaluated, e.CustomerId,
            new { evaluationId = e.EvaluationId, score = e.Score, outcome = e.Outcome.ToString() }),
        EvaluationWeightsChangedDomainEvent e => new(e.By, AuditActions.EvaluationWeightsChanged, null, new { before = e.Before, after = e.After }),
        _ => null,
    };

    private static CustomerRegistered Registered(CustomerCard c, DateTimeOffset at) => new()
    {
        OccurredAt = at, Version = c.Version, CustomerId = c.Id, Code = c.Code, Name = c.Profile.Name, Kind = c.Profile.Kind,
        Region = c.Profile.Region, OwnerId = c.OwnerId, Tier = c.Profile.Tier, Grade = c.Grade, Territory = c.Profile.Territory, Status = c.Status,
        Address = c.Profile.Address, Latitude = c.Profile.Latitude, Longitude = c.Profile.Longitude, Datum = c.Profile.Datum,
        CreditLimit = c.CreditLimit, CreditCurrency = c.CreditCurrency,
    };

    private static CustomerResynced Resynced(CustomerCard c, DateTimeOffset at) => new()
    {
        OccurredAt = at, Version = c.Version, CustomerId = c.Id, Code = c.Code, Name = c.Profile.Name, Kind = c.Profile.Kind,
        Region = c.Profile.Region, OwnerId = c.OwnerId, Tier = c.Profile.Tier, Grade = c.Grade, Territory = c.Profile.Territory, Status = c.Status,
        Address = c.Profile.Address, Latitude = c.Profile.Latitude, Longitude = c.Profile.Longitude, Datum = c.Profile.Datum,
        CreditLimit = c.CreditLimit, CreditCurrency = c.CreditCurrency,
    };

    private static CustomerUpdated Updated(CustomerCard c, IReadOnlyList<FieldChange> changes, DateTimeOffset at) => new()
    {
        OccurredAt = at, Version = c.Version, CustomerId = c.Id, Code = c.Code, Name = c.Profile.Name, Kind = c.Profile.Kind,
        Region = c.Profile.Region, OwnerId = c.OwnerId, Tier = c.Profile.Tier, Grade = c.Grade, Territory = c.Profile.Territory, Status = c.Status,
        Address = c.Profile.Address, Latitude = c.Profile.Latitude, Longitude = c.Profile.Longitude, Datum = c.Profile.Datum,
        CreditLimit = c.CreditLimit, CreditCurrency = c.CreditCurrency,
        ChangedFields = changes.Select(f => f.Field).ToList(),
        PreviousOwnerId = changes.FirstOrDefault(f => f.Field == "ownerId")?.From,
    };

    private static CustomerGradeChanged GradeChanged(CustomerGradeChangedDomainEvent e) => new()
    {
        OccurredAt = e.OccurredAt, Version = e.Customer.Version, CustomerId = e.Customer.Id, Code = e.Customer.Code, Name = e.Customer.Profile.Name,
        Kind = e.Customer.Profile.Kind, Region = e.Customer.Profile.Region, OwnerId = e.Customer.OwnerId, Tier = e.Customer.Profile.Tier,
        Grade = e.Customer.Grade, Territory = e.Customer.Profile.Territory, Status = e.Customer.Status,
        Address = e.Customer.Profile.Address, Latitude = e.Customer.Profile.Latitude, Longitude = e.Customer.Profile.Longitude, Datum = e.Customer.Profile.Datum,
        CreditLimit = e.Customer.CreditLimit, CreditCurrency = e.Customer.CreditCurrency,
        PreviousGrade = e.From, Reason = e.Reason, ChangedBy = e.By,
    };

    private static CustomerDeregistered Deregistered(CustomerDeregisteredDomainEvent e) => new()
    {
        OccurredAt = e.OccurredAt, Version = e.Customer.Version, CustomerId = e.Customer.Id, Code = e.Customer.Code, Name = e.Customer.Profile.Name,
        Kind = e.Customer.Profile.Kind, Region = e.Customer.Profile.Region, OwnerId = e.Customer.OwnerId, Tier = e.Customer.Profile.Tier,
        Grade = e.Customer.Grade, Territory = e.Customer.Profile.Territory, Status = e.Customer.Status,
        Address = e.Customer.Profile.Address, Latitude = e.Customer.Profile.Latitude, Longitude = e.Customer.Profile.Longitude, Datum = e.Customer.Profile.Datum,
        CreditLimit = e.Customer.CreditLimit, CreditCurrency = e.Customer.CreditCurrency,
        Reason = e.Reason, DeregisteredBy = e.By,
    };

    private static CustomerCreditChanged CreditChanged(CustomerCreditLimitChangedDomainEvent e) => new()
    {
        OccurredAt = e.OccurredAt, Version = e.Customer.Version, CustomerId = e.Customer.Id, Code = e.Customer.Code, Name = e.Customer.Profile.Name,
        Kind = e.Customer.Profile.Kind, Region = e.Customer.Profile.Region, OwnerId = e.Customer.OwnerId, Tier = e.Customer.Profile.Tier,
        Grade = e.Customer.Grade, Territory = e.Customer.Profile.Territory, Status = e.Customer.Status,
        Address = e.Customer.Profile.Address, Latitude = e.Customer.Profile.Latitude, Longitude = e.Customer.Profile.Longitude, Datum = e.Customer.Profile.Datum,
        CreditLimit = e.Customer.CreditLimit, CreditCurrency = e.Customer.CreditCurrency,
        PreviousCreditLimit = e.From, Reason = e.Reason, ChangedBy = e.By,
    };

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
