using System.Text.Json.Serialization;

namespace Crm.BuildingBlocks.Calendars;

/// <summary>A span of working time within one day, in the calendar's local time (e.g. 09:00–12:00).</summary>
public readonly record struct WorkingPeriod(TimeOnly Start, TimeOnly End)
{
    // Derived from start and end: not something a caller sends, so not part of the JSON either way.
    [JsonIgnore]
    public TimeSpan Length => End - Start;
}

/// <summary>
/// When a region works: a time zone, the weekdays that are working days, the working periods of a working day (which may
/// be split, 09:00–12:00 and 13:00–18:00), and dated exceptions: public holidays (no work on a weekday) and make-up
/// working days (调休, work on a weekend). Pure and immutable, so SLA arithmetic is testable without a database or a clock.
/// All instants in and out are absolute (<see cref="DateTimeOffset"/>); local time is only used inside.
/// </summary>
public sealed class BusinessCalendar
{
    // A calendar with no working time at all in this many days is treated as broken rather than looped over forever.
    private const int MaxDaysSearched = 3 * 366;

    private readonly IReadOnlySet<DayOfWeek> workingDays;
    private readonly IReadOnlyList<WorkingPeriod> periods;
    private readonly IReadOnlySet<DateOnly> holidays;
    private readonly IReadOnlySet<DateOnly> makeUpWorkingDays;

    public BusinessCalendar(
        TimeZoneInfo timeZone, IEnumerable<DayOfWeek> workingDays, IEnumerable<WorkingPeriod> periods,
        IEnumerable<DateOnly>? holidays = null, IEnumerable<DateOnly>? makeUpWorkingDays = null)
    {
        TimeZone = timeZone;
        this.workingDays = workingDays.ToHashSet();
        this.periods = periods.OrderBy(p => p.Start).ToList();
        this.holidays = (holidays ?? []).ToHashSet();
        this.makeUpWorkingDays = (makeUpWorkingDays ?? []).ToHashSet();
        if (this.periods.Count == 0 || this.periods.Any(p => p.End <= p.Start))
        {
            throw new ArgumentException("A calendar needs at least one working period, each ending after it starts.", nameof(periods));
        }

        for (var i = 1; i < this.periods.Count; i++)
        {
            if (this.periods[i].Start < this.periods[i - 1].End)
            {
                throw new ArgumentException("Working periods must not overlap.", nameof(periods));
            }
        }
    }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>Whether <paramref name="date"/> (local) is a working day: a make-up day always, a holiday never, else by weekday.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        makeUpWorkingDays.Contains(date) || (!holidays.Contains(date) && workingDays.Contains(date.DayOfWeek));

    /// <summary>The business time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        var date = LocalDate(from);
        var lastDate = LocalDate(to);
        for (; date <= lastDate; date = date.AddDays(1))
        {
            foreach (var (start, end) in WorkingIntervals(date))
            {
                var overlapStart = start > from ? start : from;
                var overlapEnd = end < to ? end : to;
                if (overlapEnd > overlapStart)
                {
                    total += overlapEnd - overlapStart;
                }
            }
        }

        return total;
    }

    /// <summary>
    /// The business time used in [<paramref name="from"/>, <paramref name="to"/>) minus the business time that falls in
    /// <paramref name="pauses"/> (e.g. while a complaint waits on the customer); an open pause has no end.
    /// </summary>
    public TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to, IEnumerable<(DateTimeOffset Start, DateTimeOffset? End)> pauses)
    {
        var used = BusinessTimeBetween(from, to);
        foreach (var (start, end) in Merge(pauses))
        {
            var clippedStart = start > from ? start : from;
            var clippedEnd = end is { } e && e < to ? e : to;
            used -= BusinessTimeBetween(clippedStart, clippedEnd);
        }

        return used;
    }

    /// <summary>
    /// The instant at which <paramref name="duration"/> of business time has passed since <paramref name="start"/>. A start
    /// outside working hours counts from the next working period; a duration that ends exactly at the end of a period
    /// ends there (not at the start of the next one).
    /// </summary>
    public DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), "Business time cannot be negative.");
        }

        var remaining = duration;
        var date = LocalDate(start);
        for (var daysWithoutWork = 0; daysWithoutWork < MaxDaysSearched; date = date.AddDays(1))
        {
            daysWithoutWork++;
            foreach (var (periodStart, periodEnd) in WorkingIntervals(date))
            {
                daysWithoutWork = 0;
                if (periodEnd <= start)
                {
                    continue;
                }

                var from = periodStart > start ? periodStart : start;
                var available = periodEnd - from;
                if (remaining <= available)
                {
                    return (from + remaining).ToUniversalTime();
                }

                remaining -= available;
            }
        }

        throw new InvalidOperationException($"The calendar has no working time in the {MaxDaysSearched} days after {start:O}.");
    }

    /// <summary>The working periods of a local date as absolute instants (none on a day off).</summary>
    public IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> WorkingIntervals(DateOnly date)
    {
        if (!IsWorkingDay(date))
        {
            yield break;
        }

        foreach (var period in periods)
        {
            yield return (ToInstant(date, period.Start), ToInstant(date, period.End));
        }
    }

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime);

    private DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        // A local time skipped by a daylight-saving jump does not exist; it is read as the first instant after the jump.
        while (TimeZone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        // In UTC: instants are stored, and PostgreSQL (timestamptz) and the SQLite mapping compare them correctly only in UTC.
        return new DateTimeOffset(local, TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }

    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset? End)> Merge(IEnumerable<(DateTimeOffset Start, DateTimeOffset? End)> pauses)
    {
        (DateTimeOffset Start, DateTimeOffset? End)? current = null;
        foreach (var pause in pauses.OrderBy(p => p.Start))
        {
            if (current is { } c && (c.End is null || pause.Start <= c.End))
            {
                current = (c.Start, c.End is null || pause.End is null ? null : (pause.End > c.End ? pause.End : c.End));
                continue;
            }

            if (current is { } done)
            {
                yield return done;
            }

            current = pause;
        }

        if (current is { } last)
        {
            yield return last;
        }
    }
}
