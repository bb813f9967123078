namespace Crm.IntegrationEvents;

/// <summary>What every hospitality event carries: the application, its customer and when the visit is.</summary>
public abstract record HospitalityEvent : IntegrationEvent
{
    public required Guid ApplicationId { get; init; }
    public required string Number { get; init; }
    public required Guid CustomerId { get; init; }
    public required string Region { get; init; }
    public required DateTimeOffset VisitStart { get; init; }
    public required DateTimeOffset VisitEnd { get; init; }
}

/// <summary>A customer's visit to the company was applied for (客户参观申请), or submitted again after a return.</summary>
public sealed record HospitalityRequested : HospitalityEvent
{
    public required string Rule { get; init; }

    /// <summary>Accepted with less notice than its rule asks: phone first, paperwork after.</summary>
    public required bool Urgent { get; init; }

    public required string AppliedBy { get; init; }
}

public sealed record HospitalityApproved : HospitalityEvent
{
    public required string ApprovedBy { get; init; }
}

public sealed record HospitalityRejected : HospitalityEvent
{
    public required string RejectedBy { get; init; }
    public required string Reason { get; init; }
}

/// <summary>The customer's visit took place; the host recorded how it went (Customers shows it in the service history).</summary>
public sealed record HospitalityCompleted : HospitalityEvent
{
    public required string Outcome { get; init; }
    public required string Impressions { get; init; }
    public CustomerGrade? ProposedGrade { get; init; }
    public required string RecordedBy { get; init; }
}

/// <summary>A visitor named on the permit passed the gate, in or out (参观胸卡: the badge names them).</summary>
public sealed record VisitorCheckedIn : HospitalityEvent
{
    public required string Visitor { get; init; }
    public required string RecordedBy { get; init; }
}

public sealed record VisitorCheckedOut : HospitalityEvent
{
    public required string Visitor { get; init; }
    public required string RecordedBy { get; init; }
}

/// <summary>
/// Someone must act or prepare: an approver whose step has come, the applicant of a returned application, or the front
/// desk of an approved visit. A mail or IM integration consumes it; by default the service writes it to its log.
/// </summary>
public sealed record HospitalityNotification : IntegrationEvent
{
    public required Guid ApplicationId { get; init; }
    public required string Number { get; init; }

    /// <summary>A role (everyone holding it in <see cref="Region"/>, or at headquarters) or, with <see cref="ToUser"/>, one user.</summary>
    public string? ToRole { get; init; }

    public string? ToUser { get; init; }
    public required string Region { get; init; }

    /// <summary>"phone" or "form", as the approval rule asks.</summary>
    public required string Channel { get; init; }

    public required string Message { get; init; }
}
