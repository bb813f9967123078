using Crm.BuildingBlocks.Data;
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
        public static async Task<Results<Ok<CustomerSnapshot>, NotFound>> Get(Guid customerId, HttpContext http)
        {
            var db = http.RequestServices.GetRequiredService<TContext>();
            var snapshot = await db.CustomerSnapshots.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, http.RequestAborted);
            return snapshot is not null && new CurrentUser(http.User).CanSee(snapshot) ? TypedResults.Ok(snapshot) : TypedResults.NotFound();
        }
    }
}
