using Crm.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Data;

// One subclass per database provider, each with its own EF-generated migrations under Data/Migrations/<Provider>.

public sealed class CustomersSqliteDbContext(DbContextOptions<CustomersSqliteDbContext> options) : CustomersDbContext(options);

public sealed class CustomersPostgresDbContext(DbContextOptions<CustomersPostgresDbContext> options) : CustomersDbContext(options);

public sealed class CustomersSqlServerDbContext(DbContextOptions<CustomersSqlServerDbContext> options) : CustomersDbContext(options);

internal sealed class CustomersSqliteFactory() : DesignTimeFactory<CustomersSqliteDbContext>(DatabaseProvider.Sqlite);

internal sealed class CustomersPostgresFactory() : DesignTimeFactory<CustomersPostgresDbContext>(DatabaseProvider.Postgres);

internal sealed class CustomersSqlServerFactory() : DesignTimeFactory<CustomersSqlServerDbContext>(DatabaseProvider.SqlServer);
