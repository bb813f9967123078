using System.ComponentModel.DataAnnotations;

namespace Crm.Contracts;

/// <summary>The Contracts section: the company's day, and when contracts in force are looked at for their dates.</summary>
public sealed class ContractsOptions
{
    /// <summary>The time zone whose calendar days contracts come into force and end in (IANA id).</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Renewal reminders, in days before a contract's end: each is sent once, while it is neither renewed nor let lapse.</summary>
    [MinLength(1), MaxLength(10)]
    public int[] ReminderDays { get; set; } = [30, 15, 7];

    /// <summary>How often the contract calendar (activation, expiry, reminders) runs.</summary>
    [Range(1, 86_400)]
    public int CalendarSeconds { get; set; } = 300;

    /// <summary>The calendar day an instant falls on in <see cref="TimeZone"/>.</summary>
    public DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);
}
