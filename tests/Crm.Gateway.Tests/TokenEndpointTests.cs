using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.BuildingBlocks.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Crm.Gateway.Tests.GatewayTestHost;

namespace Crm.Gateway.Tests;

public sealed class TokenEndpointTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private GatewayTestHost Gateway => fixture.Gateway;

    /// <summary>Validates a token the way a resource server does: keys from the discovery document's jwks_uri.</summary>
    private async Task<JsonWebToken> ValidateAgainstPublishedKeys(string accessToken)
    {
        var client = Gateway.Client();
        var discovery = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        Assert.Equal(AuthenticationSetup.DefaultIssuer, discovery.GetProperty("issuer").GetString());
        var jwksUri = discovery.GetProperty("jwks_uri").GetString();
        Assert.NotNull(jwksUri);
        var keys = new JsonWebKeySet(await client.GetStringAsync(jwksUri)).GetSigningKeys();
        Assert.NotEmpty(keys);
        // Resource servers pick the key by the token's kid, so it has to name a published key.
        Assert.Contains(new JsonWebToken(accessToken).Kid, keys.Select(k => k.KeyId));

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(accessToken, new TokenValidationParameters
        {
            ValidIssuer = "urn:crm-platform",
            ValidAudience = "crm-api",
            IssuerSigningKeys = keys,
            ValidateLifetime = true,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return (JsonWebToken)result.SecurityToken;
    }

    [Fact]
    public async Task a_demo_user_gets_a_bearer_token_that_validates_against_the_published_keys()
    {
        var response = await Gateway.RequestToken("rep.east");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        Assert.NotNull(token);
        Assert.Equal("Bearer", token.TokenType);
        Assert.True(token.ExpiresIn > 0);
        var jwt = await ValidateAgainstPublishedKeys(token.AccessToken);
        Assert.Equal("rep.east", jwt.GetClaim(PlatformClaims.Subject).Value);
        Assert.Equal([Roles.SalesRep], jwt.Claims.Where(c => c.Type == PlatformClaims.Role).Select(c => c.Value));
        Assert.Equal(["EAST"], jwt.Claims.Where(c => c.Type == PlatformClaims.Region).Select(c => c.Value));
        Assert.DoesNotContain(jwt.Claims, c => c.Type == PlatformClaims.Department);
        Assert.InRange(jwt.ValidTo - jwt.IssuedAt, TimeSpan.FromSeconds(token.ExpiresIn - 1), TimeSpan.FromSeconds(token.ExpiresIn + 1));
    }

    [Fact]
    public async Task a_department_handlers_token_carries_the_department_and_every_region()
    {
        var jwt = await ValidateAgainstPublishedKeys(await Gateway.AccessToken("handler.quality"));

        Assert.Equal("handler.quality", jwt.GetClaim(PlatformClaims.Subject).Value);
        Assert.Equal(Roles.DepartmentHandler, jwt.GetClaim(PlatformClaims.Role).Value);
        Assert.Equal(["EAST", "NORTH"], jwt.Claims.Where(c => c.Type == PlatformClaims.Region).Select(c => c.Value).Order());
        Assert.Equal("Quality", jwt.GetClaim(PlatformClaims.Department).Value);
    }

    [Fact]
    public async Task a_headquarters_token_carries_no_region()
    {
        var jwt = await ValidateAgainstPublishedKeys(await Gateway.AccessToken("gm"));

        Assert.Equal(Roles.MarketingGM, jwt.GetClaim(PlatformClaims.Role).Value);
        Assert.DoesNotContain(jwt.Claims, c => c.Type == PlatformClaims.Region);
    }

    [Fact]
    public async Task the_issued_token_is_accepted_by_the_gateway_itself()
    {
        var token = await Gateway.AccessToken("director.north");

        Assert.Equal("director.north", await Gateway.Client(token).GetStringAsync(ProbePath));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Gateway.Client().GetAsync(ProbePath)).StatusCode);
    }

    [Fact]
    public async Task a_wrong_password_is_an_invalid_grant()
    {
        var response = await Gateway.RequestToken("chairman", "not-the-password");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await response.Content.ReadFromJsonAsync<TokenError>())!.Error);
    }

    [Fact]
    public async Task an_unknown_user_is_the_same_invalid_grant_as_a_wrong_password()
    {
        var response = await Gateway.RequestToken("nobody.here", "Crm-demo-2026");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_grant", (await response.Content.ReadFromJsonAsync<TokenError>())!.Error);
    }

    [Fact]
    public async Task a_grant_type_other_than_password_is_unsupported()
    {
        var response = await Gateway.RequestToken("rep.east2", grantType: "client_credentials");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type", (await response.Content.ReadFromJsonAsync<TokenError>())!.Error);
    }

    [Fact]
    public async Task a_request_that_is_not_a_form_is_an_invalid_request()
    {
        var response = await Gateway.Client().PostAsJsonAsync("/connect/token", new { grant_type = "password", username = "rep.east2", password = "Crm-demo-2026" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request", (await response.Content.ReadFromJsonAsync<TokenError>())!.Error);
    }

    [Fact]
    public async Task five_wrong_passwords_lock_the_account_so_even_the_right_one_fails()
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await Gateway.RequestToken("handler.logistics", $"wrong-password-{attempt}");
            Assert.Equal("invalid_grant", (await wrong.Content.ReadFromJsonAsync<TokenError>())!.Error);
        }

        var right = await Gateway.RequestToken("handler.logistics");

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Equal("invalid_grant", (await right.Content.ReadFromJsonAsync<TokenError>())!.Error);
        Assert.Equal(HttpStatusCode.OK, (await Gateway.RequestToken("manager.east")).StatusCode);
    }

    [Fact]
    public async Task four_wrong_passwords_do_not_lock_and_a_success_starts_the_count_again()
    {
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await Gateway.RequestToken("manager.north", "wrong-password")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await Gateway.RequestToken("manager.north")).StatusCode);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await Gateway.RequestToken("manager.north", "wrong-password")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await Gateway.RequestToken("manager.north")).StatusCode);
    }
}
