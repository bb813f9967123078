using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Geo;
using Crm.BuildingBlocks.Hosting;
using Crm.IntegrationEvents;
using Crm.Visits.Data;
using Crm.Visits.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Visits.Features;

/// <summary>
/// Demo visits when <c>Visits:SeedDemoData</c> is true and the database has none: for each customer a visit made last
/// week with its report (submitted, approved or returned for revision), then each rep's generated plan for the next
/// two weeks (the first one submitted), so the due list, both review inboxes, the plans and a day's route show something. The customers arrive from
/// Customers' demo data through the bus, so the seed waits for them (up to a minute) after the host has started.
/// </summary>
internal sealed class SeedDemoVisits(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<VisitsOptions> options, IHostApplicationLifetime lifetime, ILogger<SeedDemoVisits> logger)
    : BackgroundService
{
    // What Customers' demo seeds (services/Customers/Crm.Customers/Features/SeedDemoCustomers.cs); the services share no code.
    private const int DemoCustomers = 18;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WhenStarted(stoppingToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VisitsDbContext>();
            if (await db.Visits.AnyAsync(stoppingToken))
            {
                return;
            }

            var deadline = time.GetUtcNow().AddMinutes(1);
            while (await db.CustomerSnapshots.CountAsync(stoppingToken) < DemoCustomers && time.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }

            await Seed(db, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The demo visits could not be created.");
        }
    }

    private async Task Seed(VisitsDbContext db, CancellationToken cancellationToken)
    {
        var zone = options.Value.Zone;
        var now = time.GetUtcNow();
        var today = options.Value.DayOf(now);
        var thisMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var customers = await db.CustomerSnapshots.AsNoTracking()
            .Where(c => c.Status == CustomerStatus.Active && c.Latitude != null).OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var index = 0;
        foreach (var customer in customers)
        {
            var lastWeek = thisMonday.AddDays(-7 + index % 5);
            var start = new DateTimeOffset(lastWeek.ToDateTime(new TimeOnly(9 + index % 4, 30)), zone.GetUtcOffset(lastWeek.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
            var visit = Visit.Schedule(await db.NextNumberAsync("VS", start.Year, cancellationToken), customer.Id, customer.Name, customer.Region,
                customer.OwnerId, customer.Version, lastWeek, planId: null, "Demo visit", customer.OwnerId, start.AddDays(-3));
            var wgs84 = Datums.ToWgs84(new GeoPoint(customer.Latitude!.Value, customer.Longitude!.Value), customer.Datum);
            // The rep's phone reports WGS-84 a few metres from the customer; every fourth check-in is 1.5 km off and flagged.
            var offset = index % 4 == 3 ? 0.0135 : 0.0002;
            var point = new CheckPoint(start, wgs84.Latitude + offset, wgs84.Longitude, CoordinateDatum.Wgs84,
                Math.Round(GreatCircle.Meters(new GeoPoint(wgs84.Latitude + offset, wgs84.Longitude), wgs84), 1));
            visit.CheckInAt(point, options.Value.CheckInFlagMeters, "", customer.OwnerId);
            visit.CheckOutAt(point with { At = start.AddMinutes(50), MetersFromCustomer = null }, "", customer.OwnerId);
            visit.WriteReport(Report(index, today), customer.OwnerId, start.AddMinutes(70));
            visit.SubmitReport(customer.OwnerId, start.AddMinutes(75));
            var manager = customer.Region == "EAST" ? "manager.east" : "manager.north";
            if (index % 3 == 1)
            {
                visit.Review(true, "Good follow-up", manager, start.AddDays(1));
            }
            else if (index % 3 == 2)
            {
                visit.Review(false, "Add the competitor's prices", manager, start.AddDays(1));
            }

            db.Visits.Add(visit);
            index++;
        }

        await db.SaveChangesAsync(cancellationToken);
        // Each rep's plan for the next two weeks, generated as a rep would; the first is submitted for review.
        var plans = 0;
        foreach (var rep in customers.Select(c => (c.OwnerId, c.Region)).Distinct().Order())
        {
            var (plan, _) = await db.GeneratePlanAsync(rep.OwnerId, rep.Region, today, today.AddDays(13), 6, 60, options.Value, rep.OwnerId, now, cancellationToken);
            if (plans++ == 0)
            {
                plan.Submit(rep.OwnerId, now);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        logger.LogInformation("Created {Count} demo visits for {Customers} customers and {Plans} plans.", index, index, plans);
    }

    private static VisitReport Report(int index, DateOnly today) => new(
        Purpose: "了解季度需求 Quarterly needs review",
        Needs: "防滑砖和大板 Anti-slip tiles and large slabs",
        Objections: [new Objection("价格偏高 Price above the competitor", "讲解全生命周期成本 Explained the lifetime cost")],
        Suggestions: "缩短交货期 Shorter delivery times",
        Competitors: [new CompetitorNote("马可波罗 Marco Polo", "600x600 防滑砖", 58.5m, "春季九折 Spring discount 10%")],
        Satisfaction: 3 + index % 3,
        TrainingGiven: "大板铺贴指导 Large-slab laying guide",
        NextSteps: [new NextStep("寄样品 Send samples", today.AddDays(3))],
        ProposedGrade: null,
        GradeReason: null);
}
