using System.Net.Http.Json;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Complaints.Tests;

/// <summary>The business calendars are the company's: every change, and every start of the service, announces them.</summary>
public sealed class CalendarAnnouncementTests : ComplaintsTestContext
{
    [Fact]
    public async Task the_seeded_calendar_is_announced_when_the_service_starts_with_its_holidays_and_make_up_days()
    {
        var china = await Host.Published<BusinessCalendarChanged>(e => e.Code == "CN");

        Assert.True(china.IsDefault);
        Assert.Equal("Asia/Shanghai", china.TimeZoneId);
        Assert.Contains(new DateOnly(2026, 10, 1), china.Holidays);
        Assert.NotEmpty(china.MakeUpWorkingDays);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], china.WorkingDays.Order());
    }

    [Fact]
    public async Task a_changed_calendar_is_announced_and_so_is_the_one_it_takes_the_default_and_a_region_from()
    {
        var before = await Host.Published<BusinessCalendarChanged>(e => e.Code == "CN");
        var west = new
        {
            name = "West", timeZoneId = "Asia/Urumqi", isDefault = true, regions = new[] { "WEST" },
            workingDays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday },
            workingPeriods = new[] { new { start = "10:00:00", end = "14:00:00" }, new { start = "15:00:00", end = "19:00:00" } },
            exceptions = new object[] { new { date = "2026-10-02", isWorkingDay = false, name = "National Day" }, new { date = "2026-10-11", isWorkingDay = true, name = "调休" } },
        };

        await As(TestUser.Supervisor).PutAsJsonAsync("/api/complaints/calendars/WEST", west, TestJson.Options).Expect(System.Net.HttpStatusCode.OK);

        var announced = await Host.Published<BusinessCalendarChanged>(e => e.Code == "WEST");
        Assert.Equal(("West", "Asia/Urumqi", true, 1L), (announced.Name, announced.TimeZoneId, announced.IsDefault, announced.Version));
        Assert.Equal(["WEST"], announced.Regions);
        Assert.Equal([new DateOnly(2026, 10, 2)], announced.Holidays);
        Assert.Equal([new DateOnly(2026, 10, 11)], announced.MakeUpWorkingDays);
        Assert.Equal([new WorkingHours(new TimeOnly(10, 0), new TimeOnly(14, 0)), new WorkingHours(new TimeOnly(15, 0), new TimeOnly(19, 0))], announced.WorkingPeriods);
        var china = await Host.Published<BusinessCalendarChanged>(e => e.Code == "CN" && e.Version == before.Version + 1);
        Assert.False(china.IsDefault);
    }
}
