using Crm.BuildingBlocks.Calendars;
using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Domain;
using Crm.IntegrationEvents;

namespace Crm.Complaints.Domain;

/// <summary>A department that handles complaints, and its head (who at-risk and level-1 escalations go to).</summary>
public sealed class Department
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public string? HeadUserId { get; set; }
    public long Version { get; set; }
}

/// <summary>First-response and resolution targets for one severity and customer tier, in business hours.</summary>
public sealed class SlaPolicy
{
    public ComplaintSeverity Severity { get; init; }
    public CustomerTier Tier { get; init; }
    public TimeSpan FirstResponse { get; set; }
    public TimeSpan Resolution { get; set; }

    /// <summary>The share of a target used at which a complaint counts as at risk (e.g. 0.75).</summary>
    public double AtRiskShare { get; set; }

    /// <summary>The share of the resolution target past due at which escalation goes to the top level (e.g. 0.5).</summary>
    public double OverdueShare { get; set; }

    public SlaTerms Terms => new(FirstResponse, Resolution, AtRiskShare, OverdueShare);
}

/// <summary>
/// A business calendar as stored and edited through the API: the regions it serves (or the default for every other
/// region), the IANA time zone, working weekdays, working periods and dated exceptions. The calendar is the company's,
/// not only Complaints': every change is announced (<see cref="Announce"/>) for the services that plan by it.
/// </summary>
public sealed class CalendarDefinition : AggregateRoot
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string TimeZoneId { get; set; }
    public bool IsDefault { get; set; }
    public List<string> Regions { get; set; } = [];
    public List<DayOfWeek> WorkingDays { get; set; } = [];
    public List<WorkingPeriod> WorkingPeriods { get; set; } = [];
    public List<CalendarException> Exceptions { get; set; } = [];
    public long Version { get; set; }

    /// <summary>Publishes the calendar as it now stands, after a change or when the service starts.</summary>
    public void Announce(DateTimeOffset at) => Raise(new CalendarAnnouncedDomainEvent(this, at));

    public BusinessCalendar ToCalendar() => new(
        TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId),
        WorkingDays,
        WorkingPeriods,
        Exceptions.Where(e => !e.IsWorkingDay).Select(e => e.Date),
        Exceptions.Where(e => e.IsWorkingDay).Select(e => e.Date));
}

/// <summary>A calendar as it stood when announced (a copy, so that later edits in the same unit of work do not change it).</summary>
public sealed record CalendarAnnouncedDomainEvent(
    string Code, string Name, string TimeZoneId, bool IsDefault, IReadOnlyList<string> Regions, IReadOnlyList<DayOfWeek> WorkingDays,
    IReadOnlyList<WorkingPeriod> WorkingPeriods, IReadOnlyList<CalendarException> Exceptions, long Version, DateTimeOffset OccurredAt) : IDomainEvent
{
    public CalendarAnnouncedDomainEvent(CalendarDefinition c, DateTimeOffset at)
        : this(c.Code, c.Name, c.TimeZoneId, c.IsDefault, [.. c.Regions], [.. c.WorkingDays], [.. c.WorkingPeriods], [.. c.Exceptions], c.Version, at)
    {
    }
}

/// <summary>A dated exception: a public holiday (<see cref="IsWorkingDay"/> false) or a make-up working day (调休, true).</summary>
public sealed record CalendarException(DateOnly Date, bool IsWorkingDay, [property: MaxLength(200)] string Name);
