using Crm.IntegrationEvents;

namespace Crm.Customers.Domain;

/// <summary>
/// A visit made to the customer, as the Visits service reported it (VisitCompleted): part of the card's service
/// history, from which the card shows when the customer was last visited. One row per visit.
/// </summary>
public sealed class VisitRecord
{
    private VisitRecord()
    {
    }

    public VisitRecord(VisitCompleted e)
    {
        VisitId = e.VisitId;
        Number = e.VisitNumber;
        CustomerId = e.CustomerId;
        OwnerId = e.OwnerId;
        AdHoc = e.AdHoc;
        CheckedInAt = e.CheckedInAt.ToUniversalTime();
        CheckedOutAt = e.CheckedOutAt.ToUniversalTime();
        CheckInFlagged = e.CheckInFlagged;
        Purpose = e.Purpose.Length <= 500 ? e.Purpose : e.Purpose[..500];
        Satisfaction = e.Satisfaction;
        ProposedGrade = e.ProposedGrade;
        NextStepDue = e.NextStepDue;
    }

    public Guid VisitId { get; private init; }
    public string Number { get; private init; } = "";
    public Guid CustomerId { get; private init; }
    public string OwnerId { get; private init; } = "";
    public bool AdHoc { get; private init; }
    public DateTimeOffset CheckedInAt { get; private init; }
    public DateTimeOffset CheckedOutAt { get; private init; }
    public bool CheckInFlagged { get; private init; }
    public string Purpose { get; private init; } = "";
    public int Satisfaction { get; private init; }
    public CustomerGrade? ProposedGrade { get; private init; }
    public DateOnly? NextStepDue { get; private init; }
}
