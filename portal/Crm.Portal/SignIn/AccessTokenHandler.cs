using System.Net.Http.Headers;
using Microsoft.AspNetCore.Components.Authorization;

namespace Crm.Portal.SignIn;

/// <summary>Puts the signed-in user's access token on every call to the APIs.</summary>
public sealed class AccessTokenHandler(CircuitServices circuit, IHttpContextAccessor httpContext) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // In a circuit, the user the circuit signed in with; in a plain request (a download), the request's user.
        var (services, user) = circuit.Services is { } inCircuit
            ? (inCircuit, (await inCircuit.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync()).User)
            : httpContext.HttpContext is { } http
                ? (http.RequestServices, http.User)
                : throw new InvalidOperationException("An API call outside a request or a circuit.");
        if (await services.GetRequiredService<AccessTokens>().ForAsync(user, cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
