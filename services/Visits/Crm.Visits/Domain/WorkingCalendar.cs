using Crm.BuildingBlocks.Calendars;
using Crm.IntegrationEvents;

namespace Crm.Visits.Domain;

/// <summary>
/// A business calendar as the Complaints service announced it (BusinessCalendarChanged), kept so that visit plans fall
/// on working days: the regions it serves (or the default for the others), weekdays, hours, holidays and make-up days.
/// </summary>
public sealed class WorkingCalendar
{
    private WorkingCalendar()
    {
    }

    public string Code { get; private init; } = "";
    public string Name { get; private set; } = "";
    public string TimeZoneId { get; private set; } = "";
    public bool IsDefault { get; private set; }
    public List<string> Regions { get; private set; } = [];
    public List<DayOfWeek> WorkingDays { get; private set; } = [];
    public List<WorkingHours> WorkingPeriods { get; private set; } = [];
    public List<DateOnly> Holidays { get; private set; } = [];
    public List<DateOnly> MakeUpWorkingDays { get; private set; } = [];
    public long Version { get; private set; }

    /// <summary>Monday to Friday, 09:00–12:00 and 13:00–18:00, until Complaints has announced the company's calendars.</summary>
    public static BusinessCalendar Standard(TimeZoneInfo zone) => new(
        zone, [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
        [new WorkingPeriod(new TimeOnly(9, 0), new TimeOnly(12, 0)), new WorkingPeriod(new TimeOnly(13, 0), new TimeOnly(18, 0))]);

    public static WorkingCalendar Known(string code) => new() { Code = code };

    /// <summary>Takes the announced calendar when it is newer than the one kept.</summary>
    public bool Apply(BusinessCalendarChanged e)
    {
        if (e.Version <= Version)
        {
            return false;
        }

        Name = e.Name;
        TimeZoneId = e.TimeZoneId;
        IsDefault = e.IsDefault;
        Regions = [.. e.Regions];
        WorkingDays = [.. e.WorkingDays];
        WorkingPeriods = [.. e.WorkingPeriods];
        Holidays = [.. e.Holidays];
        MakeUpWorkingDays = [.. e.MakeUpWorkingDays];
        Version = e.Version;
        return true;
    }

    public BusinessCalendar ToCalendar() => new(
        TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId), WorkingDays, WorkingPeriods.Select(p => new WorkingPeriod(p.Start, p.End)), Holidays,
        MakeUpWorkingDays);
}
