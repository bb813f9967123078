using Crm.BuildingBlocks;
using Crm.Contracts.Domain;

namespace Crm.Contracts.Features;

public sealed record ContractResponse(
    Guid Id, string Number, Guid CustomerId, string CustomerName, string Region, string OwnerId, string Title, Money Value, ContractStatus Status,
    string TemplateCode, int TemplateVersion, ContractTerms Terms, IReadOnlyList<ApprovalStep> Chain, string? WaitingFor,
    IReadOnlyList<ContractDecision> Decisions, CreditCheck? Credit, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? SubmittedAt,
    Signature? Signature, string? DocumentHash, DateTimeOffset? SignedAt, string? SignedBy, string? TerminationReason,
    Guid? AmendsContractId, Guid? RenewsContractId, string? SucceededBy, string? LapseReason, IReadOnlyList<int> RemindersSent, long Version)
{
    public static ContractResponse From(Contract c) =>
        new(c.Id, c.Number, c.CustomerId, c.CustomerName, c.Region, c.OwnerId, c.Title, c.Value, c.Status, c.TemplateCode, c.TemplateVersion, c.Terms,
            c.Chain, c.WaitingFor, c.Decisions, c.Credit, c.CreatedAt, c.CreatedBy, c.SubmittedAt, c.Signature, c.DocumentHash, c.SignedAt, c.SignedBy,
            c.TerminationReason, c.AmendsContractId, c.RenewsContractId, c.SucceededBy, c.LapseReason, c.RemindersSent, c.Version);
}

/// <summary>A contract in a list: enough to find it and see where it stands.</summary>
public sealed record ContractSummary(
    Guid Id, string Number, Guid CustomerId, string CustomerName, string Region, string Title, Money Value, ContractStatus Status, string? WaitingFor, long Version)
{
    public static ContractSummary From(Contract c) => new(c.Id, c.Number, c.CustomerId, c.CustomerName, c.Region, c.Title, c.Value, c.Status, c.WaitingFor, c.Version);
}
