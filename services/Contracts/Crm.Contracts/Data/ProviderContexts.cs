using Crm.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Data;

// One subclass per database provider, each with its own EF-generated migrations under Data/Migrations/<Provider>.

public sealed class ContractsSqliteDbContext(DbContextOptions<ContractsSqliteDbContext> options) : ContractsDbContext(options);

public sealed class ContractsPostgresDbContext(DbContextOptions<ContractsPostgresDbContext> options) : ContractsDbContext(options);

public sealed class ContractsSqlServerDbContext(DbContextOptions<ContractsSqlServerDbContext> options) : ContractsDbContext(options);

internal sealed class ContractsSqliteFactory() : DesignTimeFactory<ContractsSqliteDbContext>(DatabaseProvider.Sqlite);

internal sealed class ContractsPostgresFactory() : DesignTimeFactory<ContractsPostgresDbContext>(DatabaseProvider.Postgres);

internal sealed class ContractsSqlServerFactory() : DesignTimeFactory<ContractsSqlServerDbContext>(DatabaseProvider.SqlServer);
