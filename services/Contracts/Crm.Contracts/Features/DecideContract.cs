using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Features;

public sealed record DecideContractRequest(ContractDecisionKind? Decision, [property: MaxLength(ContractLimits.Reason)] string? Comment);

/// <summary>
/// The approvers' work: each step's role approves (on to the next), returns the contract to its drafter, or rejects it,
/// with who, when and a comment (required to return or reject); never on a contract they drafted. Each approver's inbox
/// lists what waits for one of their roles in their regions.
/// </summary>
public static class DecideContract
{
    public static void MapDecideContract(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/decide", Decide)
            .RequireAuthorization(Policies.Managers)
            .WithName("DecideContract")
            .WithSummary("The waiting step's role approves, returns (to the drafter) or rejects the contract; the last approval publishes ContractApproved. Honours If-Match.");
        api.MapGet("/inbox", Inbox)
            .RequireAuthorization(Policies.Managers)
            .WithName("ContractInbox")
            .WithSummary("The contracts waiting for one of the caller's roles in the caller's regions (headquarters roles: all), oldest submission first.");
    }

    private static async Task<Results<Ok<ContractResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Decide(
        Guid id, DecideContractRequest request, ContractsDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).Defined("decision", request.Decision);
        var (contract, refusal) = await db.FindForDecision(id, user, http, validation);
        if (contract is null)
        {
            return refusal!;
        }

        contract.Decide(request.Decision!.Value, contract.WaitingFor ?? "", request.Comment?.Trim(), user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(contract.Version);
        return TypedResults.Ok(ContractResponse.From(contract));
    }

    private static async Task<Results<Ok<PagedResult<ContractSummary>>, ValidationProblem>> Inbox(
        ContractsDbContext db, CurrentUser user, CancellationToken cancellationToken, int? page = null, int? pageSize = null)
    {
        var validation = new Validation();
        var (pageNumber, size) = Paging.Check(validation, page, pageSize);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var roles = user.Roles.Where(ContractApprovalRuleSet.Seniority.Contains).ToList();
        var headquarters = roles.Where(Roles.Headquarters.Contains).ToList();
        var regions = user.Regions.ToList();
        var waiting = db.Contracts.AsNoTracking()
            .Where(c => c.WaitingFor != null && roles.Contains(c.WaitingFor) && (headquarters.Contains(c.WaitingFor) || regions.Contains(c.Region))
                        && c.CreatedBy != user.Id);
        var total = await waiting.CountAsync(cancellationToken);
        var items = await waiting.OrderBy(c => c.SubmittedAt).ThenBy(c => c.Number).TakePage(pageNumber, size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<ContractSummary>(items.Select(ContractSummary.From).ToList(), pageNumber, size, total));
    }
}
