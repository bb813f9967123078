using Crm.BuildingBlocks.Calendars;
using Crm.Complaints.Domain;
using Crm.Complaints.Features;

namespace Crm.Complaints.Tests;

/// <summary>Business-hour arithmetic in the seeded China calendar (Mon–Fri 09:00–12:00, 13:00–18:00, 2026 holidays).</summary>
public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar China = SeedComplaintsConfiguration.ChinaCalendar().ToCalendar();
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    private static DateTimeOffset At(string local) => new(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), Shanghai);

    [Theory]
    [InlineData("2026-03-02 10:00", 1, "2026-03-02 11:00")] // Monday morning, inside one period
    [InlineData("2026-03-02 10:00", 2, "2026-03-02 12:00")] // ends exactly at the end of the morning, not after lunch
    [InlineData("2026-03-02 11:00", 2, "2026-03-02 14:00")] // across the lunch break
    [InlineData("2026-03-02 17:00", 2, "2026-03-03 10:00")] // across the night
    [InlineData("2026-03-06 17:00", 2, "2026-03-09 10:00")] // Friday evening, across the weekend
    [InlineData("2026-03-07 15:00", 1, "2026-03-09 10:00")] // filed on a Saturday: counts from Monday 09:00
    [InlineData("2026-03-02 12:30", 0.5, "2026-03-02 13:30")] // filed at lunch: counts from 13:00
    [InlineData("2026-03-02 20:00", 8, "2026-03-03 18:00")] // filed at night: a whole working day is the next day
    [InlineData("2026-03-02 09:00", 40, "2026-03-06 18:00")] // a working week
    public void Adding_business_hours_skips_nights_lunch_and_weekends(string start, double hours, string expected) =>
        Assert.Equal(At(expected), China.AddBusinessTime(At(start), TimeSpan.FromHours(hours)));

    [Theory]
    [InlineData("2026-09-30 17:00", 2, "2026-10-08 10:00")] // National Day, 1–7 October, is skipped
    [InlineData("2026-10-09 17:00", 2, "2026-10-10 10:00")] // Saturday 10 October is a make-up working day (调休)
    [InlineData("2026-02-13 17:00", 2, "2026-02-14 10:00")] // Saturday 14 February is a make-up working day
    [InlineData("2026-02-14 17:00", 2, "2026-02-24 10:00")] // then the Spring Festival, 15–23 February
    [InlineData("2025-12-31 17:00", 2, "2026-01-04 10:00")] // New Year's Day holiday, then Sunday 4 January is worked
    public void Holidays_are_skipped_and_make_up_days_are_worked(string start, double hours, string expected) =>
        Assert.Equal(At(expected), China.AddBusinessTime(At(start), TimeSpan.FromHours(hours)));

    [Theory]
    [InlineData("2026-03-06 17:00", "2026-03-09 10:00", 2)]
    [InlineData("2026-03-02 08:00", "2026-03-02 20:00", 8)]
    [InlineData("2026-03-02 11:30", "2026-03-02 13:30", 1)]
    [InlineData("2026-09-30 09:00", "2026-10-08 18:00", 16)]
    [InlineData("2026-03-02 12:00", "2026-03-02 10:00", 0)]
    public void Business_time_between_two_instants(string from, string to, double hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), China.BusinessTimeBetween(At(from), At(to)));

    [Fact]
    public void Business_time_between_a_start_and_the_sum_is_the_duration_added()
    {
        var start = At("2026-01-29 16:20");
        for (var minutes = 0; minutes <= 60 * 24 * 20; minutes += 97)
        {
            var duration = TimeSpan.FromMinutes(minutes);
            Assert.Equal(duration, China.BusinessTimeBetween(start, China.AddBusinessTime(start, duration)));
        }
    }

    [Fact]
    public void Pauses_are_subtracted_and_overlapping_pauses_count_once()
    {
        // Monday and Tuesday are 16 business hours; paused Monday 14:00 to Tuesday 11:00 (4 h + 2 h of business time).
        var monday = At("2026-03-02 09:00");
        var tuesdayEvening = At("2026-03-03 18:00");
        (DateTimeOffset, DateTimeOffset?)[] pauses = [(At("2026-03-02 14:00"), At("2026-03-03 11:00")), (At("2026-03-02 15:00"), At("2026-03-02 16:00"))];

        Assert.Equal(TimeSpan.FromHours(10), China.BusinessTimeBetween(monday, tuesdayEvening, pauses));
    }

    [Fact]
    public void An_open_pause_stops_the_count_until_the_end()
    {
        (DateTimeOffset, DateTimeOffset?)[] pauses = [(At("2026-03-02 11:00"), null)];

        Assert.Equal(TimeSpan.FromHours(2), China.BusinessTimeBetween(At("2026-03-02 09:00"), At("2026-03-05 18:00"), pauses));
    }

    [Fact]
    public void Instants_in_any_offset_are_read_in_the_calendar_time_zone()
    {
        // 01:00 UTC is 09:00 in Shanghai: the first hour of the working day.
        var start = new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero), China.AddBusinessTime(start, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void A_daylight_saving_change_over_the_weekend_does_not_change_business_time()
    {
        // Berlin moves from +01:00 to +02:00 on Sunday 29 March 2026.
        var berlin = new BusinessCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"),
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            [new WorkingPeriod(new TimeOnly(9, 0), new TimeOnly(17, 0))]);
        var friday = new DateTimeOffset(2026, 3, 27, 16, 0, 0, TimeSpan.FromHours(1));

        var due = berlin.AddBusinessTime(friday, TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.FromHours(2)), due);
        Assert.Equal(TimeSpan.FromHours(2), berlin.BusinessTimeBetween(friday, due));
    }

    [Fact]
    public void A_calendar_without_any_working_day_is_refused_rather_than_looped_over()
    {
        var never = new BusinessCalendar(TimeZoneInfo.Utc, [], [new WorkingPeriod(new TimeOnly(9, 0), new TimeOnly(17, 0))]);

        Assert.Throws<InvalidOperationException>(() => never.AddBusinessTime(DateTimeOffset.UnixEpoch, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Overlapping_working_periods_are_refused() =>
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(TimeZoneInfo.Utc, [DayOfWeek.Monday],
            [new WorkingPeriod(new TimeOnly(9, 0), new TimeOnly(12, 0)), new WorkingPeriod(new TimeOnly(11, 0), new TimeOnly(14, 0))]));

    public static TheoryData<string, WorkingPeriod[]> PeriodsARuleRefuses => new()
    {
        { "no working period", [] },
        { "a period that ends before it starts", [new WorkingPeriod(new TimeOnly(9, 0), new TimeOnly(12, 0)), new WorkingPeriod(new TimeOnly(14, 0), new TimeOnly(13, 0))] },
        { "a period of no length", [new WorkingPeriod(new TimeOnly(9, 0), new TimeOnly(9, 0))] },
    };

    [Theory]
    [MemberData(nameof(PeriodsARuleRefuses))]
    public void A_calendar_needs_working_periods_that_each_end_after_they_start(string why, WorkingPeriod[] periods)
    {
        var refusal = Assert.Throws<ArgumentException>(() => new BusinessCalendar(TimeZoneInfo.Utc, [DayOfWeek.Monday], periods));

        Assert.Equal("periods", refusal.ParamName);
        Assert.False(string.IsNullOrEmpty(why));
    }

    [Fact]
    public void Periods_that_touch_make_one_stretch_of_working_time()
    {
        var calendar = new BusinessCalendar(TimeZoneInfo.Utc, [DayOfWeek.Monday],
            [new WorkingPeriod(new TimeOnly(9, 0), new TimeOnly(12, 0)), new WorkingPeriod(new TimeOnly(12, 0), new TimeOnly(14, 0))]);
        var mondayNine = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(5), calendar.BusinessTimeBetween(mondayNine, mondayNine.AddHours(6)));
        Assert.Equal(mondayNine.AddHours(4), calendar.AddBusinessTime(mondayNine, TimeSpan.FromHours(4)));
    }

    [Fact]
    public void Negative_business_time_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new BusinessCalendar(TimeZoneInfo.Utc, [DayOfWeek.Monday],
            [new WorkingPeriod(new TimeOnly(9, 0), new TimeOnly(17, 0))]).AddBusinessTime(DateTimeOffset.UnixEpoch, TimeSpan.FromHours(-1)));

    [Fact]
    public void A_pause_that_starts_inside_another_and_ends_after_it_counts_to_its_own_end()
    {
        // Paused Monday 14:00–15:00 and 14:30 to Tuesday 11:00: together Monday 14:00 to Tuesday 11:00 (4 h + 2 h of business time).
        (DateTimeOffset, DateTimeOffset?)[] pauses = [(At("2026-03-02 14:00"), At("2026-03-02 15:00")), (At("2026-03-02 14:30"), At("2026-03-03 11:00"))];

        Assert.Equal(TimeSpan.FromHours(10), China.BusinessTimeBetween(At("2026-03-02 09:00"), At("2026-03-03 18:00"), pauses));
    }

    [Fact]
    public void An_open_pause_that_starts_inside_a_closed_one_stops_the_count_until_the_end()
    {
        (DateTimeOffset, DateTimeOffset?)[] pauses = [(At("2026-03-02 10:00"), At("2026-03-02 12:00")), (At("2026-03-02 11:00"), null)];

        Assert.Equal(TimeSpan.FromHours(1), China.BusinessTimeBetween(At("2026-03-02 09:00"), At("2026-03-05 18:00"), pauses));
    }

    [Fact]
    public void Pauses_apart_from_each_other_are_each_subtracted()
    {
        // Paused Monday 10:00–11:00 and Tuesday 15:00–17:00: 16 business hours less 3.
        (DateTimeOffset, DateTimeOffset?)[] pauses = [(At("2026-03-03 15:00"), At("2026-03-03 17:00")), (At("2026-03-02 10:00"), At("2026-03-02 11:00"))];

        Assert.Equal(TimeSpan.FromHours(13), China.BusinessTimeBetween(At("2026-03-02 09:00"), At("2026-03-03 18:00"), pauses));
    }

    [Fact]
    public void A_working_period_that_starts_in_a_daylight_saving_gap_starts_at_the_first_instant_after_the_jump()
    {
        // Berlin skips 02:00–03:00 on Sunday 29 March 2026; a night shift from 02:30 to 06:00 starts at 03:00 that day (3 hours, not 3.5).
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var nights = new BusinessCalendar(berlin, Enum.GetValues<DayOfWeek>(), [new WorkingPeriod(new TimeOnly(2, 30), new TimeOnly(6, 0))]);
        var saturdayNoon = new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2)), nights.AddBusinessTime(saturdayNoon, TimeSpan.Zero));
        Assert.Equal(TimeSpan.FromHours(3), nights.BusinessTimeBetween(saturdayNoon, new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.FromHours(2))));
    }
}
