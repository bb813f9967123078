using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Complaints.Data;
using Crm.Complaints.Domain;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Complaints.Features;

/// <summary>The most characters or items of the Complaints service's request fields that several requests share.</summary>
public static class ComplaintLimits
{
    public const int Department = 50;
    public const int Queue = 100;
    public const int UserId = 100;
    public const int Region = 50;
    public const int ProductLine = 100;
    public const int Reason = 1000;
    public const int Choices = 20;
}

public sealed record FileComplaintRequest(
    Guid? CustomerId,
    ComplaintChannel? Channel,
    ComplaintType? Type,
    ComplaintSeverity? Severity,
    [property: MaxLength(4000)] string? Description,
    [property: MaxLength(200)] string? ContactPerson,
    [property: MaxLength(ComplaintLimits.ProductLine)] string? ProductLine = null);

public static class FileComplaint
{
    public static void MapFileComplaint(this RouteGroupBuilder api) =>
        api.MapPost("/", Handle)
            .WithIdempotency<ComplaintsDbContext>()
            .WithName("FileComplaint")
            .WithSummary("Records a complaint (CP-yyyy-nnnnnn) for a customer the caller may see, routes it by the current rules and starts its SLA clock.");

    private static async Task<Results<Created<ComplaintResponse>, ValidationProblem>> Handle(
        FileComplaintRequest request, ComplaintsDbContext db, CurrentUser user, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation()
            .Limits(request)
            .Defined("channel", request.Channel)
            .Defined("type", request.Type)
            .Defined("severity", request.Severity)
            .Required("description", request.Description)
            .Required("contactPerson", request.ContactPerson);
        var customer = await db.CustomerSnapshots.FindForWorkAsync(request.CustomerId, user, validation, cancellationToken);

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = time.GetUtcNow();
        var calendar = await db.CalendarForRegion(customer!.Region, cancellationToken);
        var terms = await db.SlaTermsFor(request.Severity!.Value, customer.Tier, cancellationToken);
        var rules = await db.RequireCurrentRuleSet(cancellationToken);
        var number = await db.NextNumberAsync("CP", now.Year, cancellationToken);
        var productLine = string.IsNullOrWhiteSpace(request.ProductLine) ? null : request.ProductLine.Trim();
        var complaint = Complaint.File(
            number, customer.Id, customer.Name, customer.Region, customer.OwnerId, customer.Tier, customer.Grade,
            request.Channel!.Value, request.Type!.Value, request.Severity.Value, productLine, request.Description!.Trim(),
            request.ContactPerson!.Trim(), user.Id, calendar.Code, terms, calendar.ToCalendar(), now);
        db.Complaints.Add(complaint);
        complaint.Route(rules.Route(complaint.RoutingInput), "routing", now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/complaints/{complaint.Id}", ComplaintResponse.From(complaint, calendar.ToCalendar(), now));
    }
}
