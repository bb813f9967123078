using Crm.Portal.Api;

namespace Crm.Portal.Features.Audit;

/// <summary>Where the portal shows an audit line's subject, known by the line's action (each service lists its actions together).</summary>
public static class AuditSubjects
{
    public static string? Link(AuditEntry entry) => entry.SubjectId is not { } id ? null : entry.Action switch
    {
        >= AuditAction.VisitPlanGenerated and <= AuditAction.VisitPlanReturned => $"/visits/plans/{id}",
        >= AuditAction.VisitScheduled and <= AuditAction.VisitReportReviewed => $"/visits/{id}",
        // A month of sales is about the dealer; a cross-region alert has no page of its own.
        AuditAction.SalesRecorded => $"/customers/{id}",
        AuditAction.CrossRegionSaleDetected => "/contracts/cross-region",
        >= AuditAction.ContractDrafted and <= AuditAction.ContractExpired => $"/contracts/{id}",
        >= AuditAction.ComplaintFiled and <= AuditAction.ComplaintReturnVisitRecorded => $"/complaints/{id}",
        >= AuditAction.ApplicationSubmitted and <= AuditAction.CompanyVisitCompleted => $"/hospitality/{id}",
        _ => $"/customers/{id}",
    };
}
