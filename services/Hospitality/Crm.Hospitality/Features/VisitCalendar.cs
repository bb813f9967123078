using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Hospitality.Data;
using Crm.Hospitality.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Hospitality.Features;

public sealed record CalendarDay(DateOnly Day, IReadOnlyList<ApplicationSummary> Visits);

public sealed record WeekCalendar(DateOnly Monday, IReadOnlyList<CalendarDay> Days);

/// <summary>
/// The marketing centre's week of customer visits: every application the caller sees (submitted, approved or
/// completed) by the day it falls on in the company's time zone (Beijing time), Monday to Sunday.
/// </summary>
public static class VisitCalendar
{
    public static void MapVisitCalendar(this RouteGroupBuilder api) =>
        api.MapGet("/calendar", Get)
            .WithName("VisitCalendar")
            .WithSummary("The week's customer visits (?week=any day of it; this week by default), day by day, those submitted, approved or completed.");

    private static async Task<Results<Ok<WeekCalendar>, ValidationProblem>> Get(
        HospitalityDbContext db, CurrentUser user, TimeProvider time, IOptions<HospitalityOptions> options, CancellationToken cancellationToken, DateOnly? week = null)
    {
        var company = options.Value;
        var day = week ?? company.DayOf(time.GetUtcNow());
        var monday = day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
        var from = company.StartOf(monday);
        var until = company.StartOf(monday.AddDays(7));
        var statuses = new[] { ApplicationStatus.Submitted, ApplicationStatus.Approved, ApplicationStatus.Completed };
        var visits = await db.Applications.AsNoTracking().VisibleTo(user)
            .Where(a => statuses.Contains(a.Status) && a.Start >= from && a.Start < until)
            .OrderBy(a => a.Start)
            .Select(a => new ApplicationSummary(a.Id, a.Number, a.CustomerName, a.Region, a.Start, a.End, a.Status, a.WaitingFor, a.Urgent, a.Version))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new WeekCalendar(monday, Enumerable.Range(0, 7).Select(monday.AddDays)
            .Select(d => new CalendarDay(d, visits.Where(v => company.DayOf(v.Start) == d).ToList())).ToList()));
    }
}
