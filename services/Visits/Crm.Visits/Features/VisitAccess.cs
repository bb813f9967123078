using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Visits.Data;
using Crm.Visits.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Visits.Features;

/// <summary>
/// Who may do what with visits, on top of <see cref="CurrentUser"/>'s scoping (reps see their own visits, managers and
/// directors their regions, headquarters all). Only the rep who makes a visit checks in, checks out and writes the
/// report; a branch manager, a regional director of the region or headquarters reviews it (never the rep's own);
/// the CRM supervisor and a region's director keep the region's visit frequency.
/// </summary>
public static class VisitAccess
{
    public static bool MayWork(this CurrentUser user, Visit visit) => visit.OwnerId == user.Id;

    public static bool MayReview(this CurrentUser user, Visit visit) => visit.OwnerId != user.Id && user.ManagesRegion(visit.Region);

    public static bool MayKeepFrequency(this CurrentUser user, string region) =>
        user.IsSupervisorOrAdmin || (user.IsInRole(Roles.RegionalDirector) && user.Regions.Contains(region));
}

public static class VisitLookup
{
    /// <summary>
    /// The visit the caller is about to change, the one prologue of every change: 400 with the request's errors, 404 when
    /// the visit does not exist or is outside the caller's scope, 403 when the caller sees it but <paramref name="may"/>
    /// refuses (with <paramref name="refusal"/> as the reason), 409 (thrown) when If-Match names an older version.
    /// </summary>
    public static async Task<(Visit? Visit, Results<ValidationProblem, NotFound, ProblemHttpResult>? Refusal)> FindForChange(
        this VisitsDbContext db, Guid id, CurrentUser user, HttpContext http, Validation validation, Func<CurrentUser, Visit, bool> may, string refusal)
    {
        if (!validation.IsValid)
        {
            return (null, validation.ToProblem());
        }

        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == id, http.RequestAborted);
        if (visit is null || !user.MaySee(visit))
        {
            return (null, TypedResults.NotFound());
        }

        if (!may(user, visit))
        {
            return (null, Refusals.Forbidden(refusal));
        }

        http.Request.EnsureMatches(visit.Version);
        return (visit, null);
    }
}
