using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Complaints.Data;
using Crm.Complaints.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Complaints.Features;

public sealed record TimelineEntry(DateTimeOffset At, string By, string Action, string? Detail, ComplaintStatus? FromStatus, ComplaintStatus ToStatus);

public sealed record EscalationResponse(DateTimeOffset At, EscalationStep Step, int Level, string Reason, string EscalatedTo);

public static class GetComplaint
{
    public static void MapGetComplaint(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}", Handle)
            .WithName("GetComplaint")
            .WithSummary("One complaint with its SLA as of now, and its version as ETag.");
        api.MapGet("/{id:guid}/timeline", Timeline)
            .WithName("GetComplaintTimeline")
            .WithSummary("Every action on the complaint, oldest first: who, when, what, and the status before and after.");
        api.MapGet("/{id:guid}/escalations", Escalations)
            .WithName("GetComplaintEscalations")
            .WithSummary("The escalation steps taken for the complaint: when, why, which level and to whom.");
    }

    private static async Task<Results<Ok<ComplaintResponse>, NotFound>> Handle(
        Guid id, ComplaintsDbContext db, CurrentUser user, HttpContext http, TimeProvider time, CancellationToken cancellationToken)
    {
        var complaint = await db.Complaints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (complaint is null || !user.MaySee(complaint))
        {
            return TypedResults.NotFound();
        }

        http.Response.SetETag(complaint.Version);
        return TypedResults.Ok(ComplaintResponse.From(complaint, await db.CalendarOf(complaint, cancellationToken), time.GetUtcNow()));
    }

    private static async Task<Results<Ok<List<TimelineEntry>>, NotFound>> Timeline(
        Guid id, ComplaintsDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        if (!await Visible(id, db, user, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var entries = await db.ComplaintActions.AsNoTracking()
            .Where(a => a.ComplaintId == id)
            .OrderBy(a => a.ComplaintVersion)
            .Select(a => new TimelineEntry(a.At, a.By, a.Action, a.Detail, a.FromStatus, a.ToStatus))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(entries);
    }

    private static async Task<Results<Ok<List<EscalationResponse>>, NotFound>> Escalations(
        Guid id, ComplaintsDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        if (!await Visible(id, db, user, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var escalations = await db.Escalations.AsNoTracking()
            .Where(e => e.ComplaintId == id)
            .Select(e => new EscalationResponse(e.At, e.Step, e.Level, e.Reason, e.EscalatedTo))
            .ToListAsync(cancellationToken);
        // Steps taken in one sweep share an instant; the step order (at risk before breach) breaks the tie.
        return TypedResults.Ok(escalations.OrderBy(e => e.At).ThenBy(e => e.Step).ToList());
    }

    private static Task<bool> Visible(Guid id, ComplaintsDbContext db, CurrentUser user, CancellationToken cancellationToken) =>
        db.Complaints.AsNoTracking().VisibleTo(user).AnyAsync(c => c.Id == id, cancellationToken);
}
