namespace Crm.IntegrationEvents;

/// <summary>A span of working time within one day, local time of the calendar.</summary>
public sealed record WorkingHours(TimeOnly Start, TimeOnly End);

/// <summary>
/// A business calendar as it now stands (the CRM supervisor keeps them in the Complaints service): the regions it
/// serves, its working weekdays and hours, public holidays and make-up working days (调休). The SLA clock runs on it in
/// Complaints, and Visits plans working days by it. Complaints also announces every calendar when it starts, so a
/// service that joined later learns them; a consumer keeps the highest version of each.
/// </summary>
public sealed record BusinessCalendarChanged : IntegrationEvent
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string TimeZoneId { get; init; }

    /// <summary>The calendar of the regions that no calendar names.</summary>
    public required bool IsDefault { get; init; }

    public required IReadOnlyList<string> Regions { get; init; }
    public required IReadOnlyList<DayOfWeek> WorkingDays { get; init; }
    public required IReadOnlyList<WorkingHours> WorkingPeriods { get; init; }
    public required IReadOnlyList<DateOnly> Holidays { get; init; }
    public required IReadOnlyList<DateOnly> MakeUpWorkingDays { get; init; }
}
