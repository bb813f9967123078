using Crm.Gateway;

namespace Crm.Gateway.Proxy;

/// <summary>
/// YARP forwards each <c>/api/{service}</c> prefix, unchanged, to that service, and everything else the gateway does
/// not answer itself to the web portal, so the standalone host serves the same URLs. Defaults point at the local ports
/// of deploy/local; a deployment overrides any of them through normal configuration, e.g.
/// <c>ReverseProxy__Clusters__customers__Destinations__primary__Address</c>, and may list more destinations per cluster
/// to spread load over replicas.
/// </summary>
public static class ServiceProxy
{
    public static IHostApplicationBuilder AddServiceProxy(this IHostApplicationBuilder builder)
    {
        var defaults = new Dictionary<string, string?>();
        var port = 5101;
        foreach (var service in GatewayEdge.Services)
        {
            defaults[$"ReverseProxy:Routes:{service}:ClusterId"] = service;
            defaults[$"ReverseProxy:Routes:{service}:Match:Path"] = $"/api/{service}/{{**rest}}";
            defaults[$"ReverseProxy:Clusters:{service}:Destinations:primary:Address"] = $"http://127.0.0.1:{port++}/";
            defaults[$"ReverseProxy:Clusters:{service}:HealthCheck:Active:Enabled"] = "true";
            defaults[$"ReverseProxy:Clusters:{service}:HealthCheck:Active:Path"] = "/health/ready";
            defaults[$"ReverseProxy:Clusters:{service}:LoadBalancingPolicy"] = "PowerOfTwoChoices";
        }

        // The portal last: after the gateway's own endpoints (sign-in, tokens, health) and the APIs. Its pages hold a
        // Blazor circuit on the replica that rendered them, so a browser keeps to one replica (session affinity).
        defaults["ReverseProxy:Routes:portal:ClusterId"] = "portal";
        defaults["ReverseProxy:Routes:portal:Match:Path"] = "/{**rest}";
        defaults["ReverseProxy:Routes:portal:Order"] = "1000";

        // The portal signs its users in itself (its cookie, or OpenID Connect for a browser that has none), so its pages
        // pass the gateway anonymously; the gateway's rule that a caller presents a token is for the APIs.
        defaults["ReverseProxy:Routes:portal:AuthorizationPolicy"] = "anonymous";
        defaults["ReverseProxy:Clusters:portal:Destinations:primary:Address"] = "http://127.0.0.1:5106/";
        defaults["ReverseProxy:Clusters:portal:HealthCheck:Active:Enabled"] = "true";
        defaults["ReverseProxy:Clusters:portal:HealthCheck:Active:Path"] = "/health/ready";
        defaults["ReverseProxy:Clusters:portal:SessionAffinity:Enabled"] = "true";
        defaults["ReverseProxy:Clusters:portal:SessionAffinity:AffinityKeyName"] = "crm.portal.affinity";

        // Lowest precedence: appsettings, environment variables and the command line all override these.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = defaults });
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
        return builder;
    }
}
