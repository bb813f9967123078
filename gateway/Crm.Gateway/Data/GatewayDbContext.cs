using Crm.BuildingBlocks.Data;
using Crm.Gateway.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Crm.Gateway.Data;

/// <summary>
/// The identity provider's store: ASP.NET Core Identity's users (passwords as salted hashes) and OpenIddict's client
/// applications, authorizations and tokens (refresh tokens and codes, so they can be revoked).
/// </summary>
public abstract class GatewayDbContext(DbContextOptions options) : IdentityDbContext<PlatformUser>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.Entity<PlatformUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.Property(u => u.Regions).HasMaxLength(500);
            e.Property(u => u.Department).HasMaxLength(100);
        });
    }
}

// One subclass per database provider, each with its own EF-generated migrations under Data/Migrations/<Provider>.

public sealed class GatewaySqliteDbContext(DbContextOptions<GatewaySqliteDbContext> options) : GatewayDbContext(options);

public sealed class GatewayPostgresDbContext(DbContextOptions<GatewayPostgresDbContext> options) : GatewayDbContext(options);

public sealed class GatewaySqlServerDbContext(DbContextOptions<GatewaySqlServerDbContext> options) : GatewayDbContext(options);

internal sealed class GatewaySqliteFactory() : DesignTimeFactory<GatewaySqliteDbContext>(DatabaseProvider.Sqlite);

internal sealed class GatewayPostgresFactory() : DesignTimeFactory<GatewayPostgresDbContext>(DatabaseProvider.Postgres);

internal sealed class GatewaySqlServerFactory() : DesignTimeFactory<GatewaySqlServerDbContext>(DatabaseProvider.SqlServer);
