using Crm.BuildingBlocks.Security;
using Crm.Complaints.Domain;

namespace Crm.Complaints.Features;

/// <summary>
/// Who sees which complaints: headquarters roles (CRM supervisor, marketing GM, chairman, admin) all; a department
/// handler the queue of their department in their regions; managers and directors their regions; a rep the complaints
/// of the customers they own. Who works them: the handlers of the complaint's department and the CRM supervisor or admin.
/// </summary>
public static class ComplaintAccess
{
    public static IQueryable<Complaint> VisibleTo(this IQueryable<Complaint> query, CurrentUser user)
    {
        if (user.SeesAllRegions)
        {
            return query;
        }

        var regions = user.Regions.ToList();
        var department = user.IsInRole(Roles.DepartmentHandler) ? user.Department : null;
        var wholeRegions = user.IsInRole(Roles.BranchManager) || user.IsInRole(Roles.RegionalDirector);
        var rep = user.IsInRole(Roles.SalesRep);
        var id = user.Id;
        return query.Where(c =>
            (department != null && c.Department == department && regions.Contains(c.Region))
            || (wholeRegions && regions.Contains(c.Region))
            || (rep && c.OwnerId == id));
    }

    /// <summary>The same rule as <see cref="VisibleTo"/>, for one complaint in memory.</summary>
    public static bool MaySee(this CurrentUser user, Complaint complaint) =>
        user.SeesAllRegions
        || (user.IsInRole(Roles.DepartmentHandler) && user.Department is not null && complaint.Department == user.Department && user.Regions.Contains(complaint.Region))
        || ((user.IsInRole(Roles.BranchManager) || user.IsInRole(Roles.RegionalDirector)) && user.Regions.Contains(complaint.Region))
        || (user.IsInRole(Roles.SalesRep) && complaint.OwnerId == user.Id);

    /// <summary>Handle the complaint: start, wait, resolve, transfer, assign.</summary>
    public static bool CanWork(this CurrentUser user, Complaint complaint) =>
        user.IsSupervisorOrAdmin
        || (user.IsInRole(Roles.DepartmentHandler) && complaint.Department == user.Department && user.Regions.Contains(complaint.Region));
}
