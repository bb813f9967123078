using Crm.Gateway.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Crm.Gateway.SignIn;

/// <summary>
/// <c>/connect/authorize</c>: the start of the code flow. OpenIddict has checked the client, its redirect address and
/// the PKCE challenge; a user without a session here is sent to the sign-in page and comes back. The portal is the
/// company's own application, so there is no consent screen.
/// </summary>
public static class AuthorizeEndpoint
{
    public const string Path = "/connect/authorize";

    public static void MapAuthorizeEndpoint(this IEndpointRouteBuilder app) =>
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], Authorize)
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();

    private static async Task<IResult> Authorize(HttpContext http, PlatformPrincipal principals, UserManager<PlatformUser> users)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("OpenIddict did not handle the authorization request.");
        var session = await http.AuthenticateAsync(AuthorizationServer.SessionScheme);
        var user = session.Succeeded ? await principals.ActiveUserAsync(session.Principal.GetClaim(Claims.Subject)) : null;

        // A session from before the user signed out everywhere (on another browser) is over.
        if (user is not null && session.Principal!.GetClaim(AuthorizationServer.SessionStampClaim) != await users.GetSecurityStampAsync(user))
        {
            user = null;
        }

        if (user is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Results.Forbid(
                    new AuthenticationProperties(new Dictionary<string, string?>
                    {
                        [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.LoginRequired,
                        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user is not signed in.",
                    }),
                    [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }

            // Back to this same request after signing in, without prompt=login so that it does not loop.
            var parameters = request.GetParameters()
                .Where(p => p.Key != Parameters.Prompt)
                .Select(p => KeyValuePair.Create(p.Key, (string?)p.Value.ToString()));
            return Results.Redirect(SignInPage.Link(Path + QueryString.Create(parameters), request.UiLocales));
        }

        return Results.SignIn(await principals.CreateAsync(user, request.GetScopes()), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
