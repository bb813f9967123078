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

    protected override IEnumerable<IntegrationEvent> ToIntegrationEvents(IDomainEvent domainEvent) =>
        ContractEventMapping.ToIntegrationEvents(domainEvent);

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
