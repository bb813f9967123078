using Crm.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Visits.Data;

// One subclass per database provider, each with its own EF-generated migrations under Data/Migrations/<Provider>.

public sealed class VisitsSqliteDbContext(DbContextOptions<VisitsSqliteDbContext> options) : VisitsDbContext(options);

public sealed class VisitsPostgresDbContext(DbContextOptions<VisitsPostgresDbContext> options) : VisitsDbContext(options);

public sealed class VisitsSqlServerDbContext(DbContextOptions<VisitsSqlServerDbContext> options) : VisitsDbContext(options);

internal sealed class VisitsSqliteFactory() : DesignTimeFactory<VisitsSqliteDbContext>(DatabaseProvider.Sqlite);

internal sealed class VisitsPostgresFactory() : DesignTimeFactory<VisitsPostgresDbContext>(DatabaseProvider.Postgres);

internal sealed class VisitsSqlServerFactory() : DesignTimeFactory<VisitsSqlServerDbContext>(DatabaseProvider.SqlServer);
