using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Complaints.Data;
using Crm.Complaints.Domain;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Complaints.Features;

/// <summary>A rule names only the criteria it cares about: an empty or missing list accepts anything.</summary>
public sealed record RoutingRuleRequest(
    [property: MaxLength(200)] string? Name,
    [property: MaxLength(ComplaintLimits.Department)] string? Department,
    Guid? Id = null,
    [property: MaxLength(ComplaintLimits.Choices)] List<ComplaintType>? Types = null,
    [property: MaxLength(500), ItemMaxLength(ComplaintLimits.ProductLine)] List<string>? ProductLines = null,
    [property: MaxLength(500), ItemMaxLength(ComplaintLimits.Region)] List<string>? Regions = null,
    [property: MaxLength(ComplaintLimits.Choices)] List<ComplaintSeverity>? Severities = null,
    [property: MaxLength(ComplaintLimits.Choices)] List<CustomerTier>? Tiers = null,
    [property: MaxLength(ComplaintLimits.Choices)] List<CustomerGrade>? Grades = null,
    [property: MaxLength(ComplaintLimits.Choices)] List<ComplaintChannel>? Channels = null,
    [property: MaxLength(ComplaintLimits.Queue)] string? Queue = null,
    [property: MaxLength(ComplaintLimits.UserId)] string? AssigneeId = null);

public sealed record PublishRuleSetRequest(
    [property: MaxLength(ComplaintLimits.Department)] string? DefaultDepartment,
    [property: MaxLength(500)] List<RoutingRuleRequest>? Rules = null,
    [property: MaxLength(ComplaintLimits.Queue)] string? DefaultQueue = null,
    [property: MaxLength(500)] string? Note = null);

public sealed record RuleSetResponse(
    int Version, IReadOnlyList<RoutingRule> Rules, string DefaultDepartment, string? DefaultQueue, DateTimeOffset PublishedAt, string PublishedBy, string? Note)
{
    public static RuleSetResponse From(RoutingRuleSet r) => new(r.Version, r.Rules, r.DefaultDepartment, r.DefaultQueue, r.PublishedAt, r.PublishedBy, r.Note);
}

/// <summary>
/// A customer id, or the customer's region, tier and grade; the current rule set unless a version is named, or a draft
/// of the next version (validated as a publish would be, its refusals named as in a publish) to try before publishing it.
/// </summary>
public sealed record DryRunRequest(
    ComplaintType? Type,
    ComplaintSeverity? Severity,
    ComplaintChannel? Channel,
    Guid? CustomerId = null,
    [property: MaxLength(ComplaintLimits.Region)] string? Region = null,
    CustomerTier? Tier = null,
    CustomerGrade? Grade = null,
    [property: MaxLength(ComplaintLimits.ProductLine)] string? ProductLine = null,
    [property: Range(1, int.MaxValue)] int? RuleSetVersion = null,
    PublishRuleSetRequest? Draft = null);

public sealed record DryRunResponse(
    int RuleSetVersion, Guid? RuleId, string? RuleName, bool ByDefault, string Department, string? Queue, string? AssigneeId,
    string Explanation, RoutingInput Input, IReadOnlyList<RuleEvaluation> Evaluated);

/// <summary>
/// The routing rule sets: read any version, publish a new one (the Stewards policy: the CRM supervisor or admin; If-Match
/// names the version it replaces, so two supervisors editing at once cannot silently overwrite each other), and the dry run.
/// </summary>
public static class ManageRouting
{
    public static void MapManageRouting(this RouteGroupBuilder api)
    {
        var routing = api.MapGroup("/routing");
        routing.MapGet("/rule-sets", List).WithName("ListRuleSets").WithSummary("Every published version of the routing rules, newest first (without their rules).");
        routing.MapGet("/rule-sets/current", Current).WithName("GetCurrentRuleSet").WithSummary("The rule set new complaints are routed by; its version as ETag.");
        routing.MapGet("/rule-sets/{version:int}", Get).WithName("GetRuleSet").WithSummary("One published version of the routing rules.");
        routing.MapPost("/rule-sets", Publish)
            .RequireAuthorization(Policies.Stewards)
            .WithIdempotency<ComplaintsDbContext>()
            .WithName("PublishRuleSet")
            .WithSummary("Publishes the next version of the routing rules (ordered; first match wins; a default department catches the rest). CRM supervisor or admin. Complaints already routed keep their routing.");
        routing.MapPost("/dry-run", DryRun)
            .WithName("RoutingDryRun")
            .WithSummary("Where would this complaint go, and why, by a published version or a draft of the next: every rule tried, in order, with why it did not match. Saves nothing.");
    }

    private static async Task<Ok<List<RuleSetSummary>>> List(ComplaintsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.RoutingRuleSets.AsNoTracking().OrderByDescending(r => r.Version)
            .Select(r => new RuleSetSummary(r.Version, r.DefaultDepartment, r.PublishedAt, r.PublishedBy, r.Note))
            .ToListAsync(cancellationToken));

    public sealed record RuleSetSummary(int Version, string DefaultDepartment, DateTimeOffset PublishedAt, string PublishedBy, string? Note);

    private static async Task<Results<Ok<RuleSetResponse>, NotFound>> Current(ComplaintsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var current = await db.CurrentRuleSet(cancellationToken);
        if (current is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.SetETag(current.Version);
        return TypedResults.Ok(RuleSetResponse.From(current));
    }

    private static async Task<Results<Ok<RuleSetResponse>, NotFound>> Get(int version, ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        var ruleSet = await db.RoutingRuleSets.AsNoTracking().FirstOrDefaultAsync(r => r.Version == version, cancellationToken);
        return ruleSet is null ? TypedResults.NotFound() : TypedResults.Ok(RuleSetResponse.From(ruleSet));
    }

    private static async Task<Results<Created<RuleSetResponse>, ValidationProblem>> Publish(
        PublishRuleSetRequest request, ComplaintsDbContext db, CurrentUser user, HttpContext http, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().Limits(request);
        await ValidateRuleSet(request, validation, db, cancellationToken);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var current = await db.CurrentRuleSet(cancellationToken);
        http.Request.EnsureMatches(current?.Version ?? 0);
        var published = ToRuleSet(request, (current?.Version ?? 0) + 1, user.Id, time.GetUtcNow());
        // The version is the key: of two publishers racing from the same version, the second insert fails (409).
        db.RoutingRuleSets.Add(published);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new DomainRuleException($"Rule set version {published.Version} was published by someone else meanwhile. Reload and try again.");
        }

        http.Response.SetETag(published.Version);
        return TypedResults.Created($"/api/complaints/routing/rule-sets/{published.Version}", RuleSetResponse.From(published));
    }

    /// <summary>What a publish and a draft's dry run both refuse: a rule without a name, and departments that do not exist.</summary>
    private static async Task ValidateRuleSet(PublishRuleSetRequest request, Validation validation, ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        var departments = (await db.Departments.AsNoTracking().Select(d => d.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        validation.Required("defaultDepartment", request.DefaultDepartment);
        if (request.DefaultDepartment is { Length: > 0 } defaultDepartment && !departments.Contains(defaultDepartment.Trim()))
        {
            validation.Add("defaultDepartment", "No such department.");
        }

        var rules = request.Rules ?? [];
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not { } rule)
            {
                continue;
            }

            var prefix = $"rules[{i}]";
            validation.Required($"{prefix}.name", rule.Name).Required($"{prefix}.department", rule.Department);
            if (rule.Department is { Length: > 0 } department && !departments.Contains(department.Trim()))
            {
                validation.Add($"{prefix}.department", "No such department.");
            }

            if (rules.Take(i).Any(r => r?.Id is { } id && id != Guid.Empty && id == rule.Id))
            {
                validation.Add($"{prefix}.id", "Another rule of this set has the same id.");
            }
        }
    }

    private static RoutingRuleSet ToRuleSet(PublishRuleSetRequest request, int version, string by, DateTimeOffset at) => RoutingRuleSet.Publish(
        version,
        (request.Rules ?? []).Select(r => new RoutingRule
        {
            Id = r.Id ?? Guid.Empty,
            Name = r.Name!.Trim(),
            Types = r.Types ?? [],
            ProductLines = (r.ProductLines ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).ToList(),
            Regions = (r.Regions ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).ToList(),
            Severities = r.Severities ?? [],
            Tiers = r.Tiers ?? [],
            Grades = r.Grades ?? [],
            Channels = r.Channels ?? [],
            Department = r.Department!.Trim(),
            Queue = string.IsNullOrWhiteSpace(r.Queue) ? null : r.Queue.Trim(),
            AssigneeId = string.IsNullOrWhiteSpace(r.AssigneeId) ? null : r.AssigneeId.Trim(),
        }).ToList(),
        request.DefaultDepartment!.Trim(),
        string.IsNullOrWhiteSpace(request.DefaultQueue) ? null : request.DefaultQueue.Trim(),
        by, at, string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim());

    private static async Task<Results<Ok<DryRunResponse>, ValidationProblem>> DryRun(
        DryRunRequest request, ComplaintsDbContext db, CurrentUser user, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().Limits(request).Defined("type", request.Type).Defined("severity", request.Severity).Defined("channel", request.Channel);
        string? region = request.Region?.Trim();
        var tier = request.Tier;
        var grade = request.Grade;
        if (request.CustomerId is not null)
        {
            if (await db.CustomerSnapshots.FindForWorkAsync(request.CustomerId, user, validation, cancellationToken) is { } customer)
            {
                region ??= customer.Region;
                tier ??= customer.Tier;
                grade ??= customer.Grade;
            }
        }
        else
        {
            validation.Required("region", region).Defined("tier", tier).Defined("grade", grade);
        }

        RoutingRuleSet? ruleSet;
        if (request.Draft is { } draft)
        {
            await ValidateRuleSet(draft, validation, db, cancellationToken);
            ruleSet = validation.IsValid ? ToRuleSet(draft, ((await db.CurrentRuleSet(cancellationToken))?.Version ?? 0) + 1, user.Id, time.GetUtcNow()) : null;
        }
        else
        {
            ruleSet = request.RuleSetVersion is { } version
                ? await db.RoutingRuleSets.AsNoTracking().FirstOrDefaultAsync(r => r.Version == version, cancellationToken)
                : await db.CurrentRuleSet(cancellationToken);
        }

        if (ruleSet is null && request.Draft is null)
        {
            validation.Add("ruleSetVersion", "No such rule set version.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var input = new RoutingInput(request.Type!.Value, request.Severity!.Value, request.Channel!.Value,
            string.IsNullOrWhiteSpace(request.ProductLine) ? null : request.ProductLine.Trim(), region!, tier!.Value, grade!.Value);
        var decision = ruleSet!.Route(input);
        var explanation = decision.RuleId is null
            ? $"No rule of version {decision.RuleSetVersion} matched ({decision.Evaluated.Count} tried), so it goes to the default department {decision.Department}."
            : $"Rule {decision.Evaluated.Count} \"{decision.RuleName}\" of version {decision.RuleSetVersion} matched first, so it goes to {decision.Department}"
              + (decision.Queue is null ? "" : $", queue {decision.Queue}") + (decision.AssigneeId is null ? "." : $", assigned to {decision.AssigneeId}.");
        return TypedResults.Ok(new DryRunResponse(decision.RuleSetVersion, decision.RuleId, decision.RuleName, decision.RuleId is null,
            decision.Department, decision.Queue, decision.AssigneeId, explanation, input, decision.Evaluated));
    }
}
