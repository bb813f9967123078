using System.ComponentModel.DataAnnotations;

namespace Crm.Gateway;

/// <summary>Settings of the gateway (configuration section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    /// <summary>Creates the demo users (README) on first start; for the standalone host and local runs, never production.</summary>
    public bool SeedDemoUsers { get; set; }
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
