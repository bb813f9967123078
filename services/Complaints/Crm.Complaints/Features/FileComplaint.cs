using Crm.BuildingBlocks.Calendars;
using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Messaging;
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
        var (complaint, calendar) = await db.File(
            customer!, request.Channel!.Value, request.Type!.Value, request.Severity!.Value, request.ProductLine, request.Description!.Trim(),
            request.ContactPerson!.Trim(), user.Id, visitId: null, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/complaints/{complaint.Id}", ComplaintResponse.From(complaint, calendar, now));
    }

    /// <summary>
    /// Files a complaint as every channel does: numbered, on the calendar of the customer's region, with the SLA of its
    /// severity and the customer's tier, routed by the current rules. The caller saves.
    /// </summary>
    public static async Task<(Complaint Complaint, BusinessCalendar Calendar)> File(
        this ComplaintsDbContext db, CustomerSnapshot customer, ComplaintChannel channel, ComplaintType type, ComplaintSeverity severity,
        string? productLine, string description, string contactPerson, string recordedBy, Guid? visitId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var definition = await db.CalendarForRegion(customer.Region, cancellationToken);
        var calendar = definition.ToCalendar();
        var terms = await db.SlaTermsFor(severity, customer.Tier, cancellationToken);
        var rules = await db.RequireCurrentRuleSet(cancellationToken);
        var number = await db.NextNumberAsync("CP", now.Year, cancellationToken);
        var complaint = Complaint.File(
            number, customer.Id, customer.Name, customer.Region, customer.OwnerId, customer.Tier, customer.Grade,
            channel, type, severity, string.IsNullOrWhiteSpace(productLine) ? null : productLine.Trim(), description,
            contactPerson, recordedBy, definition.Code, terms, calendar, now, visitId);
        db.Complaints.Add(complaint);
        complaint.Route(rules.Route(complaint.RoutingInput), "routing", now);
        return (complaint, calendar);
    }
}

/// <summary>
/// Files the complaint a rep recorded in a visit report (ComplaintRaisedOnVisit, queue <c>complaints-visit-complaints</c>):
/// channel Visit, recorded by the rep, keeping the visit's id, routed and on the SLA clock like any other. One complaint
/// per visit, however often the event is delivered.
/// </summary>
public sealed class ComplaintRaisedOnVisitConsumer(ComplaintsDbContext db, TimeProvider time)
    : IdempotentConsumer<ComplaintRaisedOnVisit, ComplaintsDbContext>(db, time)
{
    public const string Queue = "complaints-visit-complaints";

    protected override async Task Handle(ComplaintRaisedOnVisit message, CancellationToken cancellationToken)
    {
        if (await Db.Complaints.AnyAsync(c => c.VisitId == message.VisitId, cancellationToken))
        {
            return;
        }

        // The visit was made for a customer Customers announced long before; a snapshot still missing is an event not
        // yet consumed here, so the message is retried rather than filed against nobody.
        var customer = await Db.CustomerSnapshots.AsNoTracking().FirstOrDefaultAsync(c => c.Id == message.CustomerId, cancellationToken)
            ?? throw new InvalidOperationException($"Customer {message.CustomerId} of visit {message.VisitNumber} is not known here yet.");
        await Db.File(customer, ComplaintChannel.Visit, message.Type, message.Severity, message.ProductLine,
            Cut(message.Description, 4000), Cut(message.ContactPerson, 200), Cut(message.RaisedBy, 100), message.VisitId, message.OccurredAt, cancellationToken);
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
