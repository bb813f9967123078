namespace Crm.IntegrationEvents;

/// <summary>A visit was scheduled for a customer, in a plan or ad hoc (outside any plan).</summary>
public sealed record VisitPlanned : IntegrationEvent
{
    public required Guid VisitId { get; init; }
    public required string VisitNumber { get; init; }
    public required Guid CustomerId { get; init; }
    public required string Region { get; init; }
    public required string OwnerId { get; init; }
    public required DateOnly Day { get; init; }
    public required bool AdHoc { get; init; }
}

/// <summary>
/// A visit was made and its report submitted (客户拜访): Customers adds it to the card's service history as the last
/// visit. It carries the report's summary, not the whole report, which stays in Visits.
/// </summary>
public sealed record VisitCompleted : IntegrationEvent
{
    public required Guid VisitId { get; init; }
    public required string VisitNumber { get; init; }
    public required Guid CustomerId { get; init; }
    public required string Region { get; init; }
    public required string OwnerId { get; init; }

    /// <summary>Made outside any visit plan.</summary>
    public required bool AdHoc { get; init; }

    public required DateTimeOffset CheckedInAt { get; init; }
    public required DateTimeOffset CheckedOutAt { get; init; }

    /// <summary>The check-in was farther from the customer's coordinates than the service allows.</summary>
    public required bool CheckInFlagged { get; init; }

    public required string Purpose { get; init; }

    /// <summary>The customer's satisfaction, 1 (poor) to 5 (very good).</summary>
    public required int Satisfaction { get; init; }

    public CustomerGrade? ProposedGrade { get; init; }

    /// <summary>The earliest next step agreed with the customer, if any.</summary>
    public DateOnly? NextStepDue { get; init; }
}

/// <summary>A branch manager approved or returned a visit report (客户跟进记录审核).</summary>
public sealed record VisitReportReviewed : IntegrationEvent
{
    public required Guid VisitId { get; init; }
    public required string VisitNumber { get; init; }
    public required Guid CustomerId { get; init; }
    public required string OwnerId { get; init; }

    /// <summary>"Approved" or "Returned".</summary>
    public required string Decision { get; init; }

    public required string ReviewedBy { get; init; }
    public string? Comment { get; init; }
}

/// <summary>
/// A customer complained during a visit and the rep filed it from the visit report: the Complaints service records
/// it as a complaint by channel Visit, keeping the visit's id, and routes it like any other.
/// </summary>
public sealed record ComplaintRaisedOnVisit : IntegrationEvent
{
    public required Guid VisitId { get; init; }
    public required string VisitNumber { get; init; }
    public required Guid CustomerId { get; init; }
    public required ComplaintType Type { get; init; }
    public required ComplaintSeverity Severity { get; init; }
    public string? ProductLine { get; init; }
    public required string Description { get; init; }
    public required string ContactPerson { get; init; }

    /// <summary>The rep who made the visit and filed the complaint.</summary>
    public required string RaisedBy { get; init; }
}
