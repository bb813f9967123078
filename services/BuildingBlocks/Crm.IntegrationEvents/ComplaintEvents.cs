namespace Crm.IntegrationEvents;

public enum ComplaintType { ProductQuality, Delivery, Billing, SalesPolicy, StaffConduct, Service, Other }

public enum ComplaintSeverity { Low, Medium, High, Critical }

public enum ComplaintChannel { Phone, Hotline, Email, Visit, Portal }

/// <summary>What every complaint event carries, so the customer's service history needs no call back to Complaints.</summary>
public abstract record ComplaintEvent : IntegrationEvent
{
    public required Guid ComplaintId { get; init; }
    public required string Number { get; init; }
    public required Guid CustomerId { get; init; }
    public required string Region { get; init; }
    public required ComplaintType Type { get; init; }
    public required ComplaintSeverity Severity { get; init; }

    /// <summary>The customer's owner rep when the complaint was filed, whose follow-up the event may plan (added later; may be absent).</summary>
    public string? OwnerId { get; init; }
}

public sealed record ComplaintFiled : ComplaintEvent
{
    public required ComplaintChannel Channel { get; init; }
    public string? ProductLine { get; init; }
    public required string RecordedBy { get; init; }
}

public sealed record ComplaintRouted : ComplaintEvent
{
    public required string Department { get; init; }
    public string? Queue { get; init; }
    public string? AssigneeId { get; init; }
    public Guid? RuleId { get; init; }
    public required int RuleSetVersion { get; init; }

    /// <summary>Why it went there: the rule or default that routed it, or a transfer's or reroute's reason (added later; may be absent).</summary>
    public string? Reason { get; init; }
}

public sealed record ComplaintEscalated : ComplaintEvent
{
    /// <summary>1 = the department head, 2 = CRM supervisor / marketing GM.</summary>
    public required int Level { get; init; }

    /// <summary>"AtRisk" or "Breached", and of which target ("FirstResponse" or "Resolution").</summary>
    public required string Reason { get; init; }

    public required string EscalatedTo { get; init; }

    /// <summary>The department handling the complaint when it was escalated (added later; may be absent).</summary>
    public string? Department { get; init; }
}

public sealed record ComplaintResolved : ComplaintEvent
{
    public required string RootCause { get; init; }
    public required string Fix { get; init; }
    public required string ResolvedBy { get; init; }
    public required bool WithinSla { get; init; }
}

public sealed record ComplaintClosed : ComplaintEvent
{
    /// <summary>The customer's satisfaction from the return visit (回访), 1 to 5, when one was recorded.</summary>
    public int? Satisfaction { get; init; }
}

/// <summary>
/// A resolved or closed complaint was reopened (added later): it is open again, and its earlier resolution no longer
/// holds until a new ComplaintResolved.
/// </summary>
public sealed record ComplaintReopened : ComplaintEvent
{
    public required string ReopenedBy { get; init; }
    public required string Reason { get; init; }

    /// <summary>How many times the complaint has been reopened, this time included.</summary>
    public required int ReopenCount { get; init; }

    /// <summary>The department that handles it again.</summary>
    public string? Department { get; init; }
}
