using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Hospitality.Data;
using Crm.Hospitality.Domain;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Hospitality.Features;

public sealed record ChainStepInput([property: MaxLength(50)] string? Role, StepAction? Action);

public sealed record ApprovalRuleInput(
    [property: MaxLength(200)] string? Name,
    bool? Scheduled,
    [property: MaxLength(2)] IReadOnlyList<CustomerTier>? Tiers,
    [property: MaxLength(5)] IReadOnlyList<CustomerKind>? Kinds,
    [property: MaxLength(6)] IReadOnlyList<ChainStepInput?>? Steps,
    [property: Range(0, 24 * 14)] int? NoticeHours,
    NoticeBy? NoticeBy);

public sealed record ApprovalRulesRequest([property: MaxLength(20)] IReadOnlyList<ApprovalRuleInput?>? Rules);

public sealed record ApprovalRulesResponse(IReadOnlyList<ApprovalRule> Rules, DateTimeOffset UpdatedAt, string UpdatedBy, long Version);

/// <summary>
/// The approval rules of customer visits, read in order (the first that takes an application sets its chain and
/// notice): anyone reads them; the CRM supervisor replaces them. Until then the company's documented rules apply.
/// </summary>
public static class ApprovalRules
{
    /// <summary>Roles that may take a step: the approvers of the documents.</summary>
    private static readonly string[] Approvers = [Roles.BranchManager, Roles.RegionalDirector, Roles.MarketingGM, Roles.Chairman];

    public static void MapApprovalRules(this RouteGroupBuilder api)
    {
        api.MapGet("/approval-rules", Get).WithName("GetApprovalRules").WithSummary("The approval rules in force, in the order they are tried, with the version as ETag.");
        api.MapPut("/approval-rules", Put)
            .RequireAuthorization(Policies.Stewards)
            .WithName("PutApprovalRules")
            .WithSummary("Replaces the approval rules; the last must take every customer. Honours If-Match.");
    }

    /// <summary>The rules in force: the stored set, or the documented one (version 0, not stored) until the supervisor sets some.</summary>
    public static async Task<ApprovalRuleSet> RulesAsync(this HospitalityDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await db.ApprovalRuleSets.FirstOrDefaultAsync(r => r.Id == ApprovalRuleSet.Current, cancellationToken)
        ?? ApprovalRuleSet.Documented(time.GetUtcNow());

    private static async Task<Ok<ApprovalRulesResponse>> Get(HospitalityDbContext db, TimeProvider time, HttpContext http)
    {
        var rules = await db.RulesAsync(time, http.RequestAborted);
        http.Response.SetETag(rules.Version);
        return TypedResults.Ok(new ApprovalRulesResponse(rules.Rules, rules.UpdatedAt, rules.UpdatedBy, rules.Version));
    }

    private static async Task<Results<Ok<ApprovalRulesResponse>, ValidationProblem>> Put(
        ApprovalRulesRequest request, HospitalityDbContext db, CurrentUser user, TimeProvider time, HttpContext http)
    {
        var validation = new Validation().Limits(request);
        var rules = new List<ApprovalRule>();
        var inputs = request.Rules ?? [];
        if (inputs.Count == 0)
        {
            validation.Add("rules", "At least one rule.");
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i] is not { } input)
            {
                continue;
            }

            var field = $"rules[{i}]";
            validation.Required($"{field}.name", input.Name).NotNull($"{field}.noticeHours", input.NoticeHours).Defined($"{field}.noticeBy", input.NoticeBy);
            var steps = input.Steps ?? [];
            if (steps.Count == 0)
            {
                validation.Add($"{field}.steps", "At least one step.");
            }

            for (var j = 0; j < steps.Count; j++)
            {
                if (steps[j] is { } step)
                {
                    if (!Approvers.Contains(step.Role))
                    {
                        validation.Add($"{field}.steps[{j}].role", $"One of {string.Join(", ", Approvers)}.");
                    }

                    validation.Defined($"{field}.steps[{j}].action", step.Action);
                }
            }

            rules.Add(new ApprovalRule(input.Name?.Trim() ?? "", input.Scheduled, [.. (input.Tiers ?? []).Distinct()], [.. (input.Kinds ?? []).Distinct()],
                steps.OfType<ChainStepInput>().Select(s => new ChainStep(s.Role ?? "", s.Action ?? StepAction.Approve)).ToList(), input.NoticeHours ?? 0,
                input.NoticeBy ?? NoticeBy.Form));
        }

        if (validation.IsValid && rules[^1] is { Scheduled: not null } or { Tiers.Count: > 0 } or { Kinds.Count: > 0 })
        {
            validation.Add($"rules[{rules.Count - 1}]", "The last rule must take every application (no scheduled flag, tiers or kinds), so none is left without a chain.");
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

        set.Replace(rules, user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(set.Version);
        return TypedResults.Ok(new ApprovalRulesResponse(set.Rules, set.UpdatedAt, set.UpdatedBy, set.Version));
    }
}
