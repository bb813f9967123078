using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.IntegrationEvents;
using Crm.Visits.Data;
using Crm.Visits.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Crm.Visits.Features;

public sealed record ScheduleVisitRequest(Guid? CustomerId, DateOnly? Day, [property: MaxLength(VisitLimits.Note)] string? Note = null);

/// <summary>
/// A rep (or a manager for the rep) schedules an ad-hoc visit, one outside any plan, for today or a later day. The visit
/// belongs to the customer's owner, who makes it; a deregistered customer gets no new visits.
/// </summary>
public static class ScheduleVisit
{
    public static void MapScheduleVisit(this RouteGroupBuilder api) =>
        api.MapPost("/", Handle)
            .WithIdempotency<VisitsDbContext>()
            .WithName("ScheduleVisit")
            .WithSummary("Schedules an ad-hoc visit (outside any plan) for the customer's rep, today or later; by the rep or a manager of the region.");

    private static async Task<Results<Created<VisitResponse>, ValidationProblem>> Handle(
        ScheduleVisitRequest request, VisitsDbContext db, CurrentUser user, TimeProvider time, IOptions<VisitsOptions> options,
        CancellationToken cancellationToken)
    {
        var validation = new Validation().Limits(request).NotNull("day", request.Day);
        var now = time.GetUtcNow();
        var today = options.Value.DayOf(now);
        if (request.Day < today)
        {
            validation.Add("day", $"Today ({today:yyyy-MM-dd}) or later.");
        }

        var customer = await db.CustomerSnapshots.FindForWorkAsync(request.CustomerId, user, validation, cancellationToken);
        if (customer is not null && customer.Status == CustomerStatus.Deregistered)
        {
            validation.Add("customerId", "The customer was deregistered (注销); it gets no new visits.");
        }
        else if (customer is not null && customer.OwnerId != user.Id && !user.ManagesRegion(customer.Region))
        {
            validation.Add("customerId", $"The customer belongs to {customer.OwnerId}; visits are scheduled by its rep or a manager of its region.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var number = await db.NextNumberAsync("VS", now.Year, cancellationToken);
        var visit = Visit.Schedule(number, customer!.Id, customer.Name, customer.Region, customer.OwnerId, customer.Version, request.Day!.Value, planId: null,
            request.Note?.Trim() ?? "", user.Id, now);
        db.Visits.Add(visit);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/visits/{visit.Id}", VisitResponse.From(visit));
    }
}
