using Crm.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Complaints.Data;

// One subclass per database provider, each with its own EF-generated migrations under Data/Migrations/<Provider>.

public sealed class ComplaintsSqliteDbContext(DbContextOptions<ComplaintsSqliteDbContext> options) : ComplaintsDbContext(options);

public sealed class ComplaintsPostgresDbContext(DbContextOptions<ComplaintsPostgresDbContext> options) : ComplaintsDbContext(options);

public sealed class ComplaintsSqlServerDbContext(DbContextOptions<ComplaintsSqlServerDbContext> options) : ComplaintsDbContext(options);

internal sealed class ComplaintsSqliteFactory() : DesignTimeFactory<ComplaintsSqliteDbContext>(DatabaseProvider.Sqlite);

internal sealed class ComplaintsPostgresFactory() : DesignTimeFactory<ComplaintsPostgresDbContext>(DatabaseProvider.Postgres);

internal sealed class ComplaintsSqlServerFactory() : DesignTimeFactory<ComplaintsSqlServerDbContext>(DatabaseProvider.SqlServer);
