using Crm.BuildingBlocks.Domain;
using Crm.IntegrationEvents;

namespace Crm.Customers.Domain;

public enum ProposalStatus { Pending, Confirmed, Rejected }

/// <summary>
/// A grade proposed by a visit report or a hospitality visit (<see cref="CustomerGradeProposed"/>). It changes nothing
/// until the owner or a manager confirms it, and then the change is recorded with the proposal's reason and source.
/// </summary>
public sealed class GradeProposal : AggregateRoot
{
    private GradeProposal()
    {
    }

    public GradeProposal(Guid customerId, CustomerGrade proposedGrade, string source, string sourceId, string reason, string proposedBy, DateTimeOffset proposedAt)
    {
        Id = Guid.CreateVersion7(proposedAt);
        CustomerId = customerId;
        ProposedGrade = proposedGrade;
        Source = source;
        SourceId = sourceId;
        Reason = reason;
        ProposedBy = proposedBy;
        ProposedAt = proposedAt;
        Status = ProposalStatus.Pending;
    }

    public Guid Id { get; private init; }
    public Guid CustomerId { get; private init; }
    public CustomerGrade ProposedGrade { get; private init; }
    public string Source { get; private init; } = "";
    public string SourceId { get; private init; } = "";
    public string Reason { get; private init; } = "";
    public string ProposedBy { get; private init; } = "";
    public DateTimeOffset ProposedAt { get; private init; }
    public ProposalStatus Status { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }

    /// <summary>Confirms the proposal and moves the customer to the proposed grade (if it is not there already).</summary>
    public CustomerGrade? Confirm(Customer customer, string decidedBy, string? note, DateTimeOffset at)
    {
        Decide(ProposalStatus.Confirmed, decidedBy, note, at);
        var reason = $"{Reason} (proposed by {ProposedBy} from {Source} {SourceId}, confirmed by {decidedBy})";
        return customer.ChangeGrade(ProposedGrade, reason, decidedBy, at, sourceId: $"{Source}:{SourceId}");
    }

    public void Reject(string decidedBy, string note, DateTimeOffset at) => Decide(ProposalStatus.Rejected, decidedBy, note, at);

    private void Decide(ProposalStatus status, string decidedBy, string? note, DateTimeOffset at)
    {
        if (Status != ProposalStatus.Pending)
        {
            throw new DomainRuleException($"The proposal was already {Status.ToString().ToLowerInvariant()} by {DecidedBy}.");
        }

        Status = status;
        DecidedBy = decidedBy;
        DecidedAt = at;
        DecisionNote = note;
        Raise(new GradeProposalDecidedDomainEvent(CustomerId, Id, status, note, decidedBy, at));
    }
}
