using Crm.BuildingBlocks.Data;
using Microsoft.EntityFrameworkCore;

namespace Crm.Hospitality.Data;

// One subclass per database provider, each with its own EF-generated migrations under Data/Migrations/<Provider>.

public sealed class HospitalitySqliteDbContext(DbContextOptions<HospitalitySqliteDbContext> options) : HospitalityDbContext(options);

public sealed class HospitalityPostgresDbContext(DbContextOptions<HospitalityPostgresDbContext> options) : HospitalityDbContext(options);

public sealed class HospitalitySqlServerDbContext(DbContextOptions<HospitalitySqlServerDbContext> options) : HospitalityDbContext(options);

internal sealed class HospitalitySqliteFactory() : DesignTimeFactory<HospitalitySqliteDbContext>(DatabaseProvider.Sqlite);

internal sealed class HospitalityPostgresFactory() : DesignTimeFactory<HospitalityPostgresDbContext>(DatabaseProvider.Postgres);

internal sealed class HospitalitySqlServerFactory() : DesignTimeFactory<HospitalitySqlServerDbContext>(DatabaseProvider.SqlServer);
