using System.ComponentModel.DataAnnotations;

namespace Crm.BuildingBlocks.Security;

/// <summary>Who issues the platform's tokens and for whom (configuration section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The token service or a company's own identity provider; its keys come from its OIDC discovery.</summary>
    [Url, MaxLength(500)]
    public string? Authority { get; set; }

    /// <summary>Without an authority: the PEM file of the signing key (the standalone host, the gateway's token service).</summary>
    [MaxLength(1000)]
    public string? SigningKeyPath { get; set; }

    [Required, MaxLength(500)]
    public string Issuer { get; set; } = AuthenticationSetup.DefaultIssuer;

    [Required, MaxLength(500)]
    public string Audience { get; set; } = AuthenticationSetup.DefaultAudience;

    /// <summary>How long an access token from the token service is valid.</summary>
    [Range(1, 24 * 60)]
    public int TokenLifetimeMinutes { get; set; } = 60;
}
