using Crm.BuildingBlocks.Messaging;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.Customers.Domain;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

public sealed record ServiceStepResponse(string Step, string Details, DateTimeOffset OccurredAt);

public sealed record ComplaintHistoryResponse(
    Guid ComplaintId, string Number, ComplaintType Type, ComplaintSeverity Severity, string LastStep, bool Escalated,
    bool? ResolvedWithinSla, int? Satisfaction, DateTimeOffset FiledAt, IReadOnlyList<ServiceStepResponse> Steps);

public sealed record VisitHistoryResponse(
    Guid VisitId, string Number, string OwnerId, bool AdHoc, DateTimeOffset CheckedInAt, DateTimeOffset CheckedOutAt, bool CheckInFlagged,
    string Purpose, int Satisfaction, CustomerGrade? ProposedGrade, DateOnly? NextStepDue);

public sealed record CompanyVisitResponse(Guid ApplicationId, string Number, DateTimeOffset VisitStart, string Outcome, string Impressions, CustomerGrade? ProposedGrade, string RecordedBy);

/// <param name="LastVisitedAt">When the last visit ended (checked out); null if the customer was never visited.</param>
/// <param name="Visits">The latest visits, newest first (at most <see cref="ServiceHistory.VisitsShown"/>).</param>
/// <param name="CompanyVisits">The customer's latest visits to the company (客户参观), newest first.</param>
public sealed record ServiceHistoryResponse(
    Guid CustomerId, ComplaintContext LastTwelveMonths, IReadOnlyList<ComplaintHistoryResponse> Complaints,
    DateTimeOffset? LastVisitedAt = null, IReadOnlyList<VisitHistoryResponse>? Visits = null, IReadOnlyList<CompanyVisitResponse>? CompanyVisits = null);

/// <summary>
/// The customer's service history (record everything: DOMAIN.md, loyalty): its complaints, kept from the Complaints
/// service's events on the queue <c>customers-complaint-history</c>, and its visits, from the Visits service's
/// VisitCompleted on <c>customers-visit-history</c>. Each complaint event is one step; a complaint's state is read from
/// its steps, so events arriving out of order still give the right picture.
/// </summary>
public static class ServiceHistory
{
    public const string Queue = CustomersService.Name + "-complaint-history";

    public const string VisitQueue = CustomersService.Name + "-visit-history";

    public const int VisitsShown = 20;

    public static void MapServiceHistory(this RouteGroupBuilder api) =>
        api.MapGet("/{id:guid}/service-history", Get)
            .WithName("GetCustomerServiceHistory")
            .WithSummary("The customer's complaints and each one's steps (filed, routed, escalated, resolved, closed, reopened), with a twelve-month summary, and its latest visits with the last visit's date.");

    public static IHostApplicationBuilder AddServiceHistory(this IHostApplicationBuilder builder)
    {
        builder.AddConsumer<ComplaintHistoryConsumer<ComplaintFiled>>(Queue);
        builder.AddConsumer<ComplaintHistoryConsumer<ComplaintRouted>>(Queue);
        builder.AddConsumer<ComplaintHistoryConsumer<ComplaintEscalated>>(Queue);
        builder.AddConsumer<ComplaintHistoryConsumer<ComplaintResolved>>(Queue);
        builder.AddConsumer<ComplaintHistoryConsumer<ComplaintClosed>>(Queue);
        builder.AddConsumer<ComplaintHistoryConsumer<ComplaintReopened>>(Queue);
        builder.AddConsumer<VisitHistoryConsumer>(VisitQueue);
        builder.AddConsumer<CompanyVisitHistoryConsumer>(VisitQueue);
        return builder;
    }

    /// <summary>
    /// Filed, escalated, late and open complaints and the average return-visit satisfaction over the twelve months up to
    /// <paramref name="at"/>. A complaint is open unless its latest Closed or Reopened step is a Closed one.
    /// </summary>
    public static async Task<ComplaintContext> Summarise(CustomersDbContext db, Guid customerId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var since = at.AddMonths(-12);
        var records = await db.ServiceRecords.AsNoTracking()
            .Where(r => r.CustomerId == customerId && r.OccurredAt > since && r.OccurredAt <= at)
            .ToListAsync(cancellationToken);
        return Summarise(records);
    }

    private static ComplaintContext Summarise(IReadOnlyCollection<ServiceRecord> records)
    {
        var complaints = records.GroupBy(r => r.ComplaintId).ToList();
        var satisfaction = records.Where(r => r.Satisfaction is not null).Select(r => (double)r.Satisfaction!.Value).ToList();
        return new ComplaintContext(
            Filed: complaints.Count(c => c.Any(r => r.Step == ServiceSteps.Filed)),
            Escalated: complaints.Count(c => c.Any(r => r.Step == ServiceSteps.Escalated)),
            ResolvedLate: complaints.Count(c => c.Any(r => r.Step == ServiceSteps.Resolved && r.WithinSla == false)),
            Open: complaints.Count(IsOpen),
            AverageSatisfaction: satisfaction.Count > 0 ? Math.Round(satisfaction.Average(), 2) : null);
    }

    private static bool IsOpen(IEnumerable<ServiceRecord> steps) =>
        steps.Where(r => r.Step is ServiceSteps.Closed or ServiceSteps.Reopened)
            .OrderBy(r => r.Version).ThenBy(r => r.OccurredAt)
            .LastOrDefault()?.Step != ServiceSteps.Closed;

    private static async Task<Results<Ok<ServiceHistoryResponse>, NotFound>> Get(
        Guid id, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        if (await db.FindVisible(id, user, http.RequestAborted) is null)
        {
            return TypedResults.NotFound();
        }

        var records = await db.ServiceRecords.AsNoTracking().Where(r => r.CustomerId == id).ToListAsync(http.RequestAborted);
        var now = time.GetUtcNow();
        var complaints = records
            .GroupBy(r => r.ComplaintId)
            .Select(g =>
            {
                var steps = g.OrderBy(r => r.OccurredAt).ThenBy(r => r.Version).ThenBy(r => StepOrder(r.Step)).ToList();
                var first = steps[0];
                return new ComplaintHistoryResponse(
                    g.Key, first.Number, first.Type, first.Severity, steps[^1].Step,
                    steps.Any(r => r.Step == ServiceSteps.Escalated),
                    steps.LastOrDefault(r => r.Step == ServiceSteps.Resolved)?.WithinSla,
                    steps.LastOrDefault(r => r.Satisfaction is not null)?.Satisfaction,
                    first.OccurredAt,
                    steps.Select(r => new ServiceStepResponse(r.Step, r.Details, r.OccurredAt)).ToList());
            })
            .OrderByDescending(c => c.FiledAt)
            .ToList();
        var lastYear = records.Where(r => r.OccurredAt > now.AddMonths(-12) && r.OccurredAt <= now).ToList();
        var visits = await db.VisitRecords.AsNoTracking().Where(v => v.CustomerId == id)
            .OrderByDescending(v => v.CheckedOutAt).Take(VisitsShown)
            .Select(v => new VisitHistoryResponse(v.VisitId, v.Number, v.OwnerId, v.AdHoc, v.CheckedInAt, v.CheckedOutAt, v.CheckInFlagged,
                v.Purpose, v.Satisfaction, v.ProposedGrade, v.NextStepDue))
            .ToListAsync(http.RequestAborted);
        var companyVisits = await db.CompanyVisitRecords.AsNoTracking().Where(v => v.CustomerId == id)
            .OrderByDescending(v => v.VisitStart).Take(VisitsShown)
            .Select(v => new CompanyVisitResponse(v.ApplicationId, v.Number, v.VisitStart, v.Outcome, v.Impressions, v.ProposedGrade, v.RecordedBy))
            .ToListAsync(http.RequestAborted);
        return TypedResults.Ok(new ServiceHistoryResponse(id, Summarise(lastYear), complaints, visits.FirstOrDefault()?.CheckedOutAt, visits, companyVisits));
    }

    private static int StepOrder(string step) => step switch
    {
        ServiceSteps.Filed => 0,
        ServiceSteps.Routed => 1,
        ServiceSteps.Escalated => 2,
        ServiceSteps.Resolved => 3,
        ServiceSteps.Closed => 4,
        _ => 5,
    };
}

/// <summary>One consumer class per complaint event, all on one queue, each step stored once (inbox and event id).</summary>
public sealed class ComplaintHistoryConsumer<TEvent>(CustomersDbContext db, TimeProvider time)
    : IdempotentConsumer<TEvent, CustomersDbContext>(db, time)
    where TEvent : ComplaintEvent
{
    protected override async Task Handle(TEvent message, CancellationToken cancellationToken)
    {
        if (await Db.ServiceRecords.AnyAsync(r => r.EventId == message.EventId, cancellationToken))
        {
            return;
        }

        Db.ServiceRecords.Add(message switch
        {
            ComplaintFiled f => new ServiceRecord(f, ServiceSteps.Filed, Cut($"{f.Type} via {f.Channel}{(f.ProductLine is null ? "" : $", {f.ProductLine}")}; recorded by {f.RecordedBy}")),
            ComplaintRouted r => new ServiceRecord(r, ServiceSteps.Routed, Cut($"To {r.Department}{(r.AssigneeId is null ? "" : $" ({r.AssigneeId})")}")),
            ComplaintEscalated e => new ServiceRecord(e, ServiceSteps.Escalated, Cut($"Level {e.Level} to {e.EscalatedTo}: {e.Reason}")),
            ComplaintResolved r => new ServiceRecord(r, ServiceSteps.Resolved, Cut($"{r.RootCause} → {r.Fix} (by {r.ResolvedBy}, {(r.WithinSla ? "within" : "outside")} SLA)"), withinSla: r.WithinSla),
            ComplaintClosed c => new ServiceRecord(c, ServiceSteps.Closed, c.Satisfaction is { } s ? $"Closed; satisfaction {s}/5" : "Closed", satisfaction: c.Satisfaction),
            ComplaintReopened r => new ServiceRecord(r, ServiceSteps.Reopened, Cut($"Reopened by {r.ReopenedBy} (time {r.ReopenCount}): {r.Reason}")),
            _ => throw new InvalidOperationException($"No service-history step for {typeof(TEvent).Name}."),
        });
    }

    private static string Cut(string text) => text.Length <= 1000 ? text : text[..1000];
}

/// <summary>Adds a completed visit to the customer's service history, once per visit however often it is delivered.</summary>
public sealed class VisitHistoryConsumer(CustomersDbContext db, TimeProvider time) : IdempotentConsumer<VisitCompleted, CustomersDbContext>(db, time)
{
    protected override async Task Handle(VisitCompleted message, CancellationToken cancellationToken)
    {
        if (!await Db.VisitRecords.AnyAsync(v => v.VisitId == message.VisitId, cancellationToken))
        {
            Db.VisitRecords.Add(new VisitRecord(message));
        }
    }
}

/// <summary>Adds a customer's visit to the company to its service history, once per visit.</summary>
public sealed class CompanyVisitHistoryConsumer(CustomersDbContext db, TimeProvider time) : IdempotentConsumer<HospitalityCompleted, CustomersDbContext>(db, time)
{
    protected override async Task Handle(HospitalityCompleted message, CancellationToken cancellationToken)
    {
        if (!await Db.CompanyVisitRecords.AnyAsync(v => v.ApplicationId == message.ApplicationId, cancellationToken))
        {
            Db.CompanyVisitRecords.Add(new CompanyVisitRecord(message));
        }
    }
}
