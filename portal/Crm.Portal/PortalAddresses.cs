using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Crm.Portal;

/// <summary>
/// Where the APIs and the identity provider are. Configured for a deployment; in the standalone host, which serves the
/// APIs and the provider itself, the address it listens on, known only once it has started (it may be given port 0).
/// </summary>
public sealed class PortalAddresses(IOptions<PortalOptions> options, IServer server)
{
    public Uri Api => new(options.Value.ApiBaseUrl is { Length: > 0 } configured ? configured : Own(), UriKind.Absolute);

    public string Authority => options.Value.Oidc.Authority is { Length: > 0 } authority ? authority : Api.ToString();

    private string Own()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                      ?? throw new InvalidOperationException("Set Portal:ApiBaseUrl: the server has no address yet.");
        var uri = new UriBuilder(address);
        if (uri.Host is "0.0.0.0" or "[::]" or "+" or "*")
        {
            uri.Host = "localhost";
        }

        return uri.Uri.ToString();
    }
}
