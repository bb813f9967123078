using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Caching.Distributed;

namespace Crm.Portal.SignIn;

/// <summary>A signed-in user's tokens, kept on the server. The browser holds only the session cookie.</summary>
public sealed record PortalTokens(string AccessToken, string? RefreshToken, string? IdentityToken, DateTimeOffset ExpiresAt);

/// <summary>
/// The server-side token store: the session cookie carries the user's claims and a session id, and the tokens stay
/// here, encrypted with Data Protection, in the distributed cache (in memory unless the host registers a shared one,
/// which replicas of the portal need).
/// </summary>
public sealed class PortalSessions(IDistributedCache cache, IDataProtectionProvider protection)
{
    public const string SessionClaim = "portal_session";

    /// <summary>How long an idle session lasts; each use extends it.</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromHours(12);

    private readonly IDataProtector protector = protection.CreateProtector("Crm.Portal.Sessions");

    public async Task<string> StartAsync(string userId, PortalTokens tokens, CancellationToken cancellationToken)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await SaveAsync(id, tokens, cancellationToken);
        var sessions = await SessionsOfAsync(userId, cancellationToken);
        await cache.SetAsync(UserKey(userId), JsonSerializer.SerializeToUtf8Bytes(sessions.Append(id).ToArray()),
            new DistributedCacheEntryOptions { SlidingExpiration = IdleLifetime }, cancellationToken);
        return id;
    }

    /// <summary>Signing out everywhere: every session of the user in this portal, on any browser or device, ends.</summary>
    public async Task EndAllAsync(string userId, CancellationToken cancellationToken)
    {
        foreach (var id in await SessionsOfAsync(userId, cancellationToken))
        {
            await EndAsync(id, cancellationToken);
        }

        await cache.RemoveAsync(UserKey(userId), cancellationToken);
    }

    private async Task<string[]> SessionsOfAsync(string userId, CancellationToken cancellationToken) =>
        await cache.GetAsync(UserKey(userId), cancellationToken) is { } stored ? JsonSerializer.Deserialize<string[]>(stored) ?? [] : [];

    public static string? IdOf(ClaimsPrincipal? user) => user?.FindFirst(SessionClaim)?.Value;

    public async Task<PortalTokens?> FindAsync(string id, CancellationToken cancellationToken) =>
        await cache.GetAsync(Key(id), cancellationToken) is { } stored
            ? JsonSerializer.Deserialize<PortalTokens>(protector.Unprotect(stored))
            : null;

    public Task SaveAsync(string id, PortalTokens tokens, CancellationToken cancellationToken) =>
        cache.SetAsync(Key(id), protector.Protect(JsonSerializer.SerializeToUtf8Bytes(tokens)),
            new DistributedCacheEntryOptions { SlidingExpiration = IdleLifetime }, cancellationToken);

    public Task EndAsync(string id, CancellationToken cancellationToken) => cache.RemoveAsync(Key(id), cancellationToken);

    private static string Key(string id) => $"crm-portal-session:{id}";

    private static string UserKey(string userId) => $"crm-portal-user:{userId}";
}
