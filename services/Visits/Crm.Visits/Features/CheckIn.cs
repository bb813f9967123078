using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Geo;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.IntegrationEvents;
using Crm.Visits.Data;
using Crm.Visits.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Visits.Features;

/// <summary>Where the rep's phone says they are, in its datum (a phone's GPS gives WGS-84, the default).</summary>
public sealed record PositionRequest(
    [property: Range(-90, 90)] double? Latitude,
    [property: Range(-180, 180)] double? Longitude,
    [property: Description("Wgs84 (GPS, the default), Gcj02 (AMap, Tencent) or Bd09 (Baidu).")] CoordinateDatum? Datum = null,
    [property: MaxLength(VisitLimits.Note)] string? Note = null);

/// <summary>
/// Check-in and check-out on site (签到、签退): the time and the position are recorded, and at check-in the distance
/// from the customer's coordinates (both converted to WGS-84 first). A check-in farther than the configured distance
/// (default 1 km) is flagged for the manager, not refused: the rep may be at the customer's other site.
/// </summary>
public static class CheckIn
{
    public static void MapCheckIn(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/check-in", In)
            .WithName("CheckInVisit")
            .WithSummary("Checks in on site with the position; a check-in far from the customer is flagged. Honours If-Match.");
        api.MapPost("/{id:guid}/check-out", Out)
            .WithName("CheckOutVisit")
            .WithSummary("Checks out with the position; the visit counts as made on this day. Honours If-Match.");
    }

    private static async Task<Results<Ok<VisitResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> In(
        Guid id, PositionRequest request, VisitsDbContext db, CurrentUser user, HttpContext http, TimeProvider time, IOptions<VisitsOptions> options)
    {
        var validation = Check(request);
        var (visit, refusal) = await db.FindForChange(id, user, http, validation, (u, v) => u.MayWork(v), "Only the rep who makes the visit checks in.");
        if (visit is null)
        {
            return refusal!;
        }

        var customer = await db.CustomerSnapshots.AsNoTracking().FirstOrDefaultAsync(c => c.Id == visit.CustomerId, http.RequestAborted);
        var point = Point(request, time.GetUtcNow(), customer is { Latitude: { } lat, Longitude: { } lon }
            ? Datums.ToWgs84(new GeoPoint(lat, lon), customer.Datum)
            : null);
        visit.CheckInAt(point, options.Value.CheckInFlagMeters, request.Note?.Trim() ?? "", user.Id);
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(visit.Version);
        return TypedResults.Ok(VisitResponse.From(visit));
    }

    private static async Task<Results<Ok<VisitResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Out(
        Guid id, PositionRequest request, VisitsDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = Check(request);
        var (visit, refusal) = await db.FindForChange(id, user, http, validation, (u, v) => u.MayWork(v), "Only the rep who makes the visit checks out.");
        if (visit is null)
        {
            return refusal!;
        }

        visit.CheckOutAt(Point(request, time.GetUtcNow(), customer: null), request.Note?.Trim() ?? "", user.Id);
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(visit.Version);
        return TypedResults.Ok(VisitResponse.From(visit));
    }

    // The limits already refuse NaN and infinities (and out-of-range values) on both coordinates.
    private static Validation Check(PositionRequest request) =>
        new Validation().Limits(request).NotNull("latitude", request.Latitude).NotNull("longitude", request.Longitude);

    private static CheckPoint Point(PositionRequest request, DateTimeOffset at, GeoPoint? customer)
    {
        var datum = request.Datum ?? CoordinateDatum.Wgs84;
        var here = new GeoPoint(request.Latitude!.Value, request.Longitude!.Value);
        double? meters = customer is { } c ? Math.Round(GreatCircle.Meters(Datums.ToWgs84(here, datum), c), 1) : null;
        return new CheckPoint(at, here.Latitude, here.Longitude, datum, meters);
    }
}
