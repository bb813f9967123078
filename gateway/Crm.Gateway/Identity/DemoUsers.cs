using Crm.BuildingBlocks.Security;
using Microsoft.AspNetCore.Identity;

namespace Crm.Gateway.Identity;

/// <summary>
/// One user for every role in two regions, for trying the platform and for its tests. Created only when
/// <c>Gateway:SeedDemoUsers</c> is true (the standalone host and the local scripts set it; a real roll-out does not).
/// </summary>
public static class DemoUsers
{
    public const string Password = "Crm-demo-2026";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string Regions, string? Department)> All =
    [
        ("rep.east", "Wang Fang (rep, East)", Roles.SalesRep, "EAST", null),
        ("rep.east2", "Li Na (rep, East)", Roles.SalesRep, "EAST", null),
        ("rep.north", "Zhang Wei (rep, North)", Roles.SalesRep, "NORTH", null),
        ("manager.east", "Liu Yang (branch manager, East)", Roles.BranchManager, "EAST", null),
        ("manager.north", "Chen Jing (branch manager, North)", Roles.BranchManager, "NORTH", null),
        ("director.east", "Yang Min (regional director, East)", Roles.RegionalDirector, "EAST", null),
        ("director.north", "Zhao Lei (regional director, North)", Roles.RegionalDirector, "NORTH", null),
        ("gm", "Huang Tao (marketing centre GM)", Roles.MarketingGM, "", null),
        ("chairman", "Zhou Qiang (chairman)", Roles.Chairman, "", null),
        ("supervisor", "Wu Xia (CRM supervisor)", Roles.CrmSupervisor, "", null),
        ("handler.quality", "Xu Hui (quality department)", Roles.DepartmentHandler, "EAST,NORTH", "Quality"),
        ("handler.logistics", "Sun Li (logistics department)", Roles.DepartmentHandler, "EAST,NORTH", "Logistics"),
        ("admin", "Platform administrator", Roles.Admin, "", null),
        ("frontdesk", "Ma Li (front desk)", Roles.FrontDesk, "", null),
        ("custodian", "Lin Fang (contract custodian)", Roles.ContractCustodian, "EAST,NORTH", null),
        ("dealeradmin.east", "He Yun (dealer administration, East)", Roles.DealerAdministrator, "EAST", null),
    ];

    public static async Task SeedAsync(UserManager<PlatformUser> users, RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        foreach (var (userName, displayName, role, regions, department) in All)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var user = new PlatformUser { UserName = userName, DisplayName = displayName, Regions = regions, Department = department };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
