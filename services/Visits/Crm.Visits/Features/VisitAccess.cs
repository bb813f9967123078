using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Visits.Data;
using Crm.Visits.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

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
    /// The visit the caller is about to change, through the one prologue of every change (<see cref="ChangePrologue"/>):
    /// a 403 with <paramref name="refusal"/> as the reason when the caller sees it but <paramref name="may"/> refuses.
    /// </summary>
    public static Task<(Visit? Found, Results<ValidationProblem, NotFound, ProblemHttpResult>? Refusal)> FindForChange(
        this VisitsDbContext db, Guid id, CurrentUser user, HttpContext http, Validation validation, Func<CurrentUser, Visit, bool> may, string refusal) =>
        db.Visits.FindForChange(id, http, validation, user.MaySee, visit => may(user, visit), refusal);
}
