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
            e.Property(c => c.Region).HasMaxLength(50);
            e.Property(c => c.OwnerId).HasMaxLength(100);
            e.Property(c => c.Title).HasMaxLength(200);
            e.ComplexProperty(c => c.Value, v =>
            {
                v.Property(m => m.Amount).HasColumnName("Amount").HasPrecision(18, 2);
                v.Property(m => m.Currency).HasColumnName("Currency").HasMaxLength(3);
            });
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.CreatedBy).HasMaxLength(100);
            e.Property(c => c.SignedBy).HasMaxLength(100);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => c.CustomerId);
        });
    }
}
