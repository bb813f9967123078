using Crm.IntegrationEvents;

namespace Crm.Customers.Domain;

/// <summary>
/// The customer's visit to the company (客户参观), as the Hospitality service reported it when the host recorded its
/// outcome (HospitalityCompleted): part of the card's service history. One row per visit.
/// </summary>
public sealed class CompanyVisitRecord
{
    private CompanyVisitRecord()
    {
    }

    public CompanyVisitRecord(HospitalityCompleted e)
    {
        ApplicationId = e.ApplicationId;
        Number = e.Number;
        CustomerId = e.CustomerId;
        VisitStart = e.VisitStart.ToUniversalTime();
        Outcome = e.Outcome.Length <= 1000 ? e.Outcome : e.Outcome[..1000];
        Impressions = e.Impressions.Length <= 1000 ? e.Impressions : e.Impressions[..1000];
        ProposedGrade = e.ProposedGrade;
        RecordedBy = e.RecordedBy;
    }

    public Guid ApplicationId { get; private init; }
    public string Number { get; private init; } = "";
    public Guid CustomerId { get; private init; }
    public DateTimeOffset VisitStart { get; private init; }
    public string Outcome { get; private init; } = "";
    public string Impressions { get; private init; } = "";
    public CustomerGrade? ProposedGrade { get; private init; }
    public string RecordedBy { get; private init; } = "";
}
