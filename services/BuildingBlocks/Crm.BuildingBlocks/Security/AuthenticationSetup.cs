using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Crm.BuildingBlocks.Security;

/// <summary>
/// Every process validates tokens itself: the gateway is not the only guard. Configuration:
/// <c>Auth:Authority</c> (the token service or a company's own identity provider, keys from its OIDC discovery), or
/// <c>Auth:SigningKeyPath</c> (the key file, for the standalone host); <c>Auth:Issuer</c> and <c>Auth:Audience</c>.
/// Every endpoint needs an authenticated caller unless it says otherwise; the roles' rules are <see cref="Policies"/>.
/// </summary>
public static class AuthenticationSetup
{
    public const string DefaultIssuer = "crm-platform";
    public const string DefaultAudience = "crm-api";

    public static IHostApplicationBuilder AddPlatformAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IConfiguration, IServiceProvider>((o, configuration, services) =>
            {
                var auth = configuration.GetSection("Auth");
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth["Issuer"] ?? DefaultIssuer,
                    ValidAudience = auth["Audience"] ?? DefaultAudience,
                    NameClaimType = PlatformClaims.Name,
                    RoleClaimType = PlatformClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                if (auth["Authority"] is { Length: > 0 } authority)
                {
                    o.Authority = authority;
                    o.RequireHttpsMetadata = authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
                }
                else
                {
                    var keys = services.GetService<SigningKeys>()
                        ?? new SigningKeys(auth["SigningKeyPath"] ?? "signing-key.pem", createIfMissing: false);
                    o.TokenValidationParameters.IssuerSigningKey = keys.PublicKey;
                }
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPlatformPolicies();
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return builder;
    }
}
