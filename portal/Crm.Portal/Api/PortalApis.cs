using Crm.Portal.SignIn;

namespace Crm.Portal.Api;

/// <summary>
/// The typed clients of the services' APIs, all through the gateway (or the standalone host's own address) as the
/// signed-in user, each with the standard resilience pipeline: timeouts, retries with backoff on transient failures
/// (a 503 with Retry-After is waited out), and a circuit breaker.
/// </summary>
public static class PortalApis
{
    public static IHostApplicationBuilder AddPortalApis(this IHostApplicationBuilder builder)
    {
        Add<CustomersApi>(builder);
        Add<ComplaintsApi>(builder);
        Add<VisitsApi>(builder);
        Add<HospitalityApi>(builder);
        Add<ContractsApi>(builder);
        return builder;
    }

    private static void Add<TClient>(IHostApplicationBuilder builder) where TClient : class =>
        builder.Services.AddHttpClient<TClient>((services, http) => http.BaseAddress = services.GetRequiredService<PortalAddresses>().Api)
            .AddHttpMessageHandler<AccessTokenHandler>()
            .AddStandardResilienceHandler();
}
