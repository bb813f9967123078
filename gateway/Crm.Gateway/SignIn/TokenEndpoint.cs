using Crm.Gateway.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Crm.Gateway.SignIn;

/// <summary>
/// <c>POST /connect/token</c> (RFC 6749): OpenIddict validates the request (client, PKCE, code, refresh token) and
/// writes the answer; this handler decides who the tokens are for. Password grant: the user name and password, with
/// Identity's lockout after repeated wrong passwords. Code and refresh grants: the user the code or refresh token was
/// issued to, still active.
/// </summary>
public static class TokenEndpoint
{
    public const string Path = "/connect/token";

    public static void MapTokenEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost(Path, Issue)
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();

    private static async Task<IResult> Issue(HttpContext http, UserManager<PlatformUser> users, PlatformPrincipal principals)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not handle the token request.");
        if (request.IsPasswordGrantType())
        {
            var user = await users.FindByNameAsync(request.Username ?? "");
            if (user is null || await users.IsLockedOutAsync(user))
            {
                return InvalidGrant("The user name or password is wrong, or the account is locked.");
            }

            if (!await users.CheckPasswordAsync(user, request.Password ?? ""))
            {
                await users.AccessFailedAsync(user);
                return InvalidGrant("The user name or password is wrong, or the account is locked.");
            }

            await users.ResetAccessFailedCountAsync(user);
            return SignIn(await principals.CreateAsync(user, request.GetScopes()));
        }

        // Authorization code or refresh token: OpenIddict has validated it; its principal names the user and scopes.
        var issued = (await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var active = await principals.ActiveUserAsync(issued?.GetClaim(Claims.Subject));
        if (issued is null || active is null)
        {
            return InvalidGrant("The account is no longer active.");
        }

        return SignIn(await principals.CreateAsync(active, issued.GetScopes()));
    }

    private static IResult SignIn(System.Security.Claims.ClaimsPrincipal principal) =>
        Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static IResult InvalidGrant(string description) =>
        Results.Forbid(
            new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
            }),
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
