using System.Security.Claims;
using Crm.BuildingBlocks.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Crm.Testing;

/// <summary>A caller for in-process tests, with the same claims the gateway puts in its tokens.</summary>
public sealed record TestUser(string Id, string Role, string[] Regions, string? Department = null)
{
    public static TestUser RepEast => new("rep.east", Roles.SalesRep, ["EAST"]);
    public static TestUser RepEast2 => new("rep.east2", Roles.SalesRep, ["EAST"]);
    public static TestUser RepNorth => new("rep.north", Roles.SalesRep, ["NORTH"]);
    public static TestUser ManagerEast => new("manager.east", Roles.BranchManager, ["EAST"]);
    public static TestUser DirectorNorth => new("director.north", Roles.RegionalDirector, ["NORTH"]);
    public static TestUser MarketingGM => new("gm", Roles.MarketingGM, []);
    public static TestUser Supervisor => new("supervisor", Roles.CrmSupervisor, []);
    public static TestUser QualityHandler => new("handler.quality", Roles.DepartmentHandler, ["EAST", "NORTH"], "Quality");

    public string CreateToken(SigningKeys keys, string issuer = AuthenticationSetup.DefaultIssuer, string audience = AuthenticationSetup.DefaultAudience)
    {
        var claims = new List<Claim> { new(PlatformClaims.Subject, Id), new(PlatformClaims.Name, Id), new(PlatformClaims.Role, Role) };
        claims.AddRange(Regions.Select(r => new Claim(PlatformClaims.Region, r)));
        if (Department is not null)
        {
            claims.Add(new Claim(PlatformClaims.Department, Department));
        }

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = keys.Credentials,
        });
    }
}
