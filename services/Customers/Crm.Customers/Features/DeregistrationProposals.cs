using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Messaging;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.Customers.Domain;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

public sealed record DeregistrationProposalResponse(
    Guid Id, Guid CustomerId, string CustomerCode, string CustomerName, string Source, string SourceId, string Reason, string ProposedBy,
    DateTimeOffset ProposedAt, ProposalStatus Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote);

/// <summary>
/// Proposals from visits to deregister an invalid customer (注销无效客户), decided by the CRM supervisor (or an admin), who
/// keeps the customer database: their inbox across all customers, and confirm (the card is deregistered with the
/// proposal's reason) or reject with a note.
/// </summary>
public static class DeregistrationProposals
{
    public static void MapDeregistrationProposals(this RouteGroupBuilder api)
    {
        api.MapGet("/deregistration-proposals", List)
            .RequireAuthorization(Policies.Stewards)
            .WithName("ListDeregistrationProposals")
            .WithSummary("Proposals to deregister customers, oldest first; ?status=Pending is the CRM supervisor's inbox.");
        api.MapPost("/{id:guid}/deregistration-proposals/{proposalId:guid}/confirm", Confirm)
            .RequireAuthorization(Policies.Stewards)
            .WithName("ConfirmDeregistrationProposal")
            .WithSummary("Confirms the proposal: the customer is deregistered with its reason. Honours If-Match (the customer's version).");
        api.MapPost("/{id:guid}/deregistration-proposals/{proposalId:guid}/reject", Reject)
            .RequireAuthorization(Policies.Stewards)
            .WithName("RejectDeregistrationProposal")
            .WithSummary("Rejects the proposal with a note; the customer stays. Honours If-Match (the customer's version).");
    }

    private static async Task<Results<Ok<PagedResult<DeregistrationProposalResponse>>, ValidationProblem>> List(
        CustomersDbContext db, CancellationToken cancellationToken, string? status = null, int? page = null, int? pageSize = null)
    {
        var validation = new Validation();
        var wanted = validation.EnumName<ProposalStatus>("status", status);
        var (pageNumber, size) = Paging.Check(validation, page, pageSize);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var proposals = db.DeregistrationProposals.AsNoTracking().Where(p => wanted == null || p.Status == wanted);
        var total = await proposals.CountAsync(cancellationToken);
        var items = await proposals.OrderBy(p => p.ProposedAt).TakePage(pageNumber, size)
            .Join(db.Customers, p => p.CustomerId, c => c.Id, (p, c) => new DeregistrationProposalResponse(
                p.Id, p.CustomerId, c.Code, c.Name, p.Source, p.SourceId, p.Reason, p.ProposedBy, p.ProposedAt, p.Status, p.DecidedBy, p.DecidedAt, p.DecisionNote))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<DeregistrationProposalResponse>(items, pageNumber, size, total));
    }

    private static async Task<Results<Ok<CustomerResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>, NotFound>> Confirm(
        Guid id, Guid proposalId, DecideProposalRequest? request, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var (customer, refusal) = await db.FindForChange(id, user, http, new Validation().Limits(request));
        if (customer is null)
        {
            return refusal!;
        }

        var proposal = await db.DeregistrationProposals.FirstOrDefaultAsync(p => p.Id == proposalId && p.CustomerId == id, http.RequestAborted);
        if (proposal is null)
        {
            return TypedResults.NotFound();
        }

        proposal.Confirm(customer, user.Id, request?.Note?.Trim(), time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(CustomerResponse.Written(customer));
    }

    private static async Task<Results<Ok<CustomerResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>, NotFound>> Reject(
        Guid id, Guid proposalId, DecideProposalRequest request, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var (customer, refusal) = await db.FindForChange(id, user, http, new Validation().Limits(request).Required("note", request.Note));
        if (customer is null)
        {
            return refusal!;
        }

        var proposal = await db.DeregistrationProposals.FirstOrDefaultAsync(p => p.Id == proposalId && p.CustomerId == id, http.RequestAborted);
        if (proposal is null)
        {
            return TypedResults.NotFound();
        }

        proposal.Reject(user.Id, request.Note!.Trim(), time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Ok(CustomerResponse.Written(customer));
    }
}

/// <summary>Keeps each proposal once per visit (unique by source), for an active customer.</summary>
public sealed class DeregistrationProposedConsumer(CustomersDbContext db, TimeProvider time, ILogger<DeregistrationProposedConsumer> logger)
    : IdempotentConsumer<CustomerDeregistrationProposed, CustomersDbContext>(db, time)
{
    protected override async Task Handle(CustomerDeregistrationProposed message, CancellationToken cancellationToken)
    {
        var customer = await Db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == message.CustomerId, cancellationToken);
        if (customer is null || customer.Status == CustomerStatus.Deregistered)
        {
            logger.LogWarning("Deregistration proposal from {Source} {SourceId} for customer {Customer} ignored: unknown or already deregistered.",
                message.Source, message.SourceId, message.CustomerId);
            return;
        }

        var source = Cut(message.Source, 30);
        var sourceId = Cut(message.SourceId, 100);
        if (await Db.DeregistrationProposals.AnyAsync(p => p.Source == source && p.SourceId == sourceId, cancellationToken))
        {
            return;
        }

        Db.DeregistrationProposals.Add(new DeregistrationProposal(message.CustomerId, source, sourceId, Cut(message.Reason, 500), Cut(message.ProposedBy, 100),
            message.OccurredAt == default ? Time.GetUtcNow() : message.OccurredAt.ToUniversalTime()));
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];
}
