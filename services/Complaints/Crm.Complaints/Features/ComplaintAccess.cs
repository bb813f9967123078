using System.Linq.Expressions;
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
    /// <summary>What a caller sees of complaints; a complaint is not <see cref="IRegionOwned"/> because handlers see by department.</summary>
    public static IQueryable<Complaint> VisibleTo(this IQueryable<Complaint> query, CurrentUser user) =>
        user.SeesAllRegions ? query : query.Where(Visible(user));

    /// <summary>The same rule as <see cref="VisibleTo"/>, for one complaint in memory.</summary>
    public static bool MaySee(this CurrentUser user, Complaint complaint) => Visible(user).Compile(preferInterpretation: true)(complaint);

    /// <summary>Handle the complaint: start, wait, resolve, transfer, assign.</summary>
    public static bool MayWork(this CurrentUser user, Complaint complaint) =>
        user.IsSupervisorOrAdmin
        || (user.IsInRole(Roles.DepartmentHandler) && complaint.Department == user.Department && user.Regions.Contains(complaint.Region));

    private static Expression<Func<Complaint, bool>> Visible(CurrentUser user)
    {
        if (user.SeesAllRegions)
        {
            return _ => true;
        }

        var regions = user.Regions.ToList();
        var department = user.IsInRole(Roles.DepartmentHandler) ? user.Department : null;
        var wholeRegions = user.IsInRole(Roles.BranchManager) || user.IsInRole(Roles.RegionalDirector);
        var rep = user.IsInRole(Roles.SalesRep);
        var id = user.Id;
        return c => (department != null && c.Department == department && regions.Contains(c.Region))
            || (wholeRegions && regions.Contains(c.Region))
            || (rep && c.OwnerId == id);
    }
}
