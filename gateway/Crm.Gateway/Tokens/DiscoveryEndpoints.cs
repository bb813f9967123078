using System.Text.Json.Serialization;
using Crm.BuildingBlocks.Security;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Gateway.Tokens;

/// <summary>
/// OpenID Connect discovery and the JSON Web Key Set: how services (or any OAuth2 resource server) find the keys that
/// sign the platform's tokens. A company's own identity provider publishes the same two documents, so pointing
/// <c>Auth:Authority</c> at it is all it takes to replace this token service.
/// </summary>
public static class DiscoveryEndpoints
{
    public static void MapDiscoveryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/openid-configuration", (HttpContext http, IOptions<AuthOptions> auth) =>
        {
            var origin = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
            return Results.Json(new Discovery(
                auth.Value.Issuer,
                $"{origin}/connect/token",
                $"{origin}/.well-known/jwks.json",
                ["password"],
                ["token"],
                ["public"],
                [SecurityAlgorithms.RsaSha256],
                ["none"],
                [PlatformClaims.Subject, PlatformClaims.Name, PlatformClaims.Role, PlatformClaims.Region, PlatformClaims.Department]));
        }).AllowAnonymous().WithName("OpenIdConfiguration");

        app.MapGet("/.well-known/jwks.json", (SigningKeys keys) =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(keys.PublicKey);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", kid = jwk.Kid, alg = SecurityAlgorithms.RsaSha256, n = jwk.N, e = jwk.E } } });
        }).AllowAnonymous().WithName("JsonWebKeySet");
    }

    private sealed record Discovery(
        [property: JsonPropertyName("issuer")] string Issuer,
        [property: JsonPropertyName("token_endpoint")] string TokenEndpoint,
        [property: JsonPropertyName("jwks_uri")] string JwksUri,
        [property: JsonPropertyName("grant_types_supported")] string[] GrantTypes,
        [property: JsonPropertyName("response_types_supported")] string[] ResponseTypes,
        [property: JsonPropertyName("subject_types_supported")] string[] SubjectTypes,
        [property: JsonPropertyName("id_token_signing_alg_values_supported")] string[] SigningAlgorithms,
        [property: JsonPropertyName("token_endpoint_auth_methods_supported")] string[] ClientAuthMethods,
        [property: JsonPropertyName("claims_supported")] string[] Claims);
}
