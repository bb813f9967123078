using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.BuildingBlocks.CustomerSnapshots;

public static class CustomerSnapshotEndpoints
{
    /// <summary>
    /// <c>GET {group}/customers/{customerId}</c>: the service's own view of a customer. A customer outside the caller's
    /// scope is reported as not found, so its existence does not leak.
    /// </summary>
    public static RouteGroupBuilder MapCustomerSnapshots<TContext>(this RouteGroupBuilder group)
        where TContext : ServiceDbContext, IHasCustomerSnapshots
    {
        group.MapGet("/customers/{customerId:guid}", SnapshotQuery<TContext>.Get)
            .WithName($"Get{typeof(TContext).Name.Replace("DbContext", "", StringComparison.Ordinal)}CustomerSnapshot")
            .WithSummary("The customer as this service knows it (kept from Customers' events).");
        return group;
    }

    // The context is resolved by hand: ASP.NET's route handler analyzer crashes on a handler parameter of generic type.
    private static class SnapshotQuery<TContext> where TContext : ServiceDbContext, IHasCustomerSnapshots
    {
        public static async Task<Results<Ok<CustomerSnapshot>, NotFound>> Get(Guid customerId, CurrentUser user, HttpContext http)
        {
            var db = http.RequestServices.GetRequiredService<TContext>();
            var snapshot = await db.CustomerSnapshots.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, http.RequestAborted);
            return snapshot is not null && user.MaySee(snapshot) ? TypedResults.Ok(snapshot) : TypedResults.NotFound();
        }
    }
}

public static class CustomerSnapshotLookup
{
    /// <summary>
    /// The customer a caller is about to open work for (a complaint, a contract, a visit) from the service's read model;
    /// null, with the reason on <paramref name="field"/>, when it is not given, does not exist or lies outside the
    /// caller's scope (so its existence does not leak).
    /// </summary>
    public static async Task<CustomerSnapshot?> FindForWorkAsync(
        this IQueryable<CustomerSnapshot> snapshots, Guid? customerId, CurrentUser user, Validation validation,
        CancellationToken cancellationToken, string field = "customerId")
    {
        if (customerId is null || customerId == Guid.Empty)
        {
            validation.Add(field, "Required.");
            return null;
        }

        var customer = await snapshots.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null || !user.MaySee(customer))
        {
            validation.Add(field, "No such customer among those you may work with.");
            return null;
        }

        return customer;
    }
}
