namespace Crm.Hospitality.Domain;

/// <summary>The action names of the Hospitality service's audit log: every step of a company visit application and its permit.</summary>
public static class AuditActions
{
    public const string Submitted = "ApplicationSubmitted";
    public const string StepApproved = "ApplicationStepApproved";
    public const string Approved = "ApplicationApproved";
    public const string Returned = "ApplicationReturned";
    public const string Rejected = "ApplicationRejected";
    public const string PaperworkCompleted = "ApplicationPaperworkCompleted";
    public const string PhotographyDecided = "ApplicationPhotographyDecided";
    public const string PermitIssued = "PermitIssued";
    public const string PermitRevoked = "PermitRevoked";
    public const string VisitorPassedGate = "VisitorPassedGate";
    public const string VisitCompleted = "CompanyVisitCompleted";
}
