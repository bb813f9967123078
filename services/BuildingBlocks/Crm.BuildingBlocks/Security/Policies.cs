using Microsoft.AspNetCore.Authorization;

namespace Crm.BuildingBlocks.Security;

/// <summary>
/// The roles' rules as named authorization policies (DESIGN.md, Identity). Route groups and endpoints name them with
/// <c>RequireAuthorization</c>, so a reader and the OpenAPI document both see who may call what. Which rows a caller
/// sees and may change is data scoping, one <c>…Access</c> class per service.
/// </summary>
public static class Policies
{
    /// <summary>Anyone with a platform role: every service's route group requires it.</summary>
    public const string Staff = nameof(Staff);

    /// <summary>The CRM supervisor (or an admin) owns the rules: routing, SLAs, calendars, weights, imports, exports, owners, audit.</summary>
    public const string Stewards = nameof(Stewards);

    /// <summary>Headquarters, branch managers and regional directors: risk control and the approvals of a region.</summary>
    public const string Managers = nameof(Managers);

    /// <summary>Department handlers, the CRM supervisor and admins: the ones who work complaints.</summary>
    public const string ComplaintHandlers = nameof(ComplaintHandlers);

    /// <summary>The front desk, the marketing centre, the CRM supervisor and admins: the gate and the day's visits.</summary>
    public const string Reception = nameof(Reception);

    /// <summary>The contract custodian and admins: the standard contract text (专人管理).</summary>
    public const string ContractCustody = nameof(ContractCustody);

    /// <summary>The CRM supervisor, admins and regional directors: the rules a region may set for itself (visit frequency).</summary>
    public const string RegionalRules = nameof(RegionalRules);

    internal static readonly IReadOnlyList<RoleRule> Rules =
    [
        new(Staff, "staff of the platform (a user with one of its roles)", Roles.All),
        new(Stewards, "the CRM supervisor and admins", Roles.Stewards),
        new(Managers, "headquarters, branch managers and regional directors",
            [.. Roles.Headquarters, Roles.BranchManager, Roles.RegionalDirector]),
        new(ComplaintHandlers, "department handlers, the CRM supervisor and admins",
            [Roles.DepartmentHandler, .. Roles.Stewards]),
        new(RegionalRules, "the CRM supervisor, admins and regional directors", [.. Roles.Stewards, Roles.RegionalDirector]),
        new(Reception, "the front desk, the marketing centre, the CRM supervisor and admins", [Roles.FrontDesk, Roles.MarketingGM, .. Roles.Stewards]),
        new(ContractCustody, "the contract custodian and admins", [Roles.ContractCustodian, Roles.Admin]),
    ];

    /// <summary>Who a policy lets in, in words, for refusals and the OpenAPI document.</summary>
    public static string? Describe(string policy) => Rules.FirstOrDefault(r => r.Policy == policy)?.Who;

    internal static AuthorizationBuilder AddPlatformPolicies(this AuthorizationBuilder builder)
    {
        foreach (var rule in Rules)
        {
            builder.AddPolicy(rule.Policy, p => p.RequireAuthenticatedUser().AddRequirements(rule));
        }

        return builder;
    }
}

/// <summary>
/// A policy's role rule. It is its own handler (the framework's pass-through handler runs it) so that a refusal
/// carries the rule in words, which the 403 problem details shows.
/// </summary>
internal sealed class RoleRule(string policy, string who, IReadOnlyCollection<string> roles)
    : AuthorizationHandler<RoleRule>, IAuthorizationRequirement
{
    public string Policy { get; } = policy;
    public string Who { get; } = who;
    public IReadOnlyCollection<string> Roles { get; } = roles;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRule requirement)
    {
        if (context.User.FindAll(PlatformClaims.Role).Any(c => Roles.Contains(c.Value)))
        {
            context.Succeed(requirement);
        }
        else
        {
            context.Fail(new AuthorizationFailureReason(this, $"Only {Who} may do this."));
        }

        return Task.CompletedTask;
    }
}
