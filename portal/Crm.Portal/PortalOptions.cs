using System.ComponentModel.DataAnnotations;
using Crm.IntegrationEvents;
using Microsoft.Extensions.Options;

namespace Crm.Portal;

/// <summary>Settings of the portal (configuration section <c>Portal</c>).</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// Where the portal calls the services' APIs: the gateway, e.g. http://gateway:5000. Empty: this process's own
    /// address (the standalone host, which serves the APIs itself).
    /// </summary>
    [Url, MaxLength(500)]
    public string? ApiBaseUrl { get; set; }

    /// <summary>The company's time zone (IANA), in which every date and time is shown.</summary>
    [Required, MaxLength(100)]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    [Required, ValidateObjectMembers]
    public PortalOidcOptions Oidc { get; set; } = new();

    [Required, ValidateObjectMembers]
    public PortalMapOptions Map { get; set; } = new();
}

/// <summary>
/// The tiles under the portal's maps (configuration section <c>Portal:Map</c>): a company's own tile server, or AMap's or
/// Tencent's, whose tiles are in GCJ-02. None by default: the markers are drawn on a blank map, and no request leaves
/// for a tile server the company has not chosen.
/// </summary>
public sealed class PortalMapOptions
{
    /// <summary>A Leaflet tile URL template, e.g. <c>https://tiles.example.com/{z}/{x}/{y}.png</c>.</summary>
    [MaxLength(500)]
    public string? TileUrl { get; set; }

    /// <summary>The datum the tiles are drawn in: Gcj02 for AMap and Tencent; markers are converted to it.</summary>
    public CoordinateDatum TileDatum { get; set; } = CoordinateDatum.Wgs84;

    /// <summary>The values of <c>{s}</c> in <see cref="TileUrl"/>, one character each (e.g. <c>1234</c>).</summary>
    [MaxLength(10)]
    public string? Subdomains { get; set; }

    /// <summary>The tiles' copyright line, required by most providers' terms.</summary>
    [MaxLength(300)]
    public string? Attribution { get; set; }

    [Range(1, 22)]
    public int MaxZoom { get; set; } = 18;
}

/// <summary>The OpenID Connect provider users sign in with (configuration section <c>Portal:Oidc</c>).</summary>
public sealed class PortalOidcOptions
{
    /// <summary>The provider: the platform's gateway (the default, <see cref="PortalOptions.ApiBaseUrl"/>) or a company's own.</summary>
    [Url, MaxLength(500)]
    public string? Authority { get; set; }

    [Required, MaxLength(100)]
    public string ClientId { get; set; } = "crm-portal";

    /// <summary>For a confidential registration; PKCE is used either way.</summary>
    [MaxLength(200)]
    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked for: identity, refresh tokens and the services' audience.</summary>
    [MaxLength(20)]
    public string[] Scopes { get; set; } = ["openid", "profile", "offline_access", "crm-api"];
}
