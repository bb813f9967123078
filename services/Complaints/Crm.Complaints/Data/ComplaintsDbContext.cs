using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Complaints.Data;

public abstract class ComplaintsDbContext(DbContextOptions options) : ServiceDbContext(options), IHasCustomerSnapshots
{
    public DbSet<CustomerSnapshot> CustomerSnapshots => Set<CustomerSnapshot>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ConfigureCustomerSnapshots();
    }
}
