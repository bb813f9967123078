namespace Crm.Portal.Api;

/// <summary>The services that keep an audit log: each of the five.</summary>
public enum AuditService { Customers, Visits, Contracts, Complaints, Hospitality }

/// <summary>The audit logs' actions, as the services name them (every name belongs to one service).</summary>
public enum AuditAction
{
    Registered, ProfileChanged, OwnerReassigned, GradeChanged, GradeProposalDecided, DeregistrationProposalDecided, Deregistered, Verified,
    CreditLimitChanged, KeyPersonAdded, KeyPersonChanged, KeyPersonRemoved, Evaluated, EvaluationWeightsChanged, ReadContactDetails, Imported, Exported,
    VisitScheduled, VisitRescheduled, VisitReassigned, VisitCheckedIn, VisitCheckedOut, VisitCancelled, VisitReportWritten, VisitReportSubmitted,
    VisitReportReviewed, VisitFrequencyChanged, VisitPlanGenerated, VisitPlanVisitAdded, VisitPlanVisitMoved, VisitPlanVisitDropped, VisitPlanSubmitted,
    VisitPlanApproved, VisitPlanReturned,
    ContractDrafted, ContractRevised, ContractSubmitted, ContractStepApproved, ContractApproved, ContractReturned, ContractRejected, ContractSigned, ContractTerminated, ContractLetLapse, ContractSucceeded,
    ContractActivated, ContractExpired, SalesRecorded, CrossRegionSaleDetected,
    ComplaintFiled, ComplaintRouted, ComplaintStarted, ComplaintWaitingOnCustomer, ComplaintCustomerResponded, ComplaintAssigned, ComplaintEscalated,
    ComplaintResolved, ComplaintClosed, ComplaintReopened, ComplaintReturnVisitRecorded,
    ApplicationSubmitted, ApplicationStepApproved, ApplicationApproved, ApplicationReturned, ApplicationRejected, ApplicationPaperworkCompleted,
    ApplicationPhotographyDecided, PermitIssued, PermitRevoked, VisitorPassedGate, CompanyVisitCompleted,
}

/// <summary>One line of a service's audit log: the subject is the customer, visit (or plan), contract, complaint or application.</summary>
public sealed record AuditEntry(long Id, DateTimeOffset At, string UserId, AuditAction Action, Guid? SubjectId, string Details);

public sealed record AuditFilter(Guid? SubjectId = null, string? UserId = null, AuditAction? Action = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

public static class AuditActions
{
    /// <summary>The actions of one service's log, for its filter.</summary>
    public static IReadOnlyList<AuditAction> Of(AuditService service) => service switch
    {
        AuditService.Customers => Range(AuditAction.Registered, AuditAction.Exported),
        AuditService.Visits => Range(AuditAction.VisitScheduled, AuditAction.VisitPlanReturned),
        AuditService.Contracts => Range(AuditAction.ContractDrafted, AuditAction.CrossRegionSaleDetected),
        AuditService.Complaints => Range(AuditAction.ComplaintFiled, AuditAction.ComplaintReturnVisitRecorded),
        AuditService.Hospitality => Range(AuditAction.ApplicationSubmitted, AuditAction.CompanyVisitCompleted),
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };

    // The enum lists each service's actions together, in order.
    private static AuditAction[] Range(AuditAction first, AuditAction last) => Enum.GetValues<AuditAction>().Where(a => a >= first && a <= last).ToArray();
}
