using Crm.BuildingBlocks.Http;

namespace Crm.Portal.Localization;

/// <summary>The portal's language switch; the languages and the cookie are the platform's (<see cref="PlatformCultures"/>).</summary>
public static class PortalCultures
{
    public const string SwitchPath = "/culture";

    /// <summary><c>GET /culture?name=en&amp;returnUrl=/customers</c>: remembers the choice and reloads the page in it.</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet(SwitchPath, (HttpContext http, string? name, string? returnUrl) =>
        {
            PlatformCultures.Remember(http.Response, PlatformCultures.Supported.FirstOrDefault(c => c.Name == name) ?? PlatformCultures.Supported[0]);
            return Results.LocalRedirect(LocalUrls.OrRoot(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
}
