using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Features;

public sealed record ContractApprovalRuleInput(
    [property: MaxLength(ContractLimits.Name)] string? Name,
    [property: Range(typeof(decimal), "0", Crm.BuildingBlocks.Money.MaxAmount)] decimal? MinValue,
    bool? ExclusiveAuthority,
    bool? NonStandardClauses,
    [property: MaxLength(4), ItemMaxLength(30)] IReadOnlyList<string>? Roles);

public sealed record ContractApprovalRulesRequest(
    [property: MaxLength(20)] IReadOnlyList<ContractApprovalRuleInput?>? Rules,
    OverCreditAction? OverCredit,
    [property: MaxLength(30)] string? CreditRole);

public sealed record ContractApprovalRulesResponse(
    IReadOnlyList<ContractApprovalRule> Rules, OverCreditAction OverCredit, string CreditRole, DateTimeOffset UpdatedAt, string UpdatedBy, long Version);

/// <summary>
/// The contract approval rules: anyone reads them; the CRM supervisor replaces them. Every rule that takes a contract
/// adds its roles to the chain, which runs from the branch up; over the credit limit, the credit role is an extra step
/// or the contract is refused. Until the supervisor sets rules, the company's practice applies.
/// </summary>
public static class ApprovalRules
{
    public static void MapApprovalRules(this RouteGroupBuilder api)
    {
        api.MapGet("/approval-rules", Get).WithName("GetContractApprovalRules").WithSummary("The approval rules in force, with the version as ETag.");
        api.MapPut("/approval-rules", Put)
            .RequireAuthorization(Policies.Stewards)
            .WithName("PutContractApprovalRules")
            .WithSummary("Replaces the approval rules; one must take every contract. Honours If-Match.");
    }

    /// <summary>The rules in force: the stored set, or the documented one (version 0, not stored) until the supervisor sets some.</summary>
    public static async Task<ContractApprovalRuleSet> RulesAsync(this ContractsDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await db.ApprovalRuleSets.FirstOrDefaultAsync(r => r.Id == ContractApprovalRuleSet.Current, cancellationToken)
        ?? ContractApprovalRuleSet.Documented(time.GetUtcNow());

    private static async Task<Ok<ContractApprovalRulesResponse>> Get(ContractsDbContext db, TimeProvider time, HttpContext http)
    {
        var rules = await db.RulesAsync(time, http.RequestAborted);
        http.Response.SetETag(rules.Version);
        return TypedResults.Ok(Response(rules));
    }

    private static async Task<Results<Ok<ContractApprovalRulesResponse>, ValidationProblem>> Put(
        ContractApprovalRulesRequest request, ContractsDbContext db, CurrentUser user, TimeProvider time, HttpContext http)
    {
        var validation = new Validation().Limits(request).Defined("overCredit", request.OverCredit);
        var approvers = ContractApprovalRuleSet.Seniority;
        if (request.OverCredit == OverCreditAction.ExtraStep && !approvers.Contains(request.CreditRole))
        {
            validation.Add("creditRole", $"One of {string.Join(", ", approvers)}: who approves a contract over the credit limit.");
        }

        var inputs = request.Rules ?? [];
        var rules = new List<ContractApprovalRule>();
        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i] is not { } input)
            {
                continue;
            }

            var field = $"rules[{i}]";
            validation.Required($"{field}.name", input.Name);
            var roles = input.Roles ?? [];
            if (roles.Count == 0)
            {
                validation.Add($"{field}.roles", "At least one role.");
            }

            for (var j = 0; j < roles.Count; j++)
            {
                if (roles[j] is { } role && !approvers.Contains(role))
                {
                    validation.Add($"{field}.roles[{j}]", $"One of {string.Join(", ", approvers)}.");
                }
            }

            rules.Add(new ContractApprovalRule(input.Name?.Trim() ?? "", input.MinValue, input.ExclusiveAuthority, input.NonStandardClauses, [.. roles.Distinct()]));
        }

        if (validation.IsValid && !rules.Any(r => r is { MinValue: null, ExclusiveAuthority: not true, NonStandardClauses: not true }))
        {
            validation.Add("rules", "One rule must take every contract (no value, authority or clause condition), so none is left without a chain.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var set = await db.RulesAsync(time, http.RequestAborted);
        http.Request.EnsureMatches(set.Version);
        if (set.Version == 0)
        {
            db.ApprovalRuleSets.Add(set);
        }

        set.Replace(rules, request.OverCredit!.Value, request.CreditRole ?? "", user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(set.Version);
        return TypedResults.Ok(Response(set));
    }

    private static ContractApprovalRulesResponse Response(ContractApprovalRuleSet s) => new(s.Rules, s.OverCredit, s.CreditRole, s.UpdatedAt, s.UpdatedBy, s.Version);
}
