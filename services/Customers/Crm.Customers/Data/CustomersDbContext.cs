using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Domain;
using Crm.Customers.Domain;
using Crm.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Data;

public abstract class CustomersDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<GradeChange> GradeChanges => Set<GradeChange>();

    public DbSet<KeyPerson> KeyPersons => Set<KeyPerson>();

    public DbSet<GradeProposal> GradeProposals => Set<GradeProposal>();

    public DbSet<DeregistrationProposal> DeregistrationProposals => Set<DeregistrationProposal>();

    public DbSet<CreditLimitChange> CreditLimitChanges => Set<CreditLimitChange>();

    public DbSet<Evaluation> Evaluations => Set<Evaluation>();

    public DbSet<EvaluationSettings> EvaluationSettings => Set<EvaluationSettings>();

    public DbSet<ServiceRecord> ServiceRecords => Set<ServiceRecord>();

    public DbSet<VisitRecord> VisitRecords => Set<VisitRecord>();

    public DbSet<CompanyVisitRecord> CompanyVisitRecords => Set<CompanyVisitRecord>();

    public DbSet<DealerSalesMonth> DealerSales => Set<DealerSalesMonth>();

    public DbSet<DealerCrossRegionAlert> DealerCrossRegionAlerts => Set<DealerCrossRegionAlert>();

    protected override IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) =>
        CustomerEventMapping.ToIntegrationEvents(domainEvent);

    protected override AuditLine? ToAudit(IDomainEvent domainEvent) => CustomerEventMapping.ToAudit(domainEvent);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var ids = CustomersWithClosingGrades();
        CloseGradePeriods(ids.Count == 0 ? [] : GradeChanges.Where(g => ids.Contains(g.CustomerId) && g.ValidUntil == null).ToList());
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var ids = CustomersWithClosingGrades();
        CloseGradePeriods(ids.Count == 0 ? [] : await GradeChanges.Where(g => ids.Contains(g.CustomerId) && g.ValidUntil == null).ToListAsync(cancellationToken));
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The stored customers whose current grade ends in this unit of work: a new grade change or a deregistration.</summary>
    private List<Guid> CustomersWithClosingGrades()
    {
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
        }

        var added = ChangeTracker.Entries<Customer>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.Id).ToHashSet();
        return ChangeTracker.Entries<GradeChange>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.CustomerId)
            .Concat(ChangeTracker.Entries<Customer>().Where(e => e.State == EntityState.Modified && e.Entity.Status == CustomerStatus.Deregistered).Select(e => e.Entity.Id))
            .Where(id => !added.Contains(id))
            .Distinct()
            .ToList();
    }

    /// <summary>
    /// Keeps <see cref="GradeChange.ValidUntil"/>: every new change ends the customer's previous grade (stored, or new in
    /// this unit of work), and a deregistration ends the last one. Part of the same SaveChanges, so it is as atomic as
    /// the change itself, and whoever changes a grade (an endpoint, a consumer, the import, the seed) gets it for free.
    /// Stored periods come first in id order, then the new ones in time order, as the domain appends them.
    /// </summary>
    private void CloseGradePeriods(List<GradeChange> storedOpen)
    {
        var added = ChangeTracker.Entries<GradeChange>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0 && storedOpen.Count == 0)
        {
            return;
        }

        var deregistered = ChangeTracker.Entries<Customer>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified && e.Entity.DeregisteredAt is not null)
            .ToDictionary(e => e.Entity.Id, e => e.Entity.DeregisteredAt!.Value);
        var periods = storedOpen.OrderBy(g => g.Id).Concat(added.OrderBy(g => g.ChangedAt)).GroupBy(g => g.CustomerId);
        foreach (var customer in periods)
        {
            var list = customer.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                DateTimeOffset? end = i + 1 < list.Count ? list[i + 1].ChangedAt : deregistered.TryGetValue(customer.Key, out var at) ? at : null;
                if (end is not null && list[i].ValidUntil is null)
                {
                    Entry(list[i]).Property(g => g.ValidUntil).CurrentValue = end;
                }
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Customer>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.Code).HasMaxLength(50);
            e.HasIndex(c => c.Code).IsUnique();
            e.Property(c => c.Name).HasMaxLength(200);
            e.Property(c => c.Region).HasMaxLength(50);
            e.Property(c => c.Territory).HasMaxLength(100);
            e.Property(c => c.Address).HasMaxLength(500);
            e.Property(c => c.Phone).HasMaxLength(50);
            e.Property(c => c.OwnerId).HasMaxLength(100);
            e.Property(c => c.RegisteredBy).HasMaxLength(100);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(c => c.Tier).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Datum).HasConversion<string>().HasMaxLength(10);
            e.Property(c => c.Grade).HasConversion<string>().HasMaxLength(1);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.DeregistrationReason).HasMaxLength(500);
            e.Property(c => c.CreditLimit).HasPrecision(18, 2);
            e.Property(c => c.CreditCurrency).HasMaxLength(3);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasMany(c => c.GradeHistory).WithOne().HasForeignKey(g => g.CustomerId);
            e.Navigation(c => c.GradeHistory).HasField("gradeHistory");
            e.HasMany(c => c.KeyPersons).WithOne().HasForeignKey(k => k.CustomerId);
            e.Navigation(c => c.KeyPersons).HasField("keyPersons");
            e.Ignore(c => c.Profile);
            // Today's funnel counts by grade within a region or an owner; search looks up names and phones.
            e.HasIndex(c => new { c.Region, c.Grade });
            e.HasIndex(c => new { c.OwnerId, c.Grade });
            e.HasIndex(c => c.Name);
            e.HasIndex(c => c.Phone);
        });
        modelBuilder.Entity<GradeChange>(e =>
        {
            e.HasKey(g => g.Id);
            e.Property(g => g.From).HasConversion<string>().HasMaxLength(1);
            e.Property(g => g.To).HasConversion<string>().HasMaxLength(1);
            e.Property(g => g.Reason).HasMaxLength(500);
            e.Property(g => g.ChangedBy).HasMaxLength(100);
            e.Property(g => g.SourceId).HasMaxLength(100);
            e.HasIndex(g => new { g.CustomerId, g.ChangedAt });
            // Conversions look for the moves to one grade within a period.
            e.HasIndex(g => new { g.To, g.ChangedAt });
        });
        modelBuilder.Entity<KeyPerson>(e =>
        {
            e.HasKey(k => k.Id);
            e.Property(k => k.Id).ValueGeneratedNever();
            e.Property(k => k.Name).HasMaxLength(100);
            e.Property(k => k.WorkUnit).HasMaxLength(200);
            e.Property(k => k.Position).HasMaxLength(100);
            e.Property(k => k.Role).HasConversion<string>().HasMaxLength(20);
            e.Property(k => k.Phone).HasMaxLength(50);
            e.Property(k => k.Email).HasMaxLength(200);
            e.Property(k => k.Notes).HasMaxLength(1000);
            e.HasIndex(k => k.Name);
        });
        modelBuilder.Entity<GradeProposal>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.ProposedGrade).HasConversion<string>().HasMaxLength(1);
            e.Property(p => p.Source).HasMaxLength(30);
            e.Property(p => p.SourceId).HasMaxLength(100);
            e.Property(p => p.Reason).HasMaxLength(500);
            e.Property(p => p.ProposedBy).HasMaxLength(100);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.DecidedBy).HasMaxLength(100);
            e.Property(p => p.DecisionNote).HasMaxLength(500);
            // A proposal is decided once: of two people deciding at the same moment, the second gets a conflict.
            e.Property(p => p.Status).IsConcurrencyToken();
            e.HasIndex(p => new { p.CustomerId, p.Status });
        });
        modelBuilder.Entity<DeregistrationProposal>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.Source).HasMaxLength(30);
            e.Property(p => p.SourceId).HasMaxLength(100);
            e.HasIndex(p => new { p.Source, p.SourceId }).IsUnique();
            e.Property(p => p.Reason).HasMaxLength(500);
            e.Property(p => p.ProposedBy).HasMaxLength(100);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.DecidedBy).HasMaxLength(100);
            e.Property(p => p.DecisionNote).HasMaxLength(500);
            e.Property(p => p.Status).IsConcurrencyToken();
            e.HasIndex(p => new { p.Status, p.ProposedAt });
        });
        modelBuilder.Entity<CreditLimitChange>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.From).HasPrecision(18, 2);
            e.Property(c => c.To).HasPrecision(18, 2);
            e.Property(c => c.Currency).HasMaxLength(3);
            e.Property(c => c.Reason).HasMaxLength(500);
            e.Property(c => c.ChangedBy).HasMaxLength(100);
            e.HasIndex(c => c.CustomerId);
        });
        modelBuilder.Entity<Evaluation>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Score).HasPrecision(5, 2);
            e.Property(x => x.Capital).HasPrecision(18, 2);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.CreditRating).HasConversion<string>().HasMaxLength(5);
            e.Property(x => x.Notes).HasMaxLength(2000);
            e.Property(x => x.EvaluatedBy).HasMaxLength(100);
            e.HasIndex(x => new { x.CustomerId, x.EvaluatedAt });
        });
        modelBuilder.Entity<EvaluationSettings>(e =>
        {
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.UpdatedBy).HasMaxLength(100);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasData(Domain.EvaluationSettings.Defaults);
        });
        modelBuilder.Entity<ServiceRecord>(e =>
        {
            e.HasKey(s => s.Id);
            e.HasIndex(s => s.EventId).IsUnique();
            e.Property(s => s.Number).HasMaxLength(50);
            e.Property(s => s.Type).HasConversion<string>().HasMaxLength(30);
            e.Property(s => s.Severity).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Step).HasMaxLength(20);
            e.Property(s => s.Details).HasMaxLength(1000);
            e.HasIndex(s => new { s.CustomerId, s.OccurredAt });
        });
        modelBuilder.Entity<VisitRecord>(e =>
        {
            e.HasKey(v => v.VisitId);
            e.Property(v => v.VisitId).ValueGeneratedNever();
            e.Property(v => v.Number).HasMaxLength(30);
            e.Property(v => v.OwnerId).HasMaxLength(100);
            e.Property(v => v.Purpose).HasMaxLength(500);
            e.Property(v => v.ProposedGrade).HasConversion<string>().HasMaxLength(1);
            e.HasIndex(v => new { v.CustomerId, v.CheckedOutAt });
        });
        modelBuilder.Entity<DealerSalesMonth>(e =>
        {
            e.HasKey(s => new { s.CustomerId, s.Month });
            e.Property(s => s.NetQuantity).HasPrecision(18, 2);
            e.Property(s => s.NetAmount).HasPrecision(18, 2);
            e.Property(s => s.PlannedAmount).HasPrecision(18, 2);
            e.Property(s => s.OnPlanRate).HasPrecision(9, 4);
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<DealerCrossRegionAlert>(e =>
        {
            e.HasKey(a => a.AlertId);
            e.Property(a => a.AlertId).ValueGeneratedNever();
            e.Property(a => a.Number).HasMaxLength(30);
            e.Property(a => a.Kind).HasMaxLength(20);
            e.Property(a => a.ProductCode).HasMaxLength(30);
            e.Property(a => a.DeliveredRegion).HasMaxLength(50);
            e.Property(a => a.Amount).HasPrecision(18, 2);
            e.Property(a => a.Reason).HasMaxLength(1000);
            e.HasIndex(a => new { a.CustomerId, a.Month });
        });
        modelBuilder.Entity<CompanyVisitRecord>(e =>
        {
            e.HasKey(v => v.ApplicationId);
            e.Property(v => v.ApplicationId).ValueGeneratedNever();
            e.Property(v => v.Number).HasMaxLength(30);
            e.Property(v => v.Outcome).HasMaxLength(1000);
            e.Property(v => v.Impressions).HasMaxLength(1000);
            e.Property(v => v.ProposedGrade).HasConversion<string>().HasMaxLength(1);
            e.Property(v => v.RecordedBy).HasMaxLength(100);
            e.HasIndex(v => new { v.CustomerId, v.VisitStart });
        });
    }
}
