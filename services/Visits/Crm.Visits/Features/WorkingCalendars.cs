using Crm.BuildingBlocks.Calendars;
using Crm.BuildingBlocks.Messaging;
using Crm.IntegrationEvents;
using Crm.Visits.Data;
using Crm.Visits.Domain;
using Microsoft.EntityFrameworkCore;

namespace Crm.Visits.Features;

/// <summary>The company's business calendars, kept from Complaints' announcements on <c>visits-calendars</c>.</summary>
public static class WorkingCalendars
{
    public const string Queue = VisitsService.Name + "-calendars";

    /// <summary>The calendar of <paramref name="region"/>: the one naming it, else the default, else Monday to Friday.</summary>
    public static async Task<BusinessCalendar> CalendarFor(this VisitsDbContext db, string region, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var calendars = await db.WorkingCalendars.AsNoTracking().ToListAsync(cancellationToken);
        var calendar = calendars.Where(c => c.Regions.Contains(region, StringComparer.OrdinalIgnoreCase)).MaxBy(c => c.Version)
            ?? calendars.Where(c => c.IsDefault).MaxBy(c => c.Version);
        return calendar?.ToCalendar() ?? WorkingCalendar.Standard(zone);
    }
}

/// <summary>Keeps the newest version of each announced calendar; an older or repeated announcement changes nothing.</summary>
public sealed class BusinessCalendarChangedConsumer(VisitsDbContext db, TimeProvider time) : IdempotentConsumer<BusinessCalendarChanged, VisitsDbContext>(db, time)
{
    protected override async Task Handle(BusinessCalendarChanged message, CancellationToken cancellationToken)
    {
        var calendar = await Db.WorkingCalendars.FirstOrDefaultAsync(c => c.Code == message.Code, cancellationToken);
        if (calendar is null)
        {
            calendar = WorkingCalendar.Known(message.Code);
            Db.WorkingCalendars.Add(calendar);
        }

        calendar.Apply(message);
    }
}
