using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Visits.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Visits.Features;

public sealed record CancelVisitRequest([property: MaxLength(VisitLimits.Reason)] string? Reason);

/// <summary>A scheduled visit dropped with a reason (the customer closed, the trip was called off); it stays on record.</summary>
public static class CancelVisit
{
    public static void MapCancelVisit(this RouteGroupBuilder api) =>
        api.MapPost("/{id:guid}/cancel", Handle)
            .WithName("CancelVisit")
            .WithSummary("Drops a scheduled visit with a reason; it stays on record. Honours If-Match.");

    private static async Task<Results<Ok<VisitResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Handle(
        Guid id, CancelVisitRequest request, VisitsDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).Required("reason", request.Reason);
        var (visit, refusal) = await db.FindForChange(id, user, http, validation, (u, v) => u.MayWork(v) || u.ManagesRegion(v.Region),
            "Only the rep who makes the visit or a manager of the region cancels it.");
        if (visit is null)
        {
            return refusal!;
        }

        visit.Cancel(request.Reason!.Trim(), user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(visit.Version);
        return TypedResults.Ok(VisitResponse.From(visit));
    }
}
