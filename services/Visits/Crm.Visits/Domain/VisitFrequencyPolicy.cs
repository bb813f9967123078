using Crm.BuildingBlocks.Domain;
using Crm.IntegrationEvents;

namespace Crm.Visits.Domain;

/// <summary>Days between visits for each grade, A to E.</summary>
public sealed record GradeIntervals(int A, int B, int C, int D, int E)
{
    public const int MaxDays = 366;

    public int For(CustomerGrade grade) => grade switch
    {
        CustomerGrade.A => A,
        CustomerGrade.B => B,
        CustomerGrade.C => C,
        CustomerGrade.D => D,
        _ => E,
    };
}

/// <summary>
/// How often a region's customers are visited (拜访频次): days between visits by grade, for ordinary and for key
/// customers, and each customer's own interval where one was set. A region without a policy of its own follows
/// <see cref="Standard"/>. Kept by the CRM supervisor or the region's director; every change raises who, when and the
/// new intervals, and the version guards against lost updates.
/// </summary>
public sealed class VisitFrequencyPolicy : AggregateRoot
{
    /// <summary>A weekly, B fortnightly, C monthly, D every two months, E quarterly; key customers more often.</summary>
    public static readonly GradeIntervals StandardOrdinary = new(7, 14, 30, 60, 90);

    public static readonly GradeIntervals StandardKey = new(7, 7, 14, 30, 60);

    private VisitFrequencyPolicy()
    {
    }

    public string Region { get; private init; } = "";
    public GradeIntervals Ordinary { get; private set; } = StandardOrdinary;
    public GradeIntervals Key { get; private set; } = StandardKey;
    public DateTimeOffset? UpdatedAt { get; private set; }
    public string? UpdatedBy { get; private set; }

    /// <summary>0 while the region follows the standard (nothing stored yet).</summary>
    public long Version { get; private set; }

    public static VisitFrequencyPolicy Standard(string region) => new() { Region = region };

    /// <summary>Days between visits to a customer of this grade and tier.</summary>
    public int IntervalDays(CustomerGrade grade, CustomerTier tier) => (tier == CustomerTier.Key ? Key : Ordinary).For(grade);

    public void Change(GradeIntervals ordinary, GradeIntervals key, string by, DateTimeOffset at)
    {
        if (ordinary == Ordinary && key == Key && Version > 0)
        {
            throw new DomainRuleException($"The visit frequency of region {Region} already has these intervals.");
        }

        var (previousOrdinary, previousKey) = (Ordinary, Key);
        Ordinary = ordinary;
        Key = key;
        UpdatedAt = at;
        UpdatedBy = by;
        Version++;
        Raise(new VisitFrequencyChangedDomainEvent(Region, previousOrdinary, previousKey, ordinary, key, by, at, Version));
    }
}

/// <summary>The next due date of a customer's visit: its last completed visit plus its interval; now if never visited.</summary>
public static class VisitCadence
{
    public static DateOnly NextDue(DateOnly? lastVisit, int intervalDays, DateOnly today) =>
        lastVisit is { } last ? last.AddDays(intervalDays) : today;

    /// <summary>Whole days past the due date (0 when not overdue).</summary>
    public static int DaysOverdue(DateOnly due, DateOnly today) => Math.Max(0, today.DayNumber - due.DayNumber);
}
