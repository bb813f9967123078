using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.Customers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

/// <summary>Which cards to republish: the listed ones, or all of a region, or (neither) every card.</summary>
public sealed record ResyncRequest(
    [property: MaxLength(Resync.MaxIds)] IReadOnlyList<Guid>? CustomerIds,
    [property: MaxLength(CustomerLimits.Region)] string? Region);

public sealed record ResyncResponse(int Republished);

/// <summary>
/// The way back for the day a read model lost an event anyway (a message dropped by hand from an <c>_error</c> queue,
/// a restored backup): Customers republishes the chosen cards as they stand (<c>CustomerResynced</c>, through the
/// outbox), and every service's read model takes what is newer than what it holds. Republishing changes nothing here.
/// </summary>
public static class Resync
{
    public const int MaxIds = 1000;
    private const int PageSize = 500;

    public static void MapResync(this RouteGroupBuilder api) =>
        api.MapPost("/resync", Handle)
            .WithName("ResyncCustomerReadModels")
            .RequireAuthorization(Policies.Stewards)
            .WithSummary($"CRM supervisor or admin: republishes the listed customers (at most {MaxIds}), a region's, or all, so other services' read models catch up.");

    private static async Task<Results<Accepted<ResyncResponse>, ValidationProblem, ProblemHttpResult>> Handle(
        ResyncRequest request, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        IQueryable<Customer> chosen = db.Customers;
        if (request.CustomerIds is { Count: > 0 } ids)
        {
            chosen = chosen.Where(c => ids.Contains(c.Id));
        }

        if (!string.IsNullOrWhiteSpace(request.Region))
        {
            var region = request.Region.Trim();
            chosen = chosen.Where(c => c.Region == region);
        }

        var republished = 0;
        while (true)
        {
            // Republishing changes no card, so offset paging over a stable order sees each card once.
            var page = await chosen.OrderBy(c => c.Id).Skip(republished).Take(PageSize).ToListAsync(http.RequestAborted);
            if (page.Count == 0)
            {
                break;
            }

            var now = time.GetUtcNow();
            foreach (var customer in page)
            {
                customer.Republish(user.Id, now);
            }

            await db.SaveChangesAsync(http.RequestAborted);
            db.ChangeTracker.Clear();
            republished += page.Count;
        }

        return TypedResults.Accepted((string?)null, new ResyncResponse(republished));
    }
}
