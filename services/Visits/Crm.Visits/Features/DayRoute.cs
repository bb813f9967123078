using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Geo;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.IntegrationEvents;
using Crm.Visits.Data;
using Crm.Visits.Domain;
using Crm.Visits.Domain.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Crm.Visits.Features;

/// <summary>When a visit may start: at a fixed time (<see cref="At"/> alone), or between <see cref="At"/> and <see cref="Until"/> (the hours the customer receives visitors).</summary>
public sealed record AppointmentInput(Guid? VisitId, TimeOnly? At, TimeOnly? Until = null);

public sealed record StartPoint(
    [property: Range(-90, 90)] double? Latitude,
    [property: Range(-180, 180)] double? Longitude,
    [property: Description("Wgs84 (the default), Gcj02 or Bd09.")] CoordinateDatum? Datum = null);

public sealed record DayRouteRequest(
    DateOnly? Day,
    [property: Description("Where the day starts (the office or the rep's home).")] StartPoint? Start,
    [property: Description("ReturnToStart (the default) or OpenEnded.")] RouteEnd? End = null,
    [property: Description("When the rep sets off, local time; 08:30 when left out.")] TimeOnly? DepartAt = null,
    [property: MaxLength(100)] string? OwnerId = null,
    [property: Range(5, 480)] int? MinutesPerVisit = null,
    [property: Range(5, 120)] double? SpeedKmh = null,
    [property: MaxLength(VisitLimits.Items * 2)] IReadOnlyList<AppointmentInput?>? Appointments = null);

/// <summary>
/// One stop of the route: the visit, its customer and where it is (WGS-84, whatever datum the customer was recorded in),
/// metres from the previous point, when the visit starts and ends.
/// </summary>
public sealed record RouteStopResponse(
    int Order, Guid VisitId, string VisitNumber, Guid CustomerId, string CustomerName, double Latitude, double Longitude,
    long Meters, DateTimeOffset Arrival, DateTimeOffset Departure);

public sealed record UnroutedVisit(Guid VisitId, string VisitNumber, Guid CustomerId, string CustomerName);

/// <param name="WithoutPosition">Visits whose customer has no coordinates: listed, never dropped silently.</param>
/// <param name="Unreachable">Visits whose appointment or hours cannot be kept on this route.</param>
public sealed record DayRouteResponse(
    DateOnly Day, string OwnerId, IReadOnlyList<RouteStopResponse> Stops, long TotalMeters, long? ReturnMeters, DateTimeOffset? BackAt,
    IReadOnlyList<UnroutedVisit> WithoutPosition, IReadOnlyList<UnroutedVisit> Unreachable);

/// <summary>
/// The route of a rep's day (拜访路线): the day's scheduled visits in the best order from the start point and back (or
/// open-ended), keeping fixed appointments and the hours customers receive visitors, with each leg's distance, the total and the estimated arrival times. The
/// same day always gives the same route. Distances are great-circle by default; a deployment plugs in road distances
/// by registering its own <see cref="IDistanceProvider"/>. Computed on request, nothing stored.
/// </summary>
public static class DayRoute
{
    private static readonly TimeOnly DefaultDeparture = new(8, 30);

    public static IHostApplicationBuilder AddDayRoutes(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<IDistanceProvider, GreatCircleDistances>();
        builder.Services.AddSingleton(sp => new RouteOptimizer(sp.GetRequiredService<IDistanceProvider>()));
        return builder;
    }

    public static void MapDayRoute(this RouteGroupBuilder api) =>
        api.MapPost("/routes", Handle)
            .WithName("PlanDayRoute")
            .WithSummary("The best order of a rep's scheduled visits on a day, with each leg's distance, the total and arrival times; stores nothing.");

    private static async Task<Results<Ok<DayRouteResponse>, ValidationProblem>> Handle(
        DayRouteRequest request, VisitsDbContext db, CurrentUser user, RouteOptimizer optimizer, IOptions<VisitsOptions> options, HttpContext http)
    {
        var validation = new Validation().Limits(request).NotNull("day", request.Day).NotNull("start", request.Start);
        if (request.Start is { } start)
        {
            validation.NotNull("start.latitude", start.Latitude).NotNull("start.longitude", start.Longitude);
        }

        foreach (var (appointment, i) in (request.Appointments ?? []).Select((a, i) => (a, i)).Where(x => x.a is not null))
        {
            validation.NotNull($"appointments[{i}].visitId", appointment!.VisitId).NotNull($"appointments[{i}].at", appointment.At);
            if (appointment.Until < appointment.At)
            {
                validation.Add($"appointments[{i}].until", "At or after at.");
            }
        }

        var ownerId = request.OwnerId ?? user.Id;
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var day = request.Day!.Value;
        var visits = await db.Visits.AsNoTracking().VisibleTo(user)
            .Where(v => v.OwnerId == ownerId && v.ScheduledFor == day && v.Status == VisitStatus.Scheduled)
            .OrderBy(v => v.Number)
            .ToListAsync(http.RequestAborted);
        var appointments = (request.Appointments ?? []).OfType<AppointmentInput>().GroupBy(a => a.VisitId!.Value).ToDictionary(g => g.Key, g => g.Last());
        foreach (var unknown in appointments.Keys.Where(id => visits.All(v => v.Id != id)))
        {
            validation.Add("appointments", $"Visit {unknown} is not one of {ownerId}'s scheduled visits on {day:yyyy-MM-dd} that you see.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var customerIds = visits.Select(v => v.CustomerId).ToList();
        var customers = await db.CustomerSnapshots.AsNoTracking().Where(c => customerIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, http.RequestAborted);
        var zone = options.Value.Zone;
        DateTimeOffset Local(TimeOnly time) => new(day.ToDateTime(time), zone.GetUtcOffset(day.ToDateTime(time)));
        var service = TimeSpan.FromMinutes(request.MinutesPerVisit ?? 30);
        var stops = visits.Select(v =>
        {
            var c = customers.GetValueOrDefault(v.CustomerId);
            GeoPoint? position = c is { Latitude: { } lat, Longitude: { } lon } ? Datums.ToWgs84(new GeoPoint(lat, lon), c.Datum) : null;
            TimeWindow? window = appointments.TryGetValue(v.Id, out var a) ? new TimeWindow(Local(a.At!.Value), Local(a.Until ?? a.At!.Value)) : null;
            return new RouteStop(v.Id.ToString(), position, service, window);
        }).ToList();
        var startAt = request.Start!;
        var origin = Datums.ToWgs84(new GeoPoint(startAt.Latitude!.Value, startAt.Longitude!.Value), startAt.Datum ?? CoordinateDatum.Wgs84);
        var plan = await optimizer.OptimizeAsync(
            new RouteRequest(origin, request.End ?? RouteEnd.ReturnToStart, Local(request.DepartAt ?? DefaultDeparture), stops, request.SpeedKmh ?? 30),
            http.RequestAborted);

        var byId = visits.ToDictionary(v => v.Id.ToString());
        var positions = stops.Where(s => s.Position is not null).ToDictionary(s => s.Id, s => s.Position!.Value);
        UnroutedVisit Unrouted(string id) => new(byId[id].Id, byId[id].Number, byId[id].CustomerId, byId[id].CustomerName);
        return TypedResults.Ok(new DayRouteResponse(
            day, ownerId,
            plan.Legs.Select(l => new RouteStopResponse(l.Order, byId[l.StopId].Id, byId[l.StopId].Number, byId[l.StopId].CustomerId,
                byId[l.StopId].CustomerName, positions[l.StopId].Latitude, positions[l.StopId].Longitude, l.Meters, l.Arrival, l.Departure)).ToList(),
            plan.TotalMeters, plan.ReturnMeters, plan.BackAt,
            plan.WithoutPosition.Select(Unrouted).ToList(), plan.Unreachable.Select(Unrouted).ToList()));
    }
}
