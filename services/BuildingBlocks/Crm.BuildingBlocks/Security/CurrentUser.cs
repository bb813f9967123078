using System.Security.Claims;

namespace Crm.BuildingBlocks.Security;

/// <summary>An aggregate that belongs to a region and an owner rep, which is what data scoping looks at.</summary>
public interface IRegionOwned
{
    string Region { get; }
    string OwnerId { get; }
}

/// <summary>
/// The caller, read from the validated token, and what they may see: headquarters roles see all; branch managers,
/// regional directors and department handlers see their regions; a sales rep sees the customers they own.
/// </summary>
public sealed class CurrentUser
{
    public CurrentUser(ClaimsPrincipal principal)
    {
        Id = principal.FindFirstValue(PlatformClaims.Subject) ?? "";
        Name = principal.FindFirstValue(PlatformClaims.Name) ?? Id;
        Roles = principal.FindAll(PlatformClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        Regions = principal.FindAll(PlatformClaims.Region).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        Department = principal.FindFirstValue(PlatformClaims.Department);
    }

    public string Id { get; }
    public string Name { get; }
    public IReadOnlySet<string> Roles { get; }
    public IReadOnlySet<string> Regions { get; }
    public string? Department { get; }

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool SeesAllRegions => Roles.Overlaps(Security.Roles.Headquarters);

    /// <summary>The CRM supervisor (or an admin) owns the rules: routing, SLAs, evaluation weights, exports, owners, audit.</summary>
    public bool IsSupervisorOrAdmin => IsInRole(Security.Roles.CrmSupervisor) || IsInRole(Security.Roles.Admin);

    /// <summary>Managers, directors and handlers work across their regions; a rep only with their own customers.</summary>
    internal bool SeesWholeRegions =>
        IsInRole(Security.Roles.BranchManager) || IsInRole(Security.Roles.RegionalDirector) || IsInRole(Security.Roles.DepartmentHandler);

    public bool CanSee(IRegionOwned item) => CanSee(item.Region, item.OwnerId);

    public bool CanSee(string region, string ownerId) =>
        SeesAllRegions
        || (SeesWholeRegions && Regions.Contains(region))
        || (IsInRole(Security.Roles.SalesRep) && ownerId == Id);

    /// <summary>May this caller create or assign work in the region at all.</summary>
    public bool CanWorkIn(string region) => SeesAllRegions || Regions.Contains(region);
}

public static class CurrentUserQueries
{
    /// <summary>The same rule as <see cref="CurrentUser.CanSee(IRegionOwned)"/>, run in the database.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, CurrentUser user) where T : IRegionOwned
    {
        if (user.SeesAllRegions)
        {
            return query;
        }

        var regions = user.Regions.ToList();
        var wholeRegions = user.SeesWholeRegions;
        var rep = user.IsInRole(Roles.SalesRep);
        var id = user.Id;
        return query.Where(x => (wholeRegions && regions.Contains(x.Region)) || (rep && x.OwnerId == id));
    }
}
