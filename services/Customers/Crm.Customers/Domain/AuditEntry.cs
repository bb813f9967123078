namespace Crm.Customers.Domain;

/// <summary>
/// One line of the customer database's audit log (查阅利用和管理制度): who did what to which customer, when, and for a
/// change each field's old and new value. Reads of contact details (phone, key persons) and exports are logged too.
/// Written in the same SaveChanges as the change itself, so a change never happens without its line.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(string userId, string action, Guid? customerId, string details, DateTimeOffset at)
    {
        UserId = userId;
        Action = action;
        CustomerId = customerId;
        Details = details;
        At = at;
    }

    public long Id { get; private init; }
    public DateTimeOffset At { get; private init; }
    public string UserId { get; private init; } = "";
    public string Action { get; private init; } = "";
    public Guid? CustomerId { get; private init; }

    /// <summary>JSON: the changed fields with old and new values, or what was read or exported.</summary>
    public string Details { get; private init; } = "";
}

/// <summary>The audit log's action names.</summary>
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
