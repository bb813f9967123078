using Crm.IntegrationEvents;
using Crm.Visits.Domain;

namespace Crm.Visits.Tests;

public sealed class VisitCadenceTests
{
    private static readonly DateOnly Today = new(2026, 3, 20);

    [Theory]
    [InlineData("2026-03-02", 14, "2026-03-16", 4)]
    [InlineData("2026-03-02", 30, "2026-04-01", 0)]
    [InlineData("2026-03-13", 7, "2026-03-20", 0)]
    [InlineData("2026-03-12", 7, "2026-03-19", 1)]
    [InlineData("2025-12-20", 90, "2026-03-20", 0)]
    [InlineData("2025-12-19", 90, "2026-03-19", 1)]
    public void next_due_is_the_last_visit_plus_the_interval_and_days_overdue_count_from_it(string last, int interval, string due, int overdue)
    {
        var nextDue = VisitCadence.NextDue(DateOnly.Parse(last), interval, Today);

        Assert.Equal(DateOnly.Parse(due), nextDue);
        Assert.Equal(overdue, VisitCadence.DaysOverdue(nextDue, Today));
    }

    [Fact]
    public void a_customer_never_visited_is_due_today_and_not_yet_overdue()
    {
        Assert.Equal(Today, VisitCadence.NextDue(null, 7, Today));
        Assert.Equal(0, VisitCadence.DaysOverdue(Today, Today));
    }

    [Theory]
    [InlineData(CustomerGrade.A, CustomerTier.Ordinary, 7)]
    [InlineData(CustomerGrade.B, CustomerTier.Ordinary, 14)]
    [InlineData(CustomerGrade.C, CustomerTier.Ordinary, 30)]
    [InlineData(CustomerGrade.D, CustomerTier.Ordinary, 60)]
    [InlineData(CustomerGrade.E, CustomerTier.Ordinary, 90)]
    [InlineData(CustomerGrade.A, CustomerTier.Key, 7)]
    [InlineData(CustomerGrade.B, CustomerTier.Key, 7)]
    [InlineData(CustomerGrade.C, CustomerTier.Key, 14)]
    [InlineData(CustomerGrade.D, CustomerTier.Key, 30)]
    [InlineData(CustomerGrade.E, CustomerTier.Key, 60)]
    public void the_standard_policy_visits_a_weekly_to_e_quarterly_and_key_customers_more_often(CustomerGrade grade, CustomerTier tier, int days) =>
        Assert.Equal(days, VisitFrequencyPolicy.Standard("EAST").IntervalDays(grade, tier));

    [Fact]
    public void a_changed_policy_uses_its_own_interval_for_each_grade_and_tier_and_counts_its_versions()
    {
        var policy = VisitFrequencyPolicy.Standard("EAST");
        policy.Change(new GradeIntervals(5, 10, 20, 40, 80), new GradeIntervals(3, 6, 12, 24, 48), "supervisor", DateTimeOffset.UnixEpoch);

        Assert.Equal([5, 10, 20, 40, 80], Enum.GetValues<CustomerGrade>().Select(g => policy.IntervalDays(g, CustomerTier.Ordinary)));
        Assert.Equal([3, 6, 12, 24, 48], Enum.GetValues<CustomerGrade>().Select(g => policy.IntervalDays(g, CustomerTier.Key)));
        Assert.Equal(1, policy.Version);
        var changed = Assert.IsType<VisitFrequencyChangedDomainEvent>(Assert.Single(policy.DomainEvents));
        Assert.Equal(("EAST", "supervisor", 1L), (changed.Region, changed.By, changed.Version));
    }
}
