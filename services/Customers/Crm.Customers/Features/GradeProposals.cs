using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Messaging;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.Customers.Domain;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

public sealed record GradeProposalResponse(
    Guid Id, Guid CustomerId, CustomerGrade ProposedGrade, string Source, string SourceId, string Reason, string ProposedBy,
    DateTimeOffset ProposedAt, ProposalStatus Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote)
{
    public static GradeProposalResponse From(GradeProposal p) =>
        new(p.Id, p.CustomerId, p.ProposedGrade, p.Source, p.SourceId, p.Reason, p.ProposedBy, p.ProposedAt, p.Status, p.DecidedBy, p.DecidedAt, p.DecisionNote);
}

public sealed record DecideProposalRequest([property: MaxLength(CustomerLimits.Note)] string? Note = null);

/// <summary>
/// Grades proposed by visits and hospitality visits wait here until the owner or a manager of the region (or
/// headquarters) confirms or rejects them: the grade is a judgement about the customer, made by the people who answer for it.
/// </summary>
public static class GradeProposals
{
    public static void MapGradeProposals(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/grade-proposals", List)
            .WithName("ListGradeProposals")
            .WithSummary("The customer's grade proposals from visits and hospitality, newest first; ?status=Pending for the open ones.");
        api.MapPost("/{id:guid}/grade-proposals/{proposalId:guid}/confirm", Confirm)
            .WithName("ConfirmGradeProposal")
            .WithSummary("Confirms a proposal: the customer moves to the proposed grade, recorded with the proposal's reason and source. Honours If-Match (the customer's version).");
        api.MapPost("/{id:guid}/grade-proposals/{proposalId:guid}/reject", Reject)
            .WithName("RejectGradeProposal")
            .WithSummary("Rejects a proposal with a note; the grade stays. Honours If-Match (the customer's version).");
    }

    private static async Task<Results<Ok<List<GradeProposalResponse>>, NotFound>> List(
        Guid id, ProposalStatus? status, CustomersDbContext db, CurrentUser user, HttpContext http)
    {
        if (await db.FindVisible(id, user, http.RequestAborted) is null)
        {
            return TypedResults.NotFound();
        }

        var proposals = db.GradeProposals.AsNoTracking().Where(p => p.CustomerId == id);
        if (status is not null)
        {
            proposals = proposals.Where(p => p.Status == status);
        }

        var list = await proposals.ToListAsync(http.RequestAborted);
        return TypedResults.Ok(list.OrderByDescending(p => p.ProposedAt).Select(GradeProposalResponse.From).ToList());
    }

    private static async Task<Results<Ok<GradeProposalResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>, NotFound>> Confirm(
        Guid id, Guid proposalId, DecideProposalRequest? request, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request);
        var (customer, refusal) = await db.FindForChange(id, user, http, validation);
        if (customer is null)
        {
            return refusal!;
        }

        var proposal = await db.GradeProposals.FirstOrDefaultAsync(p => p.Id == proposalId && p.CustomerId == id, http.RequestAborted);
        if (proposal is null)
        {
            return TypedResults.NotFound();
        }

        proposal.Confirm(customer, user.Id, request?.Note?.Trim(), time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(GradeProposalResponse.From(proposal));
    }

    private static async Task<Results<Ok<GradeProposalResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>, NotFound>> Reject(
        Guid id, Guid proposalId, DecideProposalRequest request, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).Required("note", request.Note);
        var (customer, refusal) = await db.FindForChange(id, user, http, validation);
        if (customer is null)
        {
            return refusal!;
        }

        var proposal = await db.GradeProposals.FirstOrDefaultAsync(p => p.Id == proposalId && p.CustomerId == id, http.RequestAborted);
        if (proposal is null)
        {
            return TypedResults.NotFound();
        }

        proposal.Reject(user.Id, request.Note!.Trim(), time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(GradeProposalResponse.From(proposal));
    }
}

/// <summary>Keeps each <see cref="CustomerGradeProposed"/> as a pending proposal (once per message, by the inbox).</summary>
public sealed class GradeProposedConsumer(CustomersDbContext db, TimeProvider time, ILogger<GradeProposedConsumer> logger)
    : IdempotentConsumer<CustomerGradeProposed, CustomersDbContext>(db, time)
{
    protected override async Task Handle(CustomerGradeProposed message, CancellationToken cancellationToken)
    {
        var customer = await Db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == message.CustomerId, cancellationToken);
        if (customer is null || customer.Status == CustomerStatus.Deregistered)
        {
            logger.LogWarning("Grade proposal from {Source} {SourceId} for customer {Customer} ignored: unknown or deregistered.",
                message.Source, message.SourceId, message.CustomerId);
            return;
        }

        Db.GradeProposals.Add(new GradeProposal(message.CustomerId, message.ProposedGrade, Truncate(message.Source, 30), Truncate(message.SourceId, 100),
            Truncate(message.Reason, 500), Truncate(message.ProposedBy, 100), message.OccurredAt == default ? Time.GetUtcNow() : message.OccurredAt.ToUniversalTime()));
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
