using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Crm.Portal.Localization;

/// <summary>
/// The portal's languages: Chinese (zh-CN) first, English on request. The choice is a cookie, shared with the
/// provider's sign-in page, kept for a year; <c>?culture=</c> overrides it for one request, as on the sign-in page.
/// </summary>
public static class PortalCultures
{
    public const string SwitchPath = "/culture";

    public static readonly IReadOnlyList<CultureInfo> Supported = [new("zh-CN"), new("en")];

    public static RequestLocalizationOptions Options { get; } = new()
    {
        DefaultRequestCulture = new RequestCulture(Supported[0]),
        SupportedCultures = [.. Supported],
        SupportedUICultures = [.. Supported],
        RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()],
    };

    /// <summary>
    /// The user's language for a request the localization middleware has not seen yet: a sign-in challenge, raised by
    /// the authorization middleware before the portal's own middleware runs.
    /// </summary>
    public static CultureInfo Of(HttpContext http) =>
        CookieRequestCultureProvider.ParseCookieValue(http.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] ?? "")
            ?.UICultures.Select(name => Supported.FirstOrDefault(c => c.Name == name.Value)).FirstOrDefault(c => c is not null)
        ?? Supported[0];

    /// <summary><c>GET /culture?name=en&amp;returnUrl=/customers</c>: remembers the choice and reloads the page in it.</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet(SwitchPath, (HttpContext http, string? name, string? returnUrl) =>
        {
            var culture = Supported.FirstOrDefault(c => c.Name == name) ?? Supported[0];
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) ? returnUrl : "/");
        }).AllowAnonymous().ExcludeFromDescription();
}
