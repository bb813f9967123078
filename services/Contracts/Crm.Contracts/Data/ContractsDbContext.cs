using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Domain;
using Crm.Contracts.Domain;
using Crm.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Data;

public abstract class ContractsDbContext(DbContextOptions options) : ServiceDbContext(options), IHasCustomerSnapshots
{
    public DbSet<CustomerSnapshot> CustomerSnapshots => Set<CustomerSnapshot>();

    public DbSet<Contract> Contracts => Set<Contract>();

    public DbSet<ContractTemplate> Templates => Set<ContractTemplate>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<ContractApprovalRuleSet> ApprovalRuleSets => Set<ContractApprovalRuleSet>();

    public DbSet<SalesPlan> SalesPlans => Set<SalesPlan>();

    public DbSet<SalesRecord> SalesRecords => Set<SalesRecord>();

    public DbSet<MonthlySales> MonthlySales => Set<MonthlySales>();

    public DbSet<CrossRegionAlert> CrossRegionAlerts => Set<CrossRegionAlert>();

    public DbSet<RebateSettlement> RebateSettlements => Set<RebateSettlement>();

    protected override IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) =>
        ContractEventMapping.ToIntegrationEvents(domainEvent);

    protected override AuditLine? ToAudit(IDomainEvent domainEvent) => ContractEventMapping.ToAudit(domainEvent);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ConfigureCustomerSnapshots();
        modelBuilder.Entity<Contract>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.Number).HasMaxLength(30);
            e.HasIndex(c => c.Number).IsUnique();
            e.Property(c => c.CustomerName).HasMaxLength(ContractLimits.Name);
            e.Property(c => c.Region).HasMaxLength(50);
            e.Property(c => c.OwnerId).HasMaxLength(100);
            e.Property(c => c.Title).HasMaxLength(200);
            e.ComplexProperty(c => c.Value, v =>
            {
                v.Property(m => m.Amount).HasColumnName("Amount").HasPrecision(18, 2);
                v.Property(m => m.Currency).HasColumnName("Currency").HasMaxLength(3);
            });
            e.Property(c => c.TemplateCode).HasMaxLength(ContractLimits.Code);
            e.Property(c => c.Terms).HasJsonConversion();
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Chain).HasJsonConversion();
            e.Property(c => c.Decisions).HasJsonConversion();
            e.Property(c => c.WaitingFor).HasMaxLength(30);
            e.Property(c => c.Credit).HasJsonConversion();
            e.Property(c => c.Signature).HasJsonConversion();
            e.Property(c => c.DocumentHash).HasMaxLength(64);
            e.Property(c => c.CreatedBy).HasMaxLength(100);
            e.Property(c => c.SignedBy).HasMaxLength(100);
            e.Property(c => c.TerminationReason).HasMaxLength(ContractLimits.Reason);
            e.Property(c => c.SucceededBy).HasMaxLength(30);
            e.Property(c => c.LapseReason).HasMaxLength(ContractLimits.Reason);
            e.Property(c => c.RemindersSent).HasJsonConversion();
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => c.CustomerId);
            e.HasIndex(c => new { c.Status, c.WaitingFor });
        });
        modelBuilder.Entity<ContractTemplate>(e =>
        {
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.Code).HasMaxLength(ContractLimits.Code);
            e.HasIndex(t => new { t.Code, t.Version }).IsUnique();
            e.Property(t => t.Name).HasMaxLength(ContractLimits.Name);
            e.Property(t => t.Clauses).HasJsonConversion();
            e.Property(t => t.PublishedBy).HasMaxLength(100);
        });
        modelBuilder.Entity<Product>(e =>
        {
            e.HasKey(p => p.Code);
            e.Property(p => p.Code).HasMaxLength(ContractLimits.Code);
            e.Property(p => p.Name).HasMaxLength(ContractLimits.Name);
            e.Property(p => p.ProductLine).HasMaxLength(ContractLimits.Code);
            e.Property(p => p.Brand).HasMaxLength(ContractLimits.Name);
            e.Property(p => p.Specification).HasMaxLength(ContractLimits.Name);
            e.Property(p => p.Unit).HasMaxLength(20);
            e.Property(p => p.ListPrice).HasPrecision(18, 2);
            e.Property(p => p.FloorPrice).HasPrecision(18, 2);
            e.HasData(ProductCatalogue.Standard);
        });
        modelBuilder.Entity<SalesPlan>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.HasIndex(p => new { p.CustomerId, p.Month }).IsUnique();
            e.Property(p => p.CustomerName).HasMaxLength(ContractLimits.Name);
            e.Property(p => p.Region).HasMaxLength(ContractLimits.Region);
            e.Property(p => p.OwnerId).HasMaxLength(100);
            e.Property(p => p.Lines).HasJsonConversion();
            e.Property(p => p.Progress).HasMaxLength(ContractLimits.Clause);
            e.Property(p => p.Support).HasMaxLength(ContractLimits.Clause);
            e.Property(p => p.UpdatedBy).HasMaxLength(100);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => new { p.Region, p.Month });
        });
        modelBuilder.Entity<SalesRecord>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.HasIndex(r => new { r.CustomerId, r.Month, r.ProductCode, r.DeliveredRegion }).IsUnique();
            e.Property(r => r.Region).HasMaxLength(ContractLimits.Region);
            e.Property(r => r.OwnerId).HasMaxLength(100);
            e.Property(r => r.ProductCode).HasMaxLength(ContractLimits.Code);
            e.Property(r => r.DeliveredRegion).HasMaxLength(ContractLimits.Region);
            e.Property(r => r.GrossQuantity).HasPrecision(18, 2);
            e.Property(r => r.NetQuantity).HasPrecision(18, 2);
            e.Property(r => r.NetAmount).HasPrecision(18, 2);
            e.Property(r => r.StockQuantity).HasPrecision(18, 2);
            e.Property(r => r.SlowMovingQuantity).HasPrecision(18, 2);
            e.Property(r => r.RecordedBy).HasMaxLength(100);
            e.HasIndex(r => new { r.Month, r.DeliveredRegion });
        });
        modelBuilder.Entity<MonthlySales>(e =>
        {
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).ValueGeneratedNever();
            e.HasIndex(m => new { m.CustomerId, m.Month }).IsUnique();
            e.Property(m => m.Region).HasMaxLength(ContractLimits.Region);
            e.Property(m => m.OwnerId).HasMaxLength(100);
            e.Property(m => m.GrossQuantity).HasPrecision(18, 2);
            e.Property(m => m.NetQuantity).HasPrecision(18, 2);
            e.Property(m => m.NetAmount).HasPrecision(18, 2);
            e.Property(m => m.StockQuantity).HasPrecision(18, 2);
            e.Property(m => m.SlowMovingQuantity).HasPrecision(18, 2);
            e.Property(m => m.Version).IsConcurrencyToken();
            e.HasIndex(m => new { m.Region, m.Month });
        });
        modelBuilder.Entity<CrossRegionAlert>(e =>
        {
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Number).HasMaxLength(30);
            e.HasIndex(a => a.Number).IsUnique();
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(a => new { a.CustomerId, a.Month, a.ProductCode, a.DeliveredRegion, a.Kind }).IsUnique();
            e.Property(a => a.CustomerName).HasMaxLength(ContractLimits.Name);
            e.Property(a => a.Region).HasMaxLength(ContractLimits.Region);
            e.Property(a => a.OwnerId).HasMaxLength(100);
            e.Property(a => a.ProductCode).HasMaxLength(ContractLimits.Code);
            e.Property(a => a.DeliveredRegion).HasMaxLength(ContractLimits.Region);
            e.Property(a => a.Quantity).HasPrecision(18, 2);
            e.Property(a => a.Amount).HasPrecision(18, 2);
            e.Property(a => a.Reason).HasMaxLength(ContractLimits.Reason);
            e.Property(a => a.Contracts).HasJsonConversion();
            e.Property(a => a.Resolution).HasJsonConversion();
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => new { a.Region, a.DetectedAt });
        });
        modelBuilder.Entity<RebateSettlement>(e =>
        {
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.HasIndex(s => new { s.ContractId, s.PeriodFirst, s.Sequence }).IsUnique();
            e.Property(s => s.ContractNumber).HasMaxLength(30);
            e.Property(s => s.EligibleNetSales).HasPrecision(18, 2);
            e.Property(s => s.Withheld).HasPrecision(18, 2);
            e.Property(s => s.Earned).HasPrecision(18, 2);
            e.Property(s => s.PaidBefore).HasPrecision(18, 2);
            e.Property(s => s.Amount).HasPrecision(18, 2);
            e.Property(s => s.Note).HasMaxLength(ContractLimits.Reason);
            e.Property(s => s.SettledBy).HasMaxLength(100);
            e.HasIndex(s => s.CustomerId);
        });
        modelBuilder.Entity<ContractApprovalRuleSet>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Rules).HasJsonConversion();
            e.Property(r => r.OverCredit).HasConversion<string>().HasMaxLength(20);
            e.Property(r => r.CreditRole).HasMaxLength(30);
            e.Property(r => r.UpdatedBy).HasMaxLength(100);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
    }
}
