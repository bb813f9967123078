namespace Crm.Customers.Domain;

/// <summary>
/// The action names of the customer database's audit log: every change of a card, and reads of contact details (phone,
/// key persons), exports and imports.
/// </summary>
public static class AuditActions
{
    public const string Registered = "Registered";
    public const string ProfileChanged = "ProfileChanged";
    public const string OwnerReassigned = "OwnerReassigned";
    public const string GradeChanged = "GradeChanged";
    public const string GradeProposalDecided = "GradeProposalDecided";
    public const string DeregistrationProposalDecided = "DeregistrationProposalDecided";
    public const string Deregistered = "Deregistered";
    public const string Verified = "Verified";
    public const string CreditLimitChanged = "CreditLimitChanged";
    public const string KeyPersonAdded = "KeyPersonAdded";
    public const string KeyPersonChanged = "KeyPersonChanged";
    public const string KeyPersonRemoved = "KeyPersonRemoved";
    public const string Evaluated = "Evaluated";
    public const string EvaluationWeightsChanged = "EvaluationWeightsChanged";
    public const string ReadContactDetails = "ReadContactDetails";
    public const string Imported = "Imported";
    public const string Exported = "Exported";
}
