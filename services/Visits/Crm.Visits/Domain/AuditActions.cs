namespace Crm.Visits.Domain;

/// <summary>The action names of the Visits service's audit log: every change of a visit, a visit plan or a region's visit frequency.</summary>
public static class AuditActions
{
    public const string Scheduled = "VisitScheduled";
    public const string Rescheduled = "VisitRescheduled";
    public const string Reassigned = "VisitReassigned";
    public const string CheckedIn = "VisitCheckedIn";
    public const string CheckedOut = "VisitCheckedOut";
    public const string Cancelled = "VisitCancelled";
    public const string ReportWritten = "VisitReportWritten";
    public const string ReportSubmitted = "VisitReportSubmitted";
    public const string ReportReviewed = "VisitReportReviewed";
    public const string FrequencyChanged = "VisitFrequencyChanged";
    public const string PlanGenerated = "VisitPlanGenerated";
    public const string PlanVisitAdded = "VisitPlanVisitAdded";
    public const string PlanVisitMoved = "VisitPlanVisitMoved";
    public const string PlanVisitDropped = "VisitPlanVisitDropped";
    public const string PlanSubmitted = "VisitPlanSubmitted";
    public const string PlanApproved = "VisitPlanApproved";
    public const string PlanReturned = "VisitPlanReturned";

    public static string Of(PlanAction action) => action switch
    {
        PlanAction.Generated => PlanGenerated,
        PlanAction.Added => PlanVisitAdded,
        PlanAction.Moved => PlanVisitMoved,
        PlanAction.Dropped => PlanVisitDropped,
        PlanAction.Submitted => PlanSubmitted,
        PlanAction.Approved => PlanApproved,
        PlanAction.Returned => PlanReturned,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };
}
