using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Crm.Portal.SignIn;

/// <summary>
/// The access token of a signed-in user, renewed with the refresh token shortly before it expires. One renewal at a
/// time per process: the provider rotates refresh tokens, so two at once would race for the same one.
/// </summary>
public sealed class AccessTokens(PortalSessions sessions, IOptionsMonitor<OpenIdConnectOptions> oidc, IHttpClientFactory http, TimeProvider time)
{
    public const string BackchannelClient = "crm-portal-oidc";

    private static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);
    private static readonly SemaphoreSlim Renewal = new(1, 1);

    /// <summary>The token, or null when the session is over (signed out everywhere, expired, or refused on renewal).</summary>
    public async Task<string?> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (PortalSessions.IdOf(user) is not { } id || await sessions.FindAsync(id, cancellationToken) is not { } tokens)
        {
            return null;
        }

        if (tokens.ExpiresAt - RenewBefore > time.GetUtcNow())
        {
            return tokens.AccessToken;
        }

        await Renewal.WaitAsync(cancellationToken);
        try
        {
            tokens = await sessions.FindAsync(id, cancellationToken);
            if (tokens is null || tokens.ExpiresAt - RenewBefore > time.GetUtcNow())
            {
                return tokens?.AccessToken;
            }

            var renewed = tokens.RefreshToken is { } refresh ? await RenewAsync(refresh, tokens, cancellationToken) : null;
            if (renewed is null)
            {
                await sessions.EndAsync(id, cancellationToken);
                return null;
            }

            await sessions.SaveAsync(id, renewed, cancellationToken);
            return renewed.AccessToken;
        }
        finally
        {
            Renewal.Release();
        }
    }

    private async Task<PortalTokens?> RenewAsync(string refreshToken, PortalTokens current, CancellationToken cancellationToken)
    {
        var options = oidc.Get(PortalAuthentication.OidcScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = options.ClientId!,
        };
        if (options.ClientSecret is { Length: > 0 } secret)
        {
            form["client_secret"] = secret;
        }

        using var response = await http.CreateClient(BackchannelClient).PostAsync(configuration.TokenEndpoint, new FormUrlEncodedContent(form), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement;
        return new PortalTokens(
            answer.GetProperty("access_token").GetString()!,
            answer.TryGetProperty("refresh_token", out var rotated) ? rotated.GetString() : refreshToken,
            answer.TryGetProperty("id_token", out var identity) ? identity.GetString() : current.IdentityToken,
            time.GetUtcNow().AddSeconds(answer.TryGetProperty("expires_in", out var expires) ? expires.GetInt32() : 300));
    }
}
