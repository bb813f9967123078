using Crm.BuildingBlocks.Domain;

namespace Crm.Customers.Domain;

/// <summary>
/// A rep's proposal, from a visit report, that the customer is invalid and should be deregistered (注销). Only the CRM
/// supervisor (or an admin) decides: confirming deregisters the card with the proposal's reason; rejecting keeps it.
/// Each proposal is decided once.
/// </summary>
public sealed class DeregistrationProposal : AggregateRoot
{
    private DeregistrationProposal()
    {
    }

    public DeregistrationProposal(Guid customerId, string source, string sourceId, string reason, string proposedBy, DateTimeOffset proposedAt)
    {
        Id = Guid.CreateVersion7(proposedAt);
        CustomerId = customerId;
        Source = source;
        SourceId = sourceId;
        Reason = reason;
        ProposedBy = proposedBy;
        ProposedAt = proposedAt;
        Status = ProposalStatus.Pending;
    }

    public Guid Id { get; private init; }
    public Guid CustomerId { get; private init; }
    public string Source { get; private init; } = "";
    public string SourceId { get; private init; } = "";
    public string Reason { get; private init; } = "";
    public string ProposedBy { get; private init; } = "";
    public DateTimeOffset ProposedAt { get; private init; }
    public ProposalStatus Status { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecisionNote { get; private set; }

    /// <summary>Confirms the proposal and deregisters the customer with its reason.</summary>
    public void Confirm(Customer customer, string decidedBy, string? note, DateTimeOffset at)
    {
        Decide(ProposalStatus.Confirmed, decidedBy, note, at);
        customer.Deregister($"{Reason} (proposed by {ProposedBy} from {Source} {SourceId}, confirmed by {decidedBy})", decidedBy, at);
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
        Raise(new DeregistrationProposalDecidedDomainEvent(CustomerId, Id, status, note, decidedBy, at));
    }
}
