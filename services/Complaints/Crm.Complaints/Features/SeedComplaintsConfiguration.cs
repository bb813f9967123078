using Crm.Complaints.Data;
using Crm.Complaints.Domain;
using Crm.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace Crm.Complaints.Features;

/// <summary>
/// Sensible defaults on first start, so a fresh install routes and times complaints out of the box: six departments,
/// routing rule set v1 (by complaint type), SLA targets by severity and tier, and a China business calendar. All of it is
/// ordinary data, editable through the API by the CRM supervisor; nothing is seeded into a table that already has rows.
/// Replicas that start together may both try; the loser's insert fails on the key and it leaves the winner's rows.
/// </summary>
public sealed class SeedComplaintsConfiguration(IServiceScopeFactory scopes, TimeProvider time, ILogger<SeedComplaintsConfiguration> logger) : IHostedService
{
    public static readonly (string Code, string Name, string Head)[] DefaultDepartments =
    [
        ("Quality", "Quality department (质量部)", "head.quality"),
        ("Logistics", "Logistics department (物流部)", "head.logistics"),
        ("Finance", "Finance department (财务部)", "head.finance"),
        ("Sales", "Sales department (销售部)", "head.sales"),
        ("Service", "After-sales service (售后服务部)", "head.service"),
        ("CustomerRelations", "Customer relations (客户关系部)", "head.customerrelations"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintsDbContext>();
        await Seed(db, d => d.Departments, DefaultDepartments.Select(d => new Department { Code = d.Code, Name = d.Name, HeadUserId = d.Head, Version = 1 }), cancellationToken);
        await Seed(db, d => d.RoutingRuleSets, [DefaultRuleSet(time.GetUtcNow())], cancellationToken);
        await Seed(db, d => d.SlaPolicies, DefaultPolicies(), cancellationToken);
        await Seed(db, d => d.Calendars, [ChinaCalendar()], cancellationToken);
        await AnnounceCalendars(db, cancellationToken);
    }

    /// <summary>
    /// Every calendar is announced at start, so a service that joined after a calendar last changed (or lost the event)
    /// learns it; consumers keep the highest version, so replicas announcing together do no harm.
    /// </summary>
    private async Task AnnounceCalendars(ComplaintsDbContext db, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var now = time.GetUtcNow();
        foreach (var calendar in await db.Calendars.ToListAsync(cancellationToken))
        {
            calendar.Announce(now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task Seed<T>(ComplaintsDbContext db, Func<ComplaintsDbContext, DbSet<T>> set, IEnumerable<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (await set(db).AnyAsync(cancellationToken))
        {
            return;
        }

        set(db).AddRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Seeded default {Table}.", typeof(T).Name);
        }
        catch (DbUpdateException)
        {
            // Another replica seeded the same defaults first.
            db.ChangeTracker.Clear();
        }
    }

    public static RoutingRuleSet DefaultRuleSet(DateTimeOffset at) => RoutingRuleSet.Publish(
        1,
        [
            new RoutingRule { Name = "Product quality to Quality", Types = [ComplaintType.ProductQuality], Department = "Quality" },
            new RoutingRule { Name = "Delivery to Logistics", Types = [ComplaintType.Delivery], Department = "Logistics" },
            new RoutingRule { Name = "Billing to Finance", Types = [ComplaintType.Billing], Department = "Finance" },
            new RoutingRule { Name = "Sales policy to Sales", Types = [ComplaintType.SalesPolicy], Department = "Sales" },
            new RoutingRule { Name = "Service to after-sales", Types = [ComplaintType.Service], Department = "Service" },
            new RoutingRule { Name = "Staff conduct to customer relations", Types = [ComplaintType.StaffConduct], Department = "CustomerRelations" },
        ],
        defaultDepartment: "CustomerRelations", defaultQueue: null, publishedBy: "system", at, note: "Default rules seeded at first start; edit through the API.");

    /// <summary>Business hours: first response and resolution by severity, tighter for key customers.</summary>
    public static IEnumerable<SlaPolicy> DefaultPolicies()
    {
        (ComplaintSeverity Severity, double KeyResponse, double KeyResolution, double Response, double Resolution)[] targets =
        [
            (ComplaintSeverity.Critical, 1, 8, 2, 16),
            (ComplaintSeverity.High, 2, 16, 4, 24),
            (ComplaintSeverity.Medium, 4, 24, 8, 40),
            (ComplaintSeverity.Low, 8, 40, 16, 80),
        ];
        foreach (var t in targets)
        {
            yield return Policy(t.Severity, CustomerTier.Key, t.KeyResponse, t.KeyResolution);
            yield return Policy(t.Severity, CustomerTier.Ordinary, t.Response, t.Resolution);
        }

        static SlaPolicy Policy(ComplaintSeverity severity, CustomerTier tier, double response, double resolution) => new()
        {
            Severity = severity,
            Tier = tier,
            FirstResponse = TimeSpan.FromHours(response),
            Resolution = TimeSpan.FromHours(resolution),
            AtRiskShare = 0.75,
            OverdueShare = 0.5,
        };
    }

    /// <summary>
    /// Mainland China, Asia/Shanghai, Monday to Friday 09:00–12:00 and 13:00–18:00. The 2026 public holidays and make-up
    /// working days (调休) are the State Council's published schedule; 2027's are ESTIMATED from the lunar calendar and
    /// have no make-up days yet: replace them with the official notice when it is published (PUT /api/complaints/calendars/CN).
    /// </summary>
    public static CalendarDefinition ChinaCalendar()
    {
        var exceptions = new List<CalendarException>();
        void Holiday(string name, string from, int days)
        {
            var start = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < days; i++)
            {
                exceptions.Add(new CalendarException(start.AddDays(i), false, name));
            }
        }

        void MakeUp(string name, string date) =>
            exceptions.Add(new CalendarException(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), true, $"{name} make-up working day (调休)"));

        Holiday("New Year's Day 2026", "2026-01-01", 3);
        MakeUp("New Year's Day 2026", "2026-01-04");
        Holiday("Spring Festival 2026", "2026-02-15", 9);
        MakeUp("Spring Festival 2026", "2026-02-14");
        MakeUp("Spring Festival 2026", "2026-02-28");
        Holiday("Qingming 2026", "2026-04-04", 3);
        Holiday("Labour Day 2026", "2026-05-01", 5);
        MakeUp("Labour Day 2026", "2026-05-09");
        Holiday("Dragon Boat Festival 2026", "2026-06-19", 3);
        Holiday("Mid-Autumn Festival 2026", "2026-09-25", 3);
        Holiday("National Day 2026", "2026-10-01", 7);
        MakeUp("National Day 2026", "2026-09-20");
        MakeUp("National Day 2026", "2026-10-10");
        Holiday("New Year's Day 2027 (estimated)", "2027-01-01", 3);
        Holiday("Spring Festival 2027 (estimated)", "2027-02-06", 7);
        Holiday("Qingming 2027 (estimated)", "2027-04-03", 3);
        Holiday("Labour Day 2027 (estimated)", "2027-05-01", 5);
        Holiday("Dragon Boat Festival 2027 (estimated)", "2027-06-09", 1);
        Holiday("Mid-Autumn Festival 2027 (estimated)", "2027-09-15", 1);
        Holiday("National Day 2027 (estimated)", "2027-10-01", 7);
        return new CalendarDefinition
        {
            Code = "CN",
            Name = "Mainland China (default; editable seed data)",
            TimeZoneId = "Asia/Shanghai",
            IsDefault = true,
            Regions = ["EAST", "NORTH", "SOUTH", "WEST", "CENTRAL", "NORTHEAST", "NORTHWEST", "SOUTHWEST"],
            WorkingDays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            WorkingPeriods = [new(new TimeOnly(9, 0), new TimeOnly(12, 0)), new(new TimeOnly(13, 0), new TimeOnly(18, 0))],
            Exceptions = exceptions,
            Version = 1,
        };
    }
}
