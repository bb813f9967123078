using Crm.BuildingBlocks.Calendars;
using Crm.Complaints.Data;
using Crm.Complaints.Domain;
using Crm.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace Crm.Complaints.Features;

/// <summary>Reads the managed configuration (calendars, SLA policies, rule sets) the way complaints use it.</summary>
public static class ComplaintsSetup
{
    /// <summary>The calendar that serves <paramref name="region"/>, else the default calendar.</summary>
    public static async Task<CalendarDefinition> CalendarForRegion(this ComplaintsDbContext db, string region, CancellationToken cancellationToken)
    {
        var calendars = await db.Calendars.AsNoTracking().ToListAsync(cancellationToken);
        return calendars.FirstOrDefault(c => c.Regions.Contains(region, StringComparer.OrdinalIgnoreCase))
            ?? calendars.FirstOrDefault(c => c.IsDefault)
            ?? throw new InvalidOperationException("No business calendar is defined; the service seeds one at start.");
    }

    /// <summary>The calendars by code, for working with complaints that name theirs.</summary>
    public static async Task<IReadOnlyDictionary<string, BusinessCalendar>> CalendarsByCode(this ComplaintsDbContext db, CancellationToken cancellationToken) =>
        (await db.Calendars.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(c => c.Code, c => c.ToCalendar());

    public static async Task<BusinessCalendar> CalendarOf(this ComplaintsDbContext db, Complaint complaint, CancellationToken cancellationToken)
    {
        var definition = await db.Calendars.AsNoTracking().FirstOrDefaultAsync(c => c.Code == complaint.CalendarCode, cancellationToken)
            ?? await db.CalendarForRegion(complaint.Region, cancellationToken);
        return definition.ToCalendar();
    }

    public static async Task<SlaTerms> SlaTermsFor(this ComplaintsDbContext db, ComplaintSeverity severity, CustomerTier tier, CancellationToken cancellationToken)
    {
        var policy = await db.SlaPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.Severity == severity && p.Tier == tier, cancellationToken)
            ?? throw new InvalidOperationException($"No SLA policy for {severity}/{tier}; the service seeds them at start.");
        return policy.Terms;
    }

    public static Task<RoutingRuleSet?> CurrentRuleSet(this ComplaintsDbContext db, CancellationToken cancellationToken) =>
        db.RoutingRuleSets.AsNoTracking().OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);

    public static async Task<RoutingRuleSet> RequireCurrentRuleSet(this ComplaintsDbContext db, CancellationToken cancellationToken) =>
        await db.CurrentRuleSet(cancellationToken) ?? throw new InvalidOperationException("No routing rule set is published; the service seeds one at start.");

    public static async Task<bool> DepartmentExists(this ComplaintsDbContext db, string code, CancellationToken cancellationToken) =>
        await db.Departments.AnyAsync(d => d.Code == code, cancellationToken);
}
