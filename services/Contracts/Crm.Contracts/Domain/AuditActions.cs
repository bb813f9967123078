namespace Crm.Contracts.Domain;

/// <summary>The action names of the Contracts service's audit log: every step of a contract's life, and dealers' sales.</summary>
public static class AuditActions
{
    public const string Drafted = "ContractDrafted";
    public const string Revised = "ContractRevised";
    public const string Submitted = "ContractSubmitted";
    public const string StepApproved = "ContractStepApproved";
    public const string Approved = "ContractApproved";
    public const string Returned = "ContractReturned";
    public const string Rejected = "ContractRejected";
    public const string Signed = "ContractSigned";
    public const string Terminated = "ContractTerminated";
    public const string LetLapse = "ContractLetLapse";
    public const string Succeeded = "ContractSucceeded";
    public const string Activated = "ContractActivated";
    public const string Expired = "ContractExpired";
    public const string SalesRecorded = "SalesRecorded";
    public const string CrossRegionSaleDetected = "CrossRegionSaleDetected";
}
