namespace Crm.Complaints.Domain;

/// <summary>The action names of the Complaints service's audit log: every step of a complaint's handling.</summary>
public static class AuditActions
{
    public const string Filed = "ComplaintFiled";
    public const string Routed = "ComplaintRouted";
    public const string Started = "ComplaintStarted";
    public const string WaitingOnCustomer = "ComplaintWaitingOnCustomer";
    public const string CustomerResponded = "ComplaintCustomerResponded";
    public const string Assigned = "ComplaintAssigned";
    public const string Escalated = "ComplaintEscalated";
    public const string Resolved = "ComplaintResolved";
    public const string Closed = "ComplaintClosed";
    public const string Reopened = "ComplaintReopened";
    public const string ReturnVisitRecorded = "ComplaintReturnVisitRecorded";
}
