using Crm.Portal.Api;

namespace Crm.Portal.Features.Complaints;

public static class DepartmentNames
{
    /// <summary>A department's name from the directory, else its code (a department removed since), null for none.</summary>
    public static string? NameOf(this IEnumerable<Department> departments, string? code) =>
        departments.FirstOrDefault(d => d.Code == code)?.Name ?? code;
}
