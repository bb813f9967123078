using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Crm.Gateway.SignIn;

/// <summary>
/// Registers the portal as a client of the provider, or updates its registration, once the server listens: its
/// redirect addresses are the configured origins (<see cref="PortalClientOptions.Origins"/>), or else the addresses
/// this process was started on, so the standalone host works on whatever port it is given.
/// </summary>
internal sealed class ClientApplications(IServiceScopeFactory scopes, IServer server, IOptions<GatewayOptions> options) : IHostedLifecycleService
{
    public const string RedirectPath = "/signin-oidc";
    public const string PostSignOutPath = "/signout-callback-oidc";

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var portal = options.Value.Portal;
        var origins = portal.Origins.Length > 0 ? portal.Origins : ListeningOrigins();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = portal.ClientId,
            ClientSecret = portal.ClientSecret,
            ClientType = portal.ClientSecret is { Length: > 0 } ? ClientTypes.Confidential : ClientTypes.Public,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "Crm.Platform portal",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession, Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + AuthorizationServer.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var origin in origins.Select(o => o.TrimEnd('/')).Distinct())
        {
            descriptor.RedirectUris.Add(new Uri(origin + RedirectPath));
            descriptor.PostLogoutRedirectUris.Add(new Uri(origin + PostSignOutPath));
        }

        // Replicas starting together race to create the registration: the loser updates the winner's.
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            try
            {
                if (await applications.FindByClientIdAsync(portal.ClientId, cancellationToken) is { } existing)
                {
                    await applications.UpdateAsync(existing, descriptor, cancellationToken);
                }
                else
                {
                    await applications.CreateAsync(descriptor, cancellationToken);
                }

                return;
            }
            catch (Exception e) when (attempt < 3 && e is DbUpdateException or OpenIddictExceptions.ConcurrencyException)
            {
            }
        }
    }

    // A browser may name a local address either way, so both are registered.
    private IEnumerable<string> ListeningOrigins()
    {
        foreach (var address in server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
        {
            var uri = new Uri(address);
            yield return uri.GetLeftPart(UriPartial.Authority);
            if (uri.IsLoopback)
            {
                foreach (var host in new[] { "localhost", "127.0.0.1" })
                {
                    yield return new UriBuilder(uri) { Host = host }.Uri.GetLeftPart(UriPartial.Authority);
                }
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
