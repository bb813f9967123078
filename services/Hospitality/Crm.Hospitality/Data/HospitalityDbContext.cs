using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Domain;
using Crm.Hospitality.Domain;
using Crm.Hospitality.Features;
using Crm.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace Crm.Hospitality.Data;

public abstract class HospitalityDbContext(DbContextOptions options) : ServiceDbContext(options), IHasCustomerSnapshots
{
    public DbSet<CustomerSnapshot> CustomerSnapshots => Set<CustomerSnapshot>();

    public DbSet<HospitalityApplication> Applications => Set<HospitalityApplication>();

    public DbSet<ApprovalRuleSet> ApprovalRuleSets => Set<ApprovalRuleSet>();

    public DbSet<ReceptionStandardSet> ReceptionStandardSets => Set<ReceptionStandardSet>();

    protected override IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) =>
        HospitalityEventMapping.ToIntegrationEvents(domainEvent);

    protected override AuditLine? ToAudit(IDomainEvent domainEvent) => HospitalityEventMapping.ToAudit(domainEvent);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ConfigureCustomerSnapshots();
        modelBuilder.Entity<HospitalityApplication>(e =>
        {
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Number).HasMaxLength(30);
            e.HasIndex(a => a.Number).IsUnique();
            e.Property(a => a.CustomerName).HasMaxLength(200);
            e.Property(a => a.Region).HasMaxLength(50);
            e.Property(a => a.OwnerId).HasMaxLength(100);
            e.Property(a => a.CustomerTier).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.CustomerKind).HasConversion<string>().HasMaxLength(30);
            e.Property(a => a.Request).HasJsonConversion();
            e.Property(a => a.AppliedBy).HasMaxLength(100);
            e.Property(a => a.RuleName).HasMaxLength(200);
            e.Property(a => a.Chain).HasJsonConversion();
            e.Property(a => a.NoticeBy).HasConversion<string>().HasMaxLength(10);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Programme).HasMaxLength(4000);
            e.Property<List<ChainDecision>>("decisions").HasColumnName("Decisions").HasJsonConversion();
            e.Ignore(a => a.Decisions);
            e.Ignore(a => a.CurrentStep);
            e.Ignore(a => a.Facts);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => new { a.Region, a.Status });
            e.HasIndex(a => new { a.OwnerId, a.Status });
            e.Property(a => a.WaitingFor).HasMaxLength(50);
            e.Property(a => a.CustomerGrade).HasConversion<string>().HasMaxLength(1);
            e.Property(a => a.Reception).HasJsonConversion();
            e.Property(a => a.PermitNumber).HasMaxLength(30);
            e.HasIndex(a => a.PermitNumber).IsUnique();
            e.Property(a => a.PermitCode).HasMaxLength(20);
            e.HasIndex(a => a.PermitCode).IsUnique();
            e.Property(a => a.RevokedReason).HasMaxLength(HospitalityLimits.Comment);
            e.Property(a => a.Gate).HasJsonConversion();
            e.Property(a => a.Outcome).HasJsonConversion();
            e.Property(a => a.Photography).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.PhotographyVotes).HasJsonConversion();
            e.Property(a => a.Photographs).HasJsonConversion();
            e.HasIndex(a => new { a.WaitingFor, a.Region });
            e.HasIndex(a => new { a.Status, a.Start });
        });
        modelBuilder.Entity<ReceptionStandardSet>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Standards).HasJsonConversion();
            e.Property(r => r.UpdatedBy).HasMaxLength(100);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<ApprovalRuleSet>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Rules).HasJsonConversion();
            e.Property(r => r.UpdatedBy).HasMaxLength(100);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
    }
}
