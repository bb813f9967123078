using System.Globalization;
using Microsoft.Extensions.Options;

namespace Crm.Portal.Components.Shared;

/// <summary>
/// Instants as the company reads them: in its time zone (<see cref="PortalOptions.TimeZone"/>, China's by default), not
/// the server's, formatted for the user's culture. "Today" is the company's today too.
/// </summary>
public sealed class DisplayTime(IOptions<PortalOptions> options, TimeProvider time)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public string Of(DateTimeOffset? at, string format = "g") =>
        at is { } instant ? TimeZoneInfo.ConvertTime(instant, zone).ToString(format, CultureInfo.CurrentCulture) : "—";

    /// <summary>The first instant of a day in the company's time zone.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    /// <summary>The last instant of a day in the company's time zone.</summary>
    public DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1)).AddTicks(-1);

    /// <summary>A wall-clock time a user entered, read in the company's time zone.</summary>
    public DateTimeOffset InCompanyZone(DateTime wallClock)
    {
        var unspecified = DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    /// <summary>An instant as the company's wall-clock time, for a date-time picker.</summary>
    public DateTime WallClock(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, zone).DateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
}

/// <summary>Days as the date pickers hold them: a <see cref="DateTime"/> at midnight, or none.</summary>
public static class PickedDays
{
    public static DateOnly? AsDay(this DateTime? picked) => picked is { } day ? DateOnly.FromDateTime(day) : null;
}
