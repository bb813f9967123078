using Crm.Gateway.Identity;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Authentication;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Crm.Gateway.SignIn;

/// <summary>
/// <c>/connect/endsession</c>: signing out everywhere. Ends the session at the provider, on this browser and (by a new
/// security stamp) on every other, and revokes every refresh token and authorization of the user, so no other browser
/// or device of theirs can renew its tokens; then OpenIddict sends the browser back to the client's sign-out address.
/// </summary>
public static class EndSessionEndpoint
{
    public const string Path = "/connect/endsession";

    public static void MapEndSessionEndpoint(this IEndpointRouteBuilder app) =>
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], EndSession)
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();

    private static async Task<IResult> EndSession(
        HttpContext http, IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, UserManager<PlatformUser> users)
    {
        // The provider's session names the user; without it (expired), the identity token the client sent as a hint.
        var session = await http.AuthenticateAsync(AuthorizationServer.SessionScheme);
        var hint = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if ((session.Principal ?? hint.Principal)?.GetClaim(Claims.Subject) is { } subject)
        {
            await tokens.RevokeBySubjectAsync(subject, http.RequestAborted);
            await authorizations.RevokeBySubjectAsync(subject, http.RequestAborted);
            if (await users.FindByNameAsync(subject) is { } user)
            {
                await users.UpdateSecurityStampAsync(user);
            }
        }

        await http.SignOutAsync(AuthorizationServer.SessionScheme);
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
