using System.ComponentModel.DataAnnotations;

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

    [Required]
    public PortalOidcOptions Oidc { get; set; } = new();
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
