namespace Crm.Complaints.Domain;

/// <summary>
/// One escalation step taken for a complaint. The key (complaint, step) is unique in the database, so however many
/// sweepers run at once, each step is taken exactly once: a second insert fails and its whole batch rolls back.
/// </summary>
public sealed class ComplaintEscalation
{
    public Guid Id { get; init; }
    public Guid ComplaintId { get; init; }
    public EscalationStep Step { get; init; }
    public int Level { get; init; }
    public required string Reason { get; init; }
    public required string EscalatedTo { get; init; }
    public DateTimeOffset At { get; init; }
}
