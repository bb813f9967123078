using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Complaints.Data;
using Crm.Complaints.Domain;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Complaints.Features;

public sealed record FileComplaintRequest(
    Guid? CustomerId, ComplaintChannel? Channel, ComplaintType? Type, ComplaintSeverity? Severity, string? ProductLine,
    string? Description, string? ContactPerson);

public static class FileComplaint
{
    public static void MapFileComplaint(this RouteGroupBuilder api) =>
        api.MapPost("/", Handle)
            .WithIdempotency<ComplaintsDbContext>()
            .WithName("FileComplaint")
            .WithSummary("Records a complaint (CP-yyyy-nnnnnn) for a customer the caller may see, routes it by the current rules and starts its SLA clock.");

    private static async Task<Results<Created<ComplaintResponse>, ValidationProblem>> Handle(
        FileComplaintRequest request, ComplaintsDbContext db, HttpContext http, TimeProvider time)
    {
        var validation = new Validation()
            .Defined("channel", request.Channel)
            .Defined("type", request.Type)
            .Defined("severity", request.Severity)
            .Required("description", request.Description, 4000)
            .Required("contactPerson", request.ContactPerson, 200)
            .Optional("productLine", request.ProductLine, 100);
        if (request.CustomerId is null || request.CustomerId == Guid.Empty)
        {
            validation.Add("customerId", "Required.");
        }

        var user = new CurrentUser(http.User);
        var customer = request.CustomerId is { } customerId
            ? await db.CustomerSnapshots.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, http.RequestAborted)
            : null;
        if (request.CustomerId is not null && (customer is null || !user.CanSee(customer)))
        {
            validation.Add("customerId", "No such customer among those you may work with.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var now = time.GetUtcNow();
        var calendar = await db.CalendarForRegion(customer!.Region, http.RequestAborted);
        var terms = await db.SlaTermsFor(request.Severity!.Value, customer.Tier, http.RequestAborted);
        var rules = await db.RequireCurrentRuleSet(http.RequestAborted);
        var number = await db.NextNumberAsync("CP", now.Year, http.RequestAborted);
        var productLine = string.IsNullOrWhiteSpace(request.ProductLine) ? null : request.ProductLine.Trim();
        var complaint = Complaint.File(
            number, customer.Id, customer.Name, customer.Region, customer.OwnerId, customer.Tier, customer.Grade,
            request.Channel!.Value, request.Type!.Value, request.Severity.Value, productLine, request.Description!.Trim(),
            request.ContactPerson!.Trim(), user.Id, calendar.Code, terms, calendar.ToCalendar(), now);
        db.Complaints.Add(complaint);
        complaint.Route(rules.Route(complaint.RoutingInput), "routing", now);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/complaints/{complaint.Id}", ComplaintResponse.From(complaint, calendar.ToCalendar(), now));
    }
}
