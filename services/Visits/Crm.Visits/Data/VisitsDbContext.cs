using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Domain;
using Crm.IntegrationEvents;
using Crm.Visits.Domain;
using Crm.Visits.Features;
using Microsoft.EntityFrameworkCore;

namespace Crm.Visits.Data;

public abstract class VisitsDbContext(DbContextOptions options) : ServiceDbContext(options), IHasCustomerSnapshots
{
    public DbSet<CustomerSnapshot> CustomerSnapshots => Set<CustomerSnapshot>();

    public DbSet<Visit> Visits => Set<Visit>();

    public DbSet<VisitFrequencyPolicy> FrequencyPolicies => Set<VisitFrequencyPolicy>();

    public DbSet<WorkingCalendar> WorkingCalendars => Set<WorkingCalendar>();

    public DbSet<VisitPlan> VisitPlans => Set<VisitPlan>();

    protected override IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) =>
        VisitEventMapping.ToIntegrationEvents(domainEvent);

    protected override AuditLine? ToAudit(IDomainEvent domainEvent) => VisitEventMapping.ToAudit(domainEvent);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ConfigureCustomerSnapshots();
        modelBuilder.Entity<Visit>(e =>
        {
            e.HasKey(v => v.Id);
            e.Property(v => v.Id).ValueGeneratedNever();
            e.Property(v => v.Number).HasMaxLength(30);
            e.HasIndex(v => v.Number).IsUnique();
            e.Property(v => v.CustomerName).HasMaxLength(200);
            e.Property(v => v.Region).HasMaxLength(50);
            e.Property(v => v.OwnerId).HasMaxLength(100);
            e.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(v => v.CheckIn).HasJsonConversion();
            e.Property(v => v.CheckOut).HasJsonConversion();
            e.Property(v => v.Note).HasMaxLength(VisitLimits.Note);
            e.Property(v => v.CancellationReason).HasMaxLength(VisitLimits.Reason);
            e.Property(v => v.Report).HasJsonConversion();
            e.Property(v => v.ReportStatus).HasConversion<string>().HasMaxLength(20);
            e.Property(v => v.LastSubmittedGrade).HasConversion<string>().HasMaxLength(1);
            e.Property<List<ReviewStep>>("reviews").HasColumnName("Reviews").HasJsonConversion();
            e.Ignore(v => v.Reviews);
            e.Ignore(v => v.AdHoc);
            e.Ignore(v => v.Snapshot);
            e.Property(v => v.CreatedBy).HasMaxLength(100);
            e.Property(v => v.Version).IsConcurrencyToken();
            e.HasIndex(v => new { v.CustomerId, v.CheckedOutAt });
            e.HasIndex(v => new { v.Region, v.OwnerId, v.ScheduledFor });
            e.HasIndex(v => new { v.Region, v.ReportStatus });
            e.HasIndex(v => v.PlanId);
        });
        modelBuilder.Entity<VisitPlan>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Number).HasMaxLength(30);
            e.HasIndex(p => p.Number).IsUnique();
            e.Property(p => p.Region).HasMaxLength(50);
            e.Property(p => p.OwnerId).HasMaxLength(100);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property<List<PlanStep>>("steps").HasColumnName("Steps").HasJsonConversion();
            e.Ignore(p => p.Steps);
            e.Property(p => p.CreatedBy).HasMaxLength(100);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => new { p.OwnerId, p.Region, p.From });
            e.HasIndex(p => new { p.Region, p.Status });
        });
        modelBuilder.Entity<WorkingCalendar>(e =>
        {
            e.HasKey(c => c.Code);
            e.Property(c => c.Code).HasMaxLength(50);
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.TimeZoneId).HasMaxLength(100);
            e.Property(c => c.Regions).HasJsonConversion();
            e.Property(c => c.WorkingDays).HasJsonConversion();
            e.Property(c => c.WorkingPeriods).HasJsonConversion();
            e.Property(c => c.Holidays).HasJsonConversion();
            e.Property(c => c.MakeUpWorkingDays).HasJsonConversion();
            e.Property(c => c.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<VisitFrequencyPolicy>(e =>
        {
            e.HasKey(p => p.Region);
            e.Property(p => p.Region).HasMaxLength(50);
            e.ComplexProperty(p => p.Ordinary);
            e.ComplexProperty(p => p.Key);
            e.Property(p => p.UpdatedBy).HasMaxLength(100);
            e.Property(p => p.Version).IsConcurrencyToken();
        });
    }
}
