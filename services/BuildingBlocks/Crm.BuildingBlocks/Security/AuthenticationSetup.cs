using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Crm.BuildingBlocks.Security;

/// <summary>
/// Every process validates tokens itself: the gateway is not the only guard. Configuration: <see cref="AuthOptions"/>.
/// Every endpoint needs an authenticated caller unless it says otherwise; the roles' rules are <see cref="Policies"/>.
/// </summary>
public static class AuthenticationSetup
{
    // A fixed name rather than the address the provider happens to be reached at, so tokens validate the same
    // behind any host name; a roll-out sets its public URL (Auth:Issuer).
    public const string DefaultIssuer = "urn:crm-platform";
    public const string DefaultAudience = "crm-api";

    public static IHostApplicationBuilder AddPlatformAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, IServiceProvider>((o, authOptions, services) =>
            {
                var auth = authOptions.Value;
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Issuer,
                    ValidAudience = auth.Audience,
                    NameClaimType = PlatformClaims.Name,
                    RoleClaimType = PlatformClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                if (auth.Authority is { Length: > 0 } authority)
                {
                    o.Authority = authority;
                    o.RequireHttpsMetadata = authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
                }
                else
                {
                    var keys = services.GetService<SigningKeys>()
                        ?? new SigningKeys(auth.SigningKeyPath ?? "signing-key.pem", createIfMissing: false);
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
