using System.ComponentModel.DataAnnotations;

namespace Crm.Visits;

/// <summary>The Visits service's settings (section <c>Visits</c>), validated at start.</summary>
public sealed class VisitsOptions
{
    /// <summary>A check-in farther than this from the customer's coordinates is flagged for the manager (not refused).</summary>
    [Range(10, 100_000)]
    public double CheckInFlagMeters { get; set; } = 1_000;

    /// <summary>The time zone whose calendar days visits are planned and counted in (IANA id).</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The calendar day an instant falls on in <see cref="TimeZone"/>: the day visits are planned and counted by.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);
}
