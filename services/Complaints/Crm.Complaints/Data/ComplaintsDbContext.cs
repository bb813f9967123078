using System.Text.Json;
using System.Text.Json.Serialization;
using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Domain;
using Crm.Complaints.Domain;
using Crm.IntegrationEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crm.Complaints.Data;

public abstract class ComplaintsDbContext(DbContextOptions options) : ServiceDbContext(options), IHasCustomerSnapshots
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public DbSet<CustomerSnapshot> CustomerSnapshots => Set<CustomerSnapshot>();

    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<ComplaintAction> ComplaintActions => Set<ComplaintAction>();

    public DbSet<ComplaintEscalation> Escalations => Set<ComplaintEscalation>();

    public DbSet<RoutingRuleSet> RoutingRuleSets => Set<RoutingRuleSet>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<SlaPolicy> SlaPolicies => Set<SlaPolicy>();

    public DbSet<CalendarDefinition> Calendars => Set<CalendarDefinition>();

    protected override IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) =>
        ComplaintEventMapping.ToIntegrationEvents(domainEvent);

    protected override AuditLine? ToAudit(IDomainEvent domainEvent) => ComplaintEventMapping.ToAudit(domainEvent);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ConfigureCustomerSnapshots();
        modelBuilder.Entity<Complaint>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.Number).HasMaxLength(30);
            e.HasIndex(c => c.Number).IsUnique();
            e.Property(c => c.CustomerName).HasMaxLength(200);
            e.Property(c => c.Region).HasMaxLength(50);
            e.Property(c => c.OwnerId).HasMaxLength(100);
            e.Property(c => c.CustomerTier).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.CustomerGrade).HasConversion<string>().HasMaxLength(1);
            e.Property(c => c.Channel).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Type).HasConversion<string>().HasMaxLength(30);
            e.Property(c => c.Severity).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(30);
            e.Property(c => c.ProductLine).HasMaxLength(100);
            e.Property(c => c.Description).HasMaxLength(4000);
            e.Property(c => c.ContactPerson).HasMaxLength(200);
            e.Property(c => c.RecordedBy).HasMaxLength(100);
            e.HasIndex(c => c.VisitId).IsUnique();
            e.Property(c => c.Department).HasMaxLength(50);
            e.Property(c => c.Queue).HasMaxLength(100);
            e.Property(c => c.AssigneeId).HasMaxLength(100);
            e.Property(c => c.CalendarCode).HasMaxLength(50);
            // Business time as ticks: SQL Server's time type cannot hold more than a day.
            e.Property(c => c.FirstResponseTarget).HasConversion<long>();
            e.Property(c => c.ResolutionTarget).HasConversion<long>();
            e.Property(c => c.BusinessTimeUsed).HasConversion<long>();
            e.Property(c => c.EscalationSteps).HasConversion<int>();
            e.Property(c => c.ResolvedBy).HasMaxLength(100);
            e.Property(c => c.RootCause).HasMaxLength(2000);
            e.Property(c => c.Fix).HasMaxLength(2000);
            e.Property(c => c.ReturnVisitNote).HasMaxLength(2000);
            e.Property(c => c.ReturnVisitBy).HasMaxLength(100);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.Ignore(c => c.Terms);
            e.Ignore(c => c.RoutingInput);
            e.HasMany(c => c.Actions).WithOne().HasForeignKey(a => a.ComplaintId);
            // The sweep's query: open complaints whose next escalation step is due.
            e.HasIndex(c => c.NextEscalationAt);
            e.HasIndex(c => new { c.Department, c.Status });
            e.HasIndex(c => new { c.CustomerId, c.FiledAt });
            e.HasIndex(c => new { c.Region, c.OwnerId });
        });
        modelBuilder.Entity<ComplaintAction>(e =>
        {
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.By).HasMaxLength(100);
            e.Property(a => a.Action).HasMaxLength(50);
            e.Property(a => a.Detail).HasMaxLength(1000);
            e.Property(a => a.FromStatus).HasConversion<string>().HasMaxLength(30);
            e.Property(a => a.ToStatus).HasConversion<string>().HasMaxLength(30);
            e.HasIndex(a => new { a.ComplaintId, a.ComplaintVersion });
        });
        modelBuilder.Entity<ComplaintEscalation>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Step).HasConversion<string>().HasMaxLength(30);
            e.Property(x => x.Reason).HasMaxLength(100);
            e.Property(x => x.EscalatedTo).HasMaxLength(200);
            e.HasIndex(x => new { x.ComplaintId, x.Step }).IsUnique();
        });
        modelBuilder.Entity<RoutingRuleSet>(e =>
        {
            e.HasKey(r => r.Version);
            e.Property(r => r.Version).ValueGeneratedNever();
            e.Property(r => r.DefaultDepartment).HasMaxLength(50);
            e.Property(r => r.DefaultQueue).HasMaxLength(100);
            e.Property(r => r.PublishedBy).HasMaxLength(100);
            e.Property(r => r.Note).HasMaxLength(500);
            JsonColumn(e.Property(r => r.Rules));
        });
        modelBuilder.Entity<Department>(e =>
        {
            e.HasKey(d => d.Code);
            e.Property(d => d.Code).HasMaxLength(50);
            e.Property(d => d.Name).HasMaxLength(200);
            e.Property(d => d.HeadUserId).HasMaxLength(100);
            e.Property(d => d.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<SlaPolicy>(e =>
        {
            e.HasKey(p => new { p.Severity, p.Tier });
            e.Property(p => p.Severity).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Tier).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.FirstResponse).HasConversion<long>();
            e.Property(p => p.Resolution).HasConversion<long>();
            e.Ignore(p => p.Terms);
        });
        modelBuilder.Entity<CalendarDefinition>(e =>
        {
            e.HasKey(c => c.Code);
            e.Property(c => c.Code).HasMaxLength(50);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.TimeZoneId).HasMaxLength(100);
            e.Property(c => c.Version).IsConcurrencyToken();
            JsonColumn(e.Property(c => c.Regions));
            JsonColumn(e.Property(c => c.WorkingDays));
            JsonColumn(e.Property(c => c.WorkingPeriods));
            JsonColumn(e.Property(c => c.Exceptions));
        });
    }

    // Small value lists that are only ever read and written whole (rules of a published version, a calendar's days) are
    // stored as JSON text: the same on every provider, and a published rule set stays one immutable row.
    private static void JsonColumn<T>(PropertyBuilder<T> property) =>
        property.HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            s => JsonSerializer.Deserialize<T>(s, Json)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Json), Json)!));
}
