using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace Crm.BuildingBlocks.Http;

/// <summary>
/// The languages people see the platform in, the portal and the sign-in page alike: Chinese (zh-CN) first, English on
/// request. The choice is the culture cookie, kept for a year; <c>?culture=</c> overrides it for one request.
/// </summary>
public static class PlatformCultures
{
    public static readonly IReadOnlyList<CultureInfo> Supported = [new("zh-CN"), new("en")];

    public static RequestLocalizationOptions RequestLocalization { get; } = new()
    {
        DefaultRequestCulture = new RequestCulture(Supported[0]),
        SupportedCultures = [.. Supported],
        SupportedUICultures = [.. Supported],
        RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()],
    };

    /// <summary>Remembers the user's choice in the culture cookie.</summary>
    public static void Remember(HttpResponse response, CultureInfo culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });

    /// <summary>The remembered choice, for a request the localization middleware has not seen yet.</summary>
    public static CultureInfo Remembered(HttpRequest request) =>
        CookieRequestCultureProvider.ParseCookieValue(request.Cookies[CookieRequestCultureProvider.DefaultCookieName] ?? "")
            ?.UICultures.Select(name => Supported.FirstOrDefault(c => c.Name == name.Value)).FirstOrDefault(c => c is not null)
        ?? Supported[0];
}

/// <summary>Return addresses after sign-in or a language switch: only back into this site.</summary>
public static class LocalUrls
{
    /// <summary>
    /// The address when it is a path of this site, else the root: an open redirect would hand a signed-in user to
    /// anyone's page (the rule of ASP.NET Core's IsLocalUrl: a leading slash, not followed by a slash or backslash).
    /// </summary>
    public static string OrRoot(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && (returnUrl.Length == 1 || returnUrl[1] is not ('/' or '\\'))
            ? returnUrl
            : "/";
}
