using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Security;
using Crm.Hospitality.Data;
using Crm.Hospitality.Domain;
using Crm.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace Crm.Hospitality.Features;

/// <summary>
/// Demo applications when <c>Hospitality:SeedDemoData</c> is true and there are none: for a key and an ordinary customer
/// of the demo (services/Customers/Crm.Customers/Features/SeedDemoCustomers.cs), one in every state — waiting for each
/// kind of approver, returned, rejected, approved with its permit (one urgent, one with photography allowed) and
/// completed — so every inbox, the gate and the front desk's day have something to show. The customers arrive through
/// the bus, so the seed waits for them (up to a minute) after the host has started.
/// </summary>
internal sealed class SeedDemoHospitality(IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<SeedDemoHospitality> logger)
    : BackgroundService
{
    private const string KeyCustomer = "DEMO-E001";
    private const string OrdinaryCustomer = "DEMO-E002";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await lifetime.WhenStarted(stoppingToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HospitalityDbContext>();
            if (await db.Applications.AnyAsync(stoppingToken))
            {
                return;
            }

            var deadline = time.GetUtcNow().AddMinutes(1);
            List<CustomerSnapshot> customers;
            while ((customers = await db.CustomerSnapshots.AsNoTracking().Where(c => c.Code == KeyCustomer || c.Code == OrdinaryCustomer).ToListAsync(stoppingToken)).Count < 2
                   && time.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }

            if (customers.Count == 2)
            {
                await Seed(db, customers.Single(c => c.Code == KeyCustomer), customers.Single(c => c.Code == OrdinaryCustomer), stoppingToken);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The demo hospitality applications could not be created.");
        }
    }

    private async Task Seed(HospitalityDbContext db, CustomerSnapshot key, CustomerSnapshot ordinary, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var rules = ApprovalRuleSet.Documented(now);
        var standards = ReceptionStandardSet.Documented(now);
        // Visits start on the hour, Beijing time, a number of days from now.
        DateTimeOffset Day(int days, int hour) =>
            new DateTimeOffset(DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime).AddDays(days).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8)).ToUniversalTime();

        async Task<HospitalityApplication> Apply(CustomerSnapshot customer, DateTimeOffset start, DateTimeOffset at, bool photographs = false, bool urgent = false)
        {
            var request = new VisitRequest(
                [new Visitor("王总 Wang", "总经理 General manager", true), new Visitor("李工 Li", "采购 Purchasing", false)],
                start, start.AddHours(2), "参观新窑炉生产线 See the new kiln line", VisitKind.AdHoc, "3 号线、展厅 Line 3, showroom", photographs, "gm");
            var application = HospitalityApplication.Apply(await db.NextNumberAsync("HV", at.Year, cancellationToken), customer.Id, customer.Name,
                customer.Region, customer.OwnerId, customer.Tier, customer.Kind, customer.Grade, request, rules.For(VisitKind.AdHoc, customer.Tier, customer.Kind),
                urgent, customer.OwnerId, at);
            db.Applications.Add(application);
            return application;
        }

        async Task Approve(HospitalityApplication application, DateTimeOffset at)
        {
            foreach (var step in application.Chain)
            {
                application.Decide(Decision.Approve, step.Role, "OK", null, Approver(step.Role), at);
            }

            application.IssuePermit(await db.NextNumberAsync("PM", at.Year, cancellationToken), PermitCodes.New(),
                standards.For(application.CustomerTier, application.CustomerGrade), at);
        }

        var earlier = now.AddDays(-9);
        var completed = await Apply(key, Day(-7, 10), earlier);
        await Approve(completed, earlier.AddHours(2));
        completed.Complete(new VisitOutcome("看了 3 号线，同意试单 Toured line 3, agreed a trial order", "对窑炉印象深刻 Impressed by the kiln", null, null, "gm", Day(-7, 12)));

        var tomorrow = await Apply(key, Day(1, 10), now.AddHours(-30), photographs: true);
        await Approve(tomorrow, now.AddHours(-20));
        tomorrow.DecidePhotography(Roles.MarketingGM, true, "仅限展厅 Showroom only", "gm", now.AddHours(-19));
        tomorrow.DecidePhotography(Roles.Chairman, true, null, "chairman", now.AddHours(-18));

        await Apply(key, Day(3, 14), now.AddHours(-2));
        await Apply(ordinary, Day(2, 10), now.AddHours(-1));

        var returned = await Apply(ordinary, Day(4, 10), now.AddHours(-5));
        returned.Decide(Decision.Return, Roles.BranchManager, "请写明第二位来访者的单位 Name the second visitor's company", null, "manager.east", now.AddHours(-4));

        var rejected = await Apply(ordinary, Day(5, 10), now.AddHours(-6));
        rejected.Decide(Decision.Reject, Roles.BranchManager, "那周工厂检修 Plant closed for maintenance that week", null, "manager.east", now.AddHours(-5));

        var urgent = await Apply(ordinary, now.AddMinutes(50), now.AddMinutes(-5), urgent: true);
        await Approve(urgent, now.AddMinutes(-2));

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Created the demo hospitality applications.");
    }

    private static string Approver(string role) => role switch
    {
        Roles.BranchManager => "manager.east",
        Roles.RegionalDirector => "director.east",
        Roles.MarketingGM => "gm",
        _ => "chairman",
    };
}
