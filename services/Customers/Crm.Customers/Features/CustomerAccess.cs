using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Domain;
using Crm.Customers.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

/// <summary>
/// Who may do what with the customer database (DOMAIN.md: 查阅利用和管理制度), on top of <see cref="CurrentUser"/>'s
/// scoping. Seeing: reps their own customers, branch managers, regional directors and department handlers their
/// regions, headquarters roles all. Changing: the same, except department handlers, who read customers for the
/// complaints they handle but do not keep the database. Exporting, changing the evaluation weights, reassigning owners,
/// importing and reading the audit log: the CRM supervisor and admins only.
/// </summary>
public static class CustomerAccess
{
    public static bool MayChange(this CurrentUser user, Customer customer) => user.MayWorkOn(customer);

    /// <summary>May the caller put a customer of <paramref name="region"/> owned by <paramref name="ownerId"/> into the database.</summary>
    public static bool MayKeep(this CurrentUser user, string region, string ownerId) =>
        user.ManagesRegion(region) || (user.IsInRole(Roles.SalesRep) && ownerId == user.Id && user.Regions.Contains(region));

    /// <summary>Credit limits are risk control (客户信用管理): set by managers and headquarters, not by the rep who sells.</summary>
    public static bool MaySetCredit(this CurrentUser user, Customer customer) => user.ManagesRegion(customer.Region);
}

public static class CustomerLookup
{
    /// <summary>The customer the caller is about to change, through the one prologue of every change (<see cref="ChangePrologue"/>).</summary>
    public static Task<(Customer? Found, Results<ValidationProblem, NotFound, ProblemHttpResult>? Refusal)> FindForChange(
        this CustomersDbContext db, Guid id, CurrentUser user, HttpContext http, Validation? validation = null, bool withKeyPersons = false) =>
        (withKeyPersons ? db.Customers.Include(c => c.KeyPersons) : db.Customers.AsQueryable())
            .FindForChange(id, http, validation, user.MaySee, user.MayChange, "You may read this customer but not change it.");

    /// <summary>The customer the caller is about to read, or null when it does not exist or is outside the caller's scope.</summary>
    public static async Task<Customer?> FindVisible(
        this CustomersDbContext db, Guid id, CurrentUser user, CancellationToken cancellationToken, bool withKeyPersons = false)
    {
        IQueryable<Customer> query = withKeyPersons ? db.Customers.Include(c => c.KeyPersons) : db.Customers;
        var customer = await query.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return customer is not null && user.MaySee(customer) ? customer : null;
    }
}
