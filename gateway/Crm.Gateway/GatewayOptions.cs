using System.ComponentModel.DataAnnotations;

namespace Crm.Gateway;

/// <summary>Settings of the gateway (configuration section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    /// <summary>Creates the demo users (README) on first start; for the standalone host and local runs, never production.</summary>
    public bool SeedDemoUsers { get; set; }

    /// <summary>
    /// Refuse sign-in and token requests over plain HTTP. Off by default because the standalone host and local runs
    /// serve http://localhost; turn it on where the gateway itself, or a proxy whose forwarded headers it trusts, ends TLS.
    /// </summary>
    public bool RequireHttps { get; set; }

    /// <summary>How long a refresh token lasts without use (each use issues a new one).</summary>
    [Range(1, 24 * 90)]
    public int RefreshTokenLifetimeHours { get; set; } = 24 * 14;

    [Required]
    public PortalClientOptions Portal { get; set; } = new();
}

/// <summary>The portal as a client of the provider (configuration section <c>Gateway:Portal</c>).</summary>
public sealed class PortalClientOptions
{
    [Required, MaxLength(100)]
    public string ClientId { get; set; } = "crm-portal";

    /// <summary>Makes the portal a confidential client; without it, a public one (PKCE is required either way).</summary>
    [MaxLength(200)]
    public string? ClientSecret { get; set; }

    /// <summary>
    /// Where users open the portal, e.g. https://crm.example.com. Empty: the addresses this process listens on
    /// (the standalone host and local runs, where the portal is served at the gateway's own address).
    /// </summary>
    [MaxLength(20)]
    public string[] Origins { get; set; } = [];
}

/// <summary>Per-user token buckets at the edge (configuration section <c>RateLimiting</c>).</summary>
public sealed class RateLimitingOptions
{
    /// <summary>The burst a user may send at once.</summary>
    [Range(1, 1_000_000)]
    public int TokenLimit { get; set; } = 200;

    /// <summary>The sustained rate, used when <see cref="TokensPerPeriod"/> is not given.</summary>
    [Range(1, 1_000_000)]
    public int TokensPerSecond { get; set; } = 50;

    /// <summary>
    /// How often the bucket refills. The limiter takes no TimeProvider, so a test sets, say, 1 token an hour, and no
    /// refill can fall within it however slow the machine.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Tokens added each period; by default <see cref="TokensPerSecond"/> scaled to the period.</summary>
    [Range(1, 1_000_000)]
    public int? TokensPerPeriod { get; set; }

    internal int RefillPerPeriod =>
        TokensPerPeriod ?? (int)Math.Clamp(Math.Round(TokensPerSecond * ReplenishmentPeriod.TotalSeconds), 1, int.MaxValue);
}
