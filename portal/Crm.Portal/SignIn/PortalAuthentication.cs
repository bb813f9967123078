using System.Globalization;
using System.Security.Claims;
using Crm.BuildingBlocks.Security;
using Crm.BuildingBlocks.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Crm.Portal.SignIn;

/// <summary>
/// Signing in to the portal: OpenID Connect, authorization code with PKCE, against the platform's provider or a
/// company's own (<see cref="PortalOidcOptions"/>). The session is a cookie with the user's claims and a session id;
/// the tokens stay on the server (<see cref="PortalSessions"/>). Requests to <c>/api</c>, and any that carry a bearer
/// token, are still authenticated by the token alone, so that in the standalone host the APIs beside the portal never
/// act on a cookie (no cross-site request can borrow a session).
/// </summary>
public static class PortalAuthentication
{
    public const string CookieScheme = "crm-portal";
    public const string PortalOrBearerScheme = "crm-portal-or-bearer";
    public const string OidcScheme = "crm-portal-oidc";
    public const string Policy = "Portal";
    public const string SignOutPath = "/signout";

    public static IHostApplicationBuilder AddPortalAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PortalSessions>();
        builder.Services.AddScoped<AccessTokens>();
        builder.Services.AddSingleton<CircuitServices>();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitServices.Handler>();
        builder.Services.AddTransient<AccessTokenHandler>();
        builder.Services.AddHttpClient(AccessTokens.BackchannelClient).AddStandardResilienceHandler();

        builder.Services.AddAuthentication(o => o.DefaultScheme = PortalOrBearerScheme)
            .AddPolicyScheme(PortalOrBearerScheme, null, o => o.ForwardDefaultSelector = http =>
                http.Request.Path.StartsWithSegments("/api") || http.Request.Headers.Authorization.Count > 0
                    ? JwtBearerDefaults.AuthenticationScheme
                    : CookieScheme)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "crm.portal";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = PortalSessions.IdleLifetime;
                o.SlidingExpiration = true;
                o.ForwardChallenge = OidcScheme;
                o.Events.OnValidatePrincipal = EndWhenTokensAreGone;
            })
            .AddOpenIdConnect(OidcScheme, _ => { });
        builder.Services.AddOptions<OpenIdConnectOptions>(OidcScheme).Configure<PortalAddresses, IOptions<PortalOptions>, IHttpClientFactory>((o, addresses, portal, http) =>
        {
            var oidc = portal.Value.Oidc;
            o.SignInScheme = CookieScheme;
            o.SignOutScheme = CookieScheme;
            o.Authority = addresses.Authority;
            o.RequireHttpsMetadata = o.Authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
            o.Backchannel = http.CreateClient(AccessTokens.BackchannelClient);
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.Scope.Clear();
            foreach (var scope in oidc.Scopes)
            {
                o.Scope.Add(scope);
            }

            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.TokenValidationParameters.NameClaimType = PlatformClaims.Name;
            o.TokenValidationParameters.RoleClaimType = PlatformClaims.Role;
            var platformProvider = oidc.Authority is not { Length: > 0 };
            o.Events.OnRedirectToIdentityProvider = context =>
            {
                // The provider's sign-in page opens in the portal's language.
                context.ProtocolMessage.UiLocales = PlatformCultures.Remembered(context.HttpContext.Request).Name;
                SameOriginAsTheBrowser(context, platformProvider);
                return Task.CompletedTask;
            };
            o.Events.OnTokenValidated = KeepTokensOnTheServer;
            o.Events.OnRedirectToIdentityProviderForSignOut = async context =>
            {
                await EndSessionEverywhere(context);
                SameOriginAsTheBrowser(context, platformProvider);
            };
        });

        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser());
        return builder;
    }

    /// <summary><c>POST /signout</c>: ends the portal session and the provider's, which revokes the user's tokens everywhere.</summary>
    public static void MapPortalSignOut(this IEndpointRouteBuilder app) =>
        app.MapPost(SignOutPath, () => Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [CookieScheme, OidcScheme]))
            .RequireAuthorization(Policy);

    // The platform's provider is the gateway the browser is talking to: the portal may reach it at an inner address
    // (http://gateway:8080), whose discovery names that address, but the browser goes to the origin it opened.
    private static void SameOriginAsTheBrowser(RedirectContext context, bool platformProvider)
    {
        if (platformProvider && Uri.TryCreate(context.ProtocolMessage.IssuerAddress, UriKind.Absolute, out var endpoint))
        {
            var request = context.HttpContext.Request;
            context.ProtocolMessage.IssuerAddress = $"{request.Scheme}://{request.Host}{request.PathBase}{endpoint.AbsolutePath}";
        }
    }

    // The cookie keeps who the user is and the session id; the tokens go to the server-side store.
    private static async Task KeepTokensOnTheServer(Microsoft.AspNetCore.Authentication.OpenIdConnect.TokenValidatedContext context)
    {
        var response = context.TokenEndpointResponse!;
        var time = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        var expiresIn = int.TryParse(response.ExpiresIn, CultureInfo.InvariantCulture, out var seconds) ? seconds : 300;
        var id = await context.HttpContext.RequestServices.GetRequiredService<PortalSessions>().StartAsync(
            PortalUser.From(context.Principal!).Id,
            new PortalTokens(response.AccessToken, response.RefreshToken, response.IdToken, time.GetUtcNow().AddSeconds(expiresIn)),
            context.HttpContext.RequestAborted);
        var identity = new ClaimsIdentity(
            context.Principal!.Claims.Where(c => PortalUser.ClaimTypes.Contains(c.Type)).Append(new Claim(PortalSessions.SessionClaim, id)),
            context.Principal.Identity!.AuthenticationType, PlatformClaims.Name, PlatformClaims.Role);
        context.Principal = new ClaimsPrincipal(identity);
    }

    private static async Task EndSessionEverywhere(RedirectContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<PortalSessions>();
        if (PortalSessions.IdOf(context.HttpContext.User) is { } id)
        {
            context.ProtocolMessage.IdTokenHint = (await sessions.FindAsync(id, context.HttpContext.RequestAborted))?.IdentityToken;
            await sessions.EndAllAsync(PortalUser.From(context.HttpContext.User).Id, context.HttpContext.RequestAborted);
        }
    }

    // Signed out everywhere, or the session expired on the server: the cookie alone is no longer a session.
    private static async Task EndWhenTokensAreGone(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<PortalSessions>();
        if (PortalSessions.IdOf(context.Principal) is not { } id || await sessions.FindAsync(id, context.HttpContext.RequestAborted) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }
}
