using System.Net.Http.Headers;
using Microsoft.AspNetCore.Components.Authorization;

namespace Crm.Portal.SignIn;

/// <summary>Puts the signed-in user's access token on every call to the APIs.</summary>
public sealed class AccessTokenHandler(CircuitServices circuit, IHttpContextAccessor httpContext) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var services = circuit.Services ?? httpContext.HttpContext?.RequestServices
                       ?? throw new InvalidOperationException("An API call outside a request or a circuit.");
        var user = services.GetService<AuthenticationStateProvider>() is { } state
            ? (await state.GetAuthenticationStateAsync()).User
            : httpContext.HttpContext!.User;
        if (await services.GetRequiredService<AccessTokens>().ForAsync(user, cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
