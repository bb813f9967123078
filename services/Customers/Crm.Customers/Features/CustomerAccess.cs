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
    public static bool MayChange(this CurrentUser user, Customer customer) =>
        user.ManagesRegion(customer.Region) || (user.IsInRole(Roles.SalesRep) && customer.OwnerId == user.Id);

    /// <summary>May the caller put a customer of <paramref name="region"/> owned by <paramref name="ownerId"/> into the database.</summary>
    public static bool MayKeep(this CurrentUser user, string region, string ownerId) =>
        user.ManagesRegion(region) || (user.IsInRole(Roles.SalesRep) && ownerId == user.Id && user.Regions.Contains(region));

    /// <summary>Credit limits are risk control (客户信用管理): set by managers and headquarters, not by the rep who sells.</summary>
    public static bool MaySetCredit(this CurrentUser user, Customer customer) => user.ManagesRegion(customer.Region);
}

public static class CustomerLookup
{
    /// <summary>
    /// The customer the caller is about to change, the one prologue of every change: 400 with the request's errors,
    /// 404 when the customer does not exist or is outside the caller's scope (so its existence does not leak), 403 when
    /// the caller sees it but may not change it, 409 (thrown) when the request's If-Match names an older version.
    /// </summary>
    public static async Task<(Customer? Customer, Results<ValidationProblem, NotFound, ProblemHttpResult>? Refusal)> FindForChange(
        this CustomersDbContext db, Guid id, CurrentUser user, HttpContext http, Validation? validation = null, bool withKeyPersons = false)
    {
        if (validation is { IsValid: false })
        {
            return (null, validation.ToProblem());
        }

        IQueryable<Customer> query = withKeyPersons ? db.Customers.Include(c => c.KeyPersons) : db.Customers;
        var customer = await query.FirstOrDefaultAsync(c => c.Id == id, http.RequestAborted);
        if (customer is null || !user.MaySee(customer))
        {
            return (null, TypedResults.NotFound());
        }

        if (!user.MayChange(customer))
        {
            return (null, Refusals.Forbidden("You may read this customer but not change it."));
        }

        http.Request.EnsureMatches(customer.Version);
        return (customer, null);
    }

    /// <summary>The customer the caller is about to read, or null when it does not exist or is outside the caller's scope.</summary>
    public static async Task<Customer?> FindVisible(
        this CustomersDbContext db, Guid id, CurrentUser user, CancellationToken cancellationToken, bool withKeyPersons = false)
    {
        IQueryable<Customer> query = withKeyPersons ? db.Customers.Include(c => c.KeyPersons) : db.Customers;
        var customer = await query.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        return customer is not null && user.MaySee(customer) ? customer : null;
    }
}
