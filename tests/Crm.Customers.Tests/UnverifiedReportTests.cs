using System.Net;
using Crm.Customers.Data;
using Crm.Customers.Features;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Tests;

/// <summary>
/// GET /api/customers/reports/unverified?days=N: an active card counts when it was last verified more than N days ago,
/// or, never verified, registered more than N days ago; N is 90 when not given and from 1 to 3650.
/// </summary>
public sealed class UnverifiedReportTests : CustomersHostTests
{
    /// <summary>Each card's age in days: since its last verification, or since its registration when never verified.</summary>
    private static readonly (string Name, int? VerifiedDaysAgo, int RegisteredDaysAgo)[] Cards =
    [
        ("verified 10 days ago", 10, 400),
        ("verified 29 days ago", 29, 400),
        ("verified 31 days ago", 31, 400),
        ("verified 100 days ago", 100, 400),
        ("never verified, registered 45 days ago", null, 45),
        ("never verified, registered today", null, 0),
    ];

    [Theory]
    [InlineData(5)]
    [InlineData(30)]
    [InlineData(60)]
    [InlineData(null)]
    [InlineData(3650)]
    public async Task a_card_counts_when_it_was_last_verified_before_the_cut_off_and_not_after_it(int? days)
    {
        var now = DateTimeOffset.UtcNow;
        var ids = new Dictionary<Guid, string>();
        foreach (var (name, verified, registered) in Cards)
        {
            var customer = await Register(TestUser.RepEast, name: name);
            ids[customer.Id] = name;
            await Host.Scoped<CustomersDbContext, int>(async db =>
            {
                var card = await db.Customers.SingleAsync(c => c.Id == customer.Id);
                db.Entry(card).Property(c => c.RegisteredAt).CurrentValue = now.AddDays(-registered);
                db.Entry(card).Property(c => c.LastVerifiedAt).CurrentValue = verified is { } v ? now.AddDays(-v) : null;
                return await db.SaveChangesAsync();
            });
        }

        var report = await Host.Client(TestUser.ManagerEast).GetAsync($"/api/customers/reports/unverified{(days is null ? "" : $"?days={days}")}")
            .Read<UnverifiedReportResponse>();

        var n = days ?? 90;
        var expected = Cards.Where(c => (c.VerifiedDaysAgo ?? c.RegisteredDaysAgo) > n).Select(c => c.Name).Order().ToList();
        Assert.Equal(n, report.Days);
        Assert.InRange(report.VerifiedBefore, now.AddDays(-n), DateTimeOffset.UtcNow.AddDays(-n));
        Assert.Equal(expected, report.Owners.SelectMany(o => o.Cards).Select(c => ids[c.Id]).Order());
        Assert.Equal(expected.Count, report.Total);
        if (expected.Count > 0)
        {
            var owner = Assert.Single(report.Owners);
            Assert.Equal(("rep.east", expected.Count), (owner.OwnerId, owner.Count));
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("3651")]
    [InlineData("abc")]
    public async Task days_that_is_not_a_whole_number_from_1_to_3650_is_a_bad_request_naming_days(string days)
    {
        await Host.Client(TestUser.ManagerEast).GetAsync($"/api/customers/reports/unverified?days={days}").ReadValidationProblem("days");
    }
}
