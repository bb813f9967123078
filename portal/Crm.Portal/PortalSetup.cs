using System.Text.Encodings.Web;
using Crm.BuildingBlocks.Http;
using System.Text.Unicode;
using Crm.Portal.Api;
using Crm.Portal.Components;
using Crm.Portal.Localization;
using Crm.Portal.SignIn;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.WebEncoders;
using Radzen;

namespace Crm.Portal;

/// <summary>
/// The web portal, added to a host: its own process behind the gateway (Program.cs) or the standalone host. It reads
/// and writes only through the services' public APIs (<see cref="Api"/>), as the signed-in user.
/// </summary>
public static class PortalSetup
{
    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortalOptions>().Bind(builder.Configuration.GetSection(PortalOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PortalAddresses>();
        builder.Services.AddSingleton<Components.Shared.DisplayTime>();
        builder.Services.AddScoped<Components.Shared.BrowserGeolocation>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddDistributedMemoryCache();
        builder.AddPortalAuthentication();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddRadzenComponents();
        builder.Services.AddLocalization();
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.AddPortalApis();

        // Behind the gateway: the browser's scheme and host, so that sign-in redirects name the address the user opened.
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
        });
        return builder;
    }

    /// <summary>The portal's pages at <c>/</c>; call after the host's authentication and authorization middleware.</summary>
    public static WebApplication MapPortal(this WebApplication app)
    {
        app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), portal => portal.UseRequestLocalization(PlatformCultures.RequestLocalization));
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapCultureSwitch();
        app.MapPortalSignOut();
        app.MapPortalDownloads();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(PortalAuthentication.Policy);
        return app;
    }
}
