using Microsoft.AspNetCore.Identity;

namespace Crm.Gateway.Identity;

/// <summary>A person who signs in to the platform. Roles are Identity roles; regions and department go into the token.</summary>
public sealed class PlatformUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Region codes the user works in, comma-separated (headquarters roles see all regions regardless).</summary>
    public string Regions { get; set; } = "";

    /// <summary>For department handlers: the department whose complaint queue they work.</summary>
    public string? Department { get; set; }

    public IReadOnlyList<string> RegionList => Regions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
