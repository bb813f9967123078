using System.Globalization;
using System.Security.Claims;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Gateway.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Crm.Gateway.SignIn;

/// <summary>
/// <c>/account/signin</c>: the provider's sign-in form, in Chinese unless the user chose English (the same culture
/// cookie as the portal's, or the client's <c>ui_locales</c>). A right password starts the provider's session and goes
/// back to the authorization request; a wrong one shows the form again, with Identity's lockout as for tokens.
/// </summary>
public static class SignInPage
{
    public const string Path = "/account/signin";

    public static string Link(string returnUrl, string? culture = null) =>
        Path + QueryString.Create(new Dictionary<string, string?> { ["returnUrl"] = returnUrl, ["culture"] = culture }.Where(p => p.Value is not null));

    public static void MapSignInPage(this IEndpointRouteBuilder app)
    {
        var page = app.MapGroup(Path).AllowAnonymous().ExcludeFromDescription();
        page.MapGet("", (HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? culture) =>
            Form(http, antiforgery, returnUrl, culture, userName: null, failed: false));
        page.MapPost("", SignIn);
    }

    private static async Task<Results<RedirectHttpResult, RazorComponentResult<SignInForm>>> SignIn(
        HttpContext http, IAntiforgery antiforgery, UserManager<PlatformUser> users, PlatformPrincipal principals,
        [FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl)
    {
        var user = await principals.ActiveUserAsync(userName?.Trim());
        if (user is null || !await users.CheckPasswordAsync(user, password ?? ""))
        {
            if (user is not null)
            {
                await users.AccessFailedAsync(user);
            }

            return Form(http, antiforgery, returnUrl, culture: null, userName, failed: true);
        }

        await users.ResetAccessFailedCountAsync(user);
        var session = new ClaimsIdentity(
            [new Claim(PlatformClaims.Subject, user.UserName!), new Claim(AuthorizationServer.SessionStampClaim, await users.GetSecurityStampAsync(user))],
            AuthorizationServer.SessionScheme);
        await http.SignInAsync(AuthorizationServer.SessionScheme, new ClaimsPrincipal(session));
        return TypedResults.Redirect(LocalUrls.OrRoot(returnUrl));
    }

    private static RazorComponentResult<SignInForm> Form(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? culture, string? userName, bool failed)
    {
        // The page's language was set from ?culture= (its own switch, or the client's ui_locales), else the culture
        // cookie, before the endpoint ran (PlatformCultures.RequestLocalization in GatewayEdge), so the form renders in it.
        var chosen = CultureInfo.CurrentUICulture;
        if (culture is not null)
        {
            // Remembered like the portal's own switch, so the portal opens in the language chosen here.
            PlatformCultures.Remember(http.Response, chosen);
        }

        http.Response.Headers.CacheControl = "no-store";
        return new RazorComponentResult<SignInForm>(new
        {
            ReturnUrl = LocalUrls.OrRoot(returnUrl),
            Culture = chosen,
            UserName = userName,
            Failed = failed,
            Antiforgery = antiforgery.GetAndStoreTokens(http),
        })
        {
            StatusCode = failed ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
        };
    }
}
