using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

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
/// A handler takes it as a parameter (<see cref="BindAsync"/>); policies (<see cref="Policies"/>) decide by role
/// before the handler runs, and these rules decide which rows.
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

    public static ValueTask<CurrentUser?> BindAsync(HttpContext context) => ValueTask.FromResult<CurrentUser?>(new CurrentUser(context.User));

    public string Id { get; }
    public string Name { get; }
    public IReadOnlySet<string> Roles { get; }
    public IReadOnlySet<string> Regions { get; }
    public string? Department { get; }

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool SeesAllRegions => Roles.Overlaps(Security.Roles.Headquarters);

    /// <summary>The CRM supervisor (or an admin) owns the rules: routing, SLAs, evaluation weights, exports, owners, audit.</summary>
    public bool IsSupervisorOrAdmin => Roles.Overlaps(Security.Roles.Stewards);

    /// <summary>Managers, directors and handlers work across their regions; a rep only with their own customers.</summary>
    internal bool SeesWholeRegions =>
        IsInRole(Security.Roles.BranchManager) || IsInRole(Security.Roles.RegionalDirector) || IsInRole(Security.Roles.DepartmentHandler);

    public bool MaySee(IRegionOwned item) => CurrentUserQueries.Visible<IRegionOwned>(this).Compile(preferInterpretation: true)(item);

    /// <summary>Headquarters, or a branch manager or regional director of the region: who approves and reviews its work.</summary>
    public bool ManagesRegion(string region) =>
        SeesAllRegions || ((IsInRole(Security.Roles.BranchManager) || IsInRole(Security.Roles.RegionalDirector)) && Regions.Contains(region));

    /// <summary>
    /// May this caller work on something of a region and owner (a customer, its contract, its sales): a manager of the
    /// region or headquarters, or the rep who owns it.
    /// </summary>
    public bool MayWorkOn(IRegionOwned item) => ManagesRegion(item.Region) || (IsInRole(Security.Roles.SalesRep) && item.OwnerId == Id);

    /// <summary>May this caller create or assign work in the region at all.</summary>
    public bool MayWorkIn(string region) => SeesAllRegions || Regions.Contains(region);
}

public static class CurrentUserQueries
{
    /// <summary>What a caller sees of things kept by region and owner; <see cref="CurrentUser.MaySee"/> runs the same rule in memory.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> query, CurrentUser user) where T : IRegionOwned =>
        user.SeesAllRegions ? query : query.Where(Visible<T>(user));

    internal static Expression<Func<T, bool>> Visible<T>(CurrentUser user) where T : IRegionOwned
    {
        if (user.SeesAllRegions)
        {
            return _ => true;
        }

        var regions = user.Regions.ToList();
        var wholeRegions = user.SeesWholeRegions;
        var rep = user.IsInRole(Roles.SalesRep);
        var id = user.Id;
        return x => (wholeRegions && regions.Contains(x.Region)) || (rep && x.OwnerId == id);
    }
}
