using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Visits.Data;

public abstract class VisitsDbContext(DbContextOptions options) : ServiceDbContext(options), IHasCustomerSnapshots
{
    public DbSet<CustomerSnapshot> CustomerSnapshots => Set<CustomerSnapshot>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ConfigureCustomerSnapshots();
    }
}
