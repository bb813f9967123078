using Crm.BuildingBlocks.Security;
using Crm.Gateway.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Crm.Gateway.SignIn;

/// <summary>
/// The platform's OpenID Connect provider, built on OpenIddict: the authorization code flow with PKCE for the portal,
/// refresh tokens, the password grant for scripts and tests (no client id needed, as before), discovery and the key
/// set. Access tokens are JWTs signed with the platform's key (<see cref="SigningKeys"/>), so every service validates
/// them as it always has. A company's own provider replaces this one by configuration (<c>Auth:Authority</c> in the
/// services, <c>Portal:Oidc</c> in the portal).
/// </summary>
public static class AuthorizationServer
{
    /// <summary>The provider's own session: who signed in at <c>/account/signin</c>, read by the authorization endpoint.</summary>
    public const string SessionScheme = "crm-identity";

    /// <summary>The user's security stamp when the provider's session began; signing out everywhere changes the stamp.</summary>
    public const string SessionStampClaim = "stamp";

    public const string ApiScope = "crm-api";

    public static IHostApplicationBuilder AddAuthorizationServer(this IHostApplicationBuilder builder, SigningKeys signingKeys, string encryptionKeyPath)
    {
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var gateway = builder.Configuration.GetSection("Gateway").Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddAuthentication().AddCookie(SessionScheme, o =>
        {
            o.Cookie.Name = "crm.identity";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = SignInPage.Path;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
        });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<GatewayDbContext>())
            .AddServer(o =>
            {
                o.SetIssuer(new Uri(auth.Issuer, UriKind.Absolute));
                o.SetAuthorizationEndpointUris(AuthorizeEndpoint.Path)
                    .SetTokenEndpointUris(TokenEndpoint.Path)
                    .SetEndSessionEndpointUris(EndSessionEndpoint.Path)
                    .SetRevocationEndpointUris("/connect/revoke");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowPasswordFlow();

                // Scripts and tests ask for a token with a user name and password and no client id, as they always have.
                o.AcceptAnonymousClients();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess, ApiScope);
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(auth.TokenLifetimeMinutes));
                o.SetRefreshTokenLifetime(TimeSpan.FromHours(gateway.RefreshTokenLifetimeHours));

                // The services validate plain signed JWTs against the published key set; codes and refresh tokens,
                // which only this provider reads, are encrypted with a key of its own kept beside the signing key.
                o.AddSigningCredentials(signingKeys.Credentials);
                o.AddEncryptionKey(new SigningKeys(encryptionKeyPath, createIfMissing: true).SigningKey);
                o.DisableAccessTokenEncryption();

                var aspNetCore = o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough();
                if (!gateway.RequireHttps)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            });
        builder.Services.AddHostedService<ClientApplications>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAuthorizationServer(this IEndpointRouteBuilder app)
    {
        app.MapAuthorizeEndpoint();
        app.MapTokenEndpoint();
        app.MapEndSessionEndpoint();
        app.MapSignInPage();
        return app;
    }
}
