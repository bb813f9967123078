using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

public sealed record ChangeGradeRequest(CustomerGrade? Grade, [property: MaxLength(CustomerLimits.Reason)] string? Reason);

public sealed record GradeChangeResponse(CustomerGrade? From, CustomerGrade To, string Reason, string ChangedBy, DateTimeOffset ChangedAt, string? SourceId);

public static class ChangeGrade
{
    public static void MapChangeGrade(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/grade", Handle)
            .WithName("ChangeCustomerGrade")
            .WithSummary("Moves a customer to another pipeline grade (promotion or demotion) with a reason. Honours If-Match. A deregistered customer is out of the pipeline: 409.");
        api.MapGet("/{id:guid}/grade-history", History)
            .WithName("GetCustomerGradeHistory")
            .WithSummary("Every grade the customer has had: who, when, from, to and why.");
    }

    private static async Task<Results<Ok<CustomerResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Handle(
        Guid id, ChangeGradeRequest request, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).Defined("grade", request.Grade).Required("reason", request.Reason);
        var (customer, refusal) = await db.FindForChange(id, user, http, validation);
        if (customer is null)
        {
            return refusal!;
        }

        customer.ChangeGrade(request.Grade!.Value, request.Reason!.Trim(), user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);

        http.Response.SetETag(customer.Version);
        return TypedResults.Ok(CustomerResponse.Summary(customer));
    }

    private static async Task<Results<Ok<List<GradeChangeResponse>>, NotFound>> History(Guid id, CustomersDbContext db, CurrentUser user, HttpContext http)
    {
        if (await db.FindVisible(id, user, http.RequestAborted) is null)
        {
            return TypedResults.NotFound();
        }

        var history = await db.GradeChanges.AsNoTracking()
            .Where(g => g.CustomerId == id)
            .OrderBy(g => g.Id)
            .Select(g => new GradeChangeResponse(g.From, g.To, g.Reason, g.ChangedBy, g.ChangedAt, g.SourceId))
            .ToListAsync(http.RequestAborted);
        return TypedResults.Ok(history);
    }
}
