using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

public sealed record UnverifiedCard(Guid Id, string Code, string Name, string Region, CustomerGrade Grade, DateTimeOffset? LastVerifiedAt, DateTimeOffset RegisteredAt);

public sealed record UnverifiedByOwner(string OwnerId, int Count, IReadOnlyList<UnverifiedCard> Cards);

public sealed record UnverifiedReportResponse(int Days, DateTimeOffset VerifiedBefore, int Total, IReadOnlyList<UnverifiedByOwner> Owners);

/// <summary>
/// Cards not verified for N days (default 90), by rep: the card must be kept accurate, valid and timely
/// (准确性、有效性、时效性). A card never verified counts from its registration.
/// </summary>
public static class UnverifiedReport
{
    public static void MapUnverifiedReport(this RouteGroupBuilder api) =>
        api.MapGet("/reports/unverified", Handle)
            .WithName("GetUnverifiedCustomerCards")
            .WithSummary("Active customer cards not verified for ?days= (default 90), grouped by owner rep, in the caller's scope.");

    private static async Task<Results<Ok<UnverifiedReportResponse>, ValidationProblem>> Handle(
        int? days, string? region, string? ownerId, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation();
        if (days is < 1 or > 3650)
        {
            validation.Add("days", "Must be from 1 to 3650.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var n = days ?? 90;
        var cutoff = time.GetUtcNow().AddDays(-n);
        var cards = await Funnel.Scope(db, user, region, ownerId).Customers
            .Where(c => c.Status == CustomerStatus.Active
                        && (c.LastVerifiedAt < cutoff || (c.LastVerifiedAt == null && c.RegisteredAt < cutoff)))
            .Select(c => new { c.OwnerId, Card = new UnverifiedCard(c.Id, c.Code, c.Name, c.Region, c.Grade, c.LastVerifiedAt, c.RegisteredAt) })
            .ToListAsync(http.RequestAborted);
        var owners = cards
            .GroupBy(c => c.OwnerId)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new UnverifiedByOwner(g.Key, g.Count(), g.Select(x => x.Card).OrderBy(c => c.LastVerifiedAt ?? c.RegisteredAt).ToList()))
            .ToList();
        return TypedResults.Ok(new UnverifiedReportResponse(n, cutoff, cards.Count, owners));
    }
}
