namespace Crm.BuildingBlocks.Audit;

/// <summary>
/// One line of a service's audit log (查阅利用和管理制度): who did what to which subject (a customer, a visit, a contract,
/// a complaint, an application), when, and for a change each field's old and new value. Written in the same SaveChanges
/// as the change itself, so a change never happens without its line.
/// </summary>
public sealed class AuditEntry
{
    public const int UserIdLength = 100;
    public const int ActionLength = 50;

    /// <summary>The user of a line for what the platform did by itself: a date reached, a sale detected.</summary>
    public const string System = "system";

    private AuditEntry()
    {
    }

    public AuditEntry(string userId, string action, Guid? subjectId, string details, DateTimeOffset at)
    {
        UserId = userId;
        Action = action;
        SubjectId = subjectId;
        Details = details;
        At = at;
    }

    public long Id { get; private init; }
    public DateTimeOffset At { get; private init; }
    public string UserId { get; private init; } = "";
    public string Action { get; private init; } = "";

    /// <summary>The aggregate the line is about; none for what concerns the service as a whole (settings, imports, exports).</summary>
    public Guid? SubjectId { get; private init; }

    /// <summary>JSON: the changed fields with old and new values, or what was read or exported.</summary>
    public string Details { get; private init; } = "";
}

/// <summary>What a domain event leaves in the audit log: who, which action, about which subject, and its details.</summary>
public sealed record AuditLine(string By, string Action, Guid? SubjectId, object Details);
