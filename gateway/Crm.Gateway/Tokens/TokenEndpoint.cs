using System.Security.Claims;
using Crm.BuildingBlocks.Security;
using Crm.Gateway.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Gateway.Tokens;

/// <summary>
/// <c>POST /connect/token</c>: the OAuth2 token endpoint (RFC 6749) for the platform's own users, with the resource
/// owner password grant. Answers follow §5.1 and §5.2, so standard OAuth2 clients work against it unchanged.
/// Repeated wrong passwords lock the account for a while (Identity's lockout).
/// </summary>
public static class TokenEndpoint
{
    public static void MapTokenEndpoint(this IEndpointRouteBuilder app) =>
        app.MapPost("/connect/token", Issue)
            .AllowAnonymous()
            .DisableAntiforgery()
            .WithName("IssueToken")
            .WithSummary("OAuth2 token endpoint (password grant) for the platform's own users.");

    private static async Task<IResult> Issue(HttpContext http, UserManager<PlatformUser> users, SigningKeys keys, IOptions<AuthOptions> authOptions, TimeProvider time)
    {
        if (!http.Request.HasFormContentType)
        {
            return Error("invalid_request", "Send the request as application/x-www-form-urlencoded.");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        if (form["grant_type"] != "password")
        {
            return Error("unsupported_grant_type", "Only grant_type=password is supported.");
        }

        string userName = form["username"].ToString(), password = form["password"].ToString();
        if (userName.Length == 0 || password.Length == 0)
        {
            return Error("invalid_request", "username and password are required.");
        }

        var user = await users.FindByNameAsync(userName);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return Error("invalid_grant", "The user name or password is wrong, or the account is locked.");
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            return Error("invalid_grant", "The user name or password is wrong, or the account is locked.");
        }

        await users.ResetAccessFailedCountAsync(user);
        var auth = authOptions.Value;
        var lifetime = TimeSpan.FromMinutes(auth.TokenLifetimeMinutes);
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new List<Claim>
        {
            new(PlatformClaims.Subject, user.UserName!),
            new(PlatformClaims.Name, user.DisplayName.Length > 0 ? user.DisplayName : user.UserName!),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        claims.AddRange((await users.GetRolesAsync(user)).Select(r => new Claim(PlatformClaims.Role, r)));
        claims.AddRange(user.RegionList.Select(r => new Claim(PlatformClaims.Region, r)));
        if (user.Department is { Length: > 0 } department)
        {
            claims.Add(new Claim(PlatformClaims.Department, department));
        }

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = keys.Credentials,
        });
        http.Response.Headers.CacheControl = "no-store";
        return Results.Json(new TokenResponse(token, "Bearer", (int)lifetime.TotalSeconds));
    }

    private static IResult Error(string error, string description) =>
        Results.Json(new TokenError(error, description), statusCode: StatusCodes.Status400BadRequest);

    private sealed record TokenResponse(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

    private sealed record TokenError(
        [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error,
        [property: System.Text.Json.Serialization.JsonPropertyName("error_description")] string Description);
}
