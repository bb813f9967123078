using Crm.BuildingBlocks.Data;
using Crm.Customers.Domain;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Data;

public abstract class CustomersDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<GradeChange> GradeChanges => Set<GradeChange>();

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
            e.Property(c => c.Address).HasMaxLength(500);
            e.Property(c => c.OwnerId).HasMaxLength(100);
            e.Property(c => c.RegisteredBy).HasMaxLength(100);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(c => c.Tier).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Grade).HasConversion<string>().HasMaxLength(1);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasMany(c => c.GradeHistory).WithOne().HasForeignKey(g => g.CustomerId);
            e.Navigation(c => c.GradeHistory).HasField("gradeHistory");
            e.HasIndex(c => new { c.Region, c.Grade });
            e.HasIndex(c => new { c.OwnerId, c.Grade });
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
        });
    }
}
