using System.Security.Claims;
using Crm.BuildingBlocks.Security;

namespace Crm.Portal.SignIn;

/// <summary>The signed-in user as the portal shows them and decides what to offer: name, roles, regions, department.</summary>
public sealed record PortalUser(string Id, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Regions, string? Department)
{
    /// <summary>The claims the session cookie keeps from the identity token; the platform's names, as in its access tokens.</summary>
    public static readonly IReadOnlySet<string> ClaimTypes = new HashSet<string> { PlatformClaims.Subject, PlatformClaims.Name, PlatformClaims.Role, PlatformClaims.Region, PlatformClaims.Department };

    public static PortalUser From(ClaimsPrincipal principal) => new(
        principal.FindFirst(PlatformClaims.Subject)?.Value ?? "",
        principal.FindFirst(PlatformClaims.Name)?.Value ?? principal.FindFirst(PlatformClaims.Subject)?.Value ?? "",
        principal.FindAll(PlatformClaims.Role).Select(c => c.Value).ToList(),
        principal.FindAll(PlatformClaims.Region).Select(c => c.Value).ToList(),
        principal.FindFirst(PlatformClaims.Department)?.Value);

    public bool Is(params string[] roles) => Roles.Any(roles.Contains);

    /// <summary>Headquarters roles see every region.</summary>
    public bool SeesEveryRegion => Roles.Any(Crm.BuildingBlocks.Security.Roles.Headquarters.Contains);
}


/// <summary>
/// The roles a screen or an action is offered to, as [Authorize] and AuthorizeView take them; the services' policies
/// (Crm.BuildingBlocks.Security.Policies) decide what each may really do.
/// </summary>
public static class PortalRoles
{
    /// <summary>Headquarters, branch managers and regional directors (the Managers policy).</summary>
    public const string Managers = $"{Roles.BranchManager},{Roles.RegionalDirector},{Roles.MarketingGM},{Roles.Chairman},{Roles.CrmSupervisor},{Roles.Admin}";

    /// <summary>
    /// Reps, managers and headquarters: who keep the cards of the customers they work with (the owner rep and the managers
    /// of its region) and draft, revise and submit their contracts.
    /// </summary>
    public const string Sales = $"{Roles.SalesRep},{Managers}";

    /// <summary>The CRM supervisor and admins, who own the rules, imports and exports (the Stewards policy).</summary>
    public const string Stewards = $"{Roles.CrmSupervisor},{Roles.Admin}";

    /// <summary>The CRM supervisor, admins and regional directors, who set a region's own rules (the RegionalRules policy).</summary>
    public const string RegionalRules = $"{Roles.CrmSupervisor},{Roles.Admin},{Roles.RegionalDirector}";

    /// <summary>The front desk, the marketing centre, the CRM supervisor and admins (the Reception policy).</summary>
    public const string Reception = $"{Roles.FrontDesk},{Roles.MarketingGM},{Roles.CrmSupervisor},{Roles.Admin}";

    /// <summary>The contract custodian and admins, who publish the standard contract text (the ContractCustody policy).</summary>
    public const string ContractCustody = $"{Roles.ContractCustodian},{Roles.Admin}";

    /// <summary>
    /// Who enter a dealer's sales: its rep and the managers of its region keep its plans and record its sales, dealer
    /// administration records its sales (Contracts' sales plans and records).
    /// </summary>
    public const string SalesEntry = $"{Sales},{Roles.DealerAdministrator}";

    /// <summary>Department handlers, the CRM supervisor and admins (the ComplaintHandlers policy).</summary>
    public const string ComplaintHandlers = $"{Roles.DepartmentHandler},{Roles.CrmSupervisor},{Roles.Admin}";
}
