using System.Security.Claims;
using Crm.BuildingBlocks.Security;
using Crm.Gateway.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Crm.Gateway.SignIn;

/// <summary>
/// Who a user is in the platform's tokens: subject (the user name), display name, roles, regions and department, the
/// same claims whichever flow signed them in. Read from the user store each time, so a changed role or a disabled
/// account takes effect at the next token, refreshes included.
/// </summary>
public sealed class PlatformPrincipal(UserManager<PlatformUser> users, IOptions<AuthOptions> auth)
{
    /// <summary>The user, or null when the account is gone or locked out.</summary>
    public async Task<PlatformUser?> ActiveUserAsync(string? userName)
    {
        var user = userName is { Length: > 0 } ? await users.FindByNameAsync(userName) : null;
        return user is null || await users.IsLockedOutAsync(user) ? null : user;
    }

    public async Task<ClaimsPrincipal> CreateAsync(PlatformUser user, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, PlatformClaims.Name, PlatformClaims.Role);
        identity.SetClaim(PlatformClaims.Subject, user.UserName)
            .SetClaim(PlatformClaims.Name, user.DisplayName.Length > 0 ? user.DisplayName : user.UserName)
            .SetClaims(PlatformClaims.Role, [.. await users.GetRolesAsync(user)])
            .SetClaims(PlatformClaims.Region, [.. user.RegionList]);
        if (user.Department is { Length: > 0 } department)
        {
            identity.SetClaim(PlatformClaims.Department, department);
        }

        identity.SetScopes(scopes);
        identity.SetResources(auth.Value.Audience);

        // Both tokens carry the platform's claims: the services authorize with the access token, and the portal shows
        // name, role and regions from the identity token without another round trip.
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }
}
