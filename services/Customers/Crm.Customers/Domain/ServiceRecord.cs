using Crm.IntegrationEvents;

namespace Crm.Customers.Domain;

/// <summary>
/// One step of a complaint in the customer's service history, kept from the Complaints service's events (filed,
/// routed, escalated, resolved, closed, reopened). Every event is kept, so the history reads the same in whatever order
/// they came: the complaint's version orders steps that happened within one instant.
/// </summary>
public sealed class ServiceRecord
{
    private ServiceRecord()
    {
    }

    public ServiceRecord(ComplaintEvent e, string step, string details, bool? withinSla = null, int? satisfaction = null)
    {
        EventId = e.EventId;
        CustomerId = e.CustomerId;
        ComplaintId = e.ComplaintId;
        Number = e.Number;
        Type = e.Type;
        Severity = e.Severity;
        Step = step;
        Details = details;
        WithinSla = withinSla;
        Satisfaction = satisfaction;
        OccurredAt = e.OccurredAt.ToUniversalTime();
        Version = e.Version;
    }

    public long Id { get; private init; }
    public Guid EventId { get; private init; }
    public Guid CustomerId { get; private init; }
    public Guid ComplaintId { get; private init; }
    public string Number { get; private init; } = "";
    public ComplaintType Type { get; private init; }
    public ComplaintSeverity Severity { get; private init; }

    /// <summary>Filed, Routed, Escalated, Resolved, Closed or Reopened.</summary>
    public string Step { get; private init; } = "";

    public string Details { get; private init; } = "";
    public bool? WithinSla { get; private init; }
    public int? Satisfaction { get; private init; }
    public DateTimeOffset OccurredAt { get; private init; }

    /// <summary>The complaint's version after the step (0 in steps kept before it was recorded).</summary>
    public long Version { get; private init; }
}

public static class ServiceSteps
{
    public const string Filed = "Filed";
    public const string Routed = "Routed";
    public const string Escalated = "Escalated";
    public const string Resolved = "Resolved";
    public const string Closed = "Closed";
    public const string Reopened = "Reopened";
}
