using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using Crm.BuildingBlocks.Security;
using Crm.Hospitality.Data;
using Crm.Hospitality.Domain;
using Crm.BuildingBlocks.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Hospitality.Features;

/// <summary>The code a permit's QR code carries: random, unguessable, and short enough to type at the gate.</summary>
public static class PermitCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 10);
}

public sealed record GatePassRequest([property: MaxLength(HospitalityLimits.Name)] string? Visitor);

/// <param name="Valid">Whether the permit lets its visitors in now; when not, <paramref name="Refusal"/> says why.</param>
public sealed record PermitCheckResponse(
    bool Valid, string? Refusal, string PermitNumber, string CustomerName, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Visitor> Visitors,
    string HostId, ReceptionStandard? Reception, PhotographyDecision Photography, IReadOnlyList<GatePassage> Gate);

public sealed record ReceptionSheetEntry(
    Guid ApplicationId, string Number, string PermitNumber, string CustomerName, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Visitor> Visitors,
    string HostId, ReceptionStandard? Reception, string? Programme, bool Urgent, PhotographyDecision Photography, int Inside);

public sealed record ReceptionSheet(DateOnly Today, IReadOnlyList<ReceptionSheetEntry> TodaysVisits, IReadOnlyList<ReceptionSheetEntry> TomorrowsVisits);

/// <summary>
/// The gate and the front desk's day (客户参观许可证): a permit is checked by its number or the code its QR code carries
/// (valid from half an hour before the visit to its end, never once revoked), the visitors named on it are checked in and
/// out, and the front desk sees today's and tomorrow's approved visits with their reception standards and hosts.
/// The front desk sees nothing else; the marketing centre and the CRM supervisor may act for it.
/// </summary>
public static class Gate
{
    public static void MapGate(this RouteGroupBuilder api)
    {
        var gate = api.MapGroup("/gate").RequireAuthorization(Policies.Reception);
        gate.MapGet("/{permit}", Check).WithName("CheckPermit").WithSummary("Whether a permit (number or QR code) lets its visitors in now, and why not.");
        gate.MapPost("/{permit}/check-in", CheckIn).WithName("CheckInVisitor").WithSummary("A visitor named on the permit comes in; a permit that is not valid now is refused with the reason.");
        gate.MapPost("/{permit}/check-out", CheckOut).WithName("CheckOutVisitor").WithSummary("A visitor named on the permit leaves.");
        api.MapGet("/front-desk/day", Day).RequireAuthorization(Policies.Reception)
            .WithName("ReceptionSheet").WithSummary("Today's and tomorrow's approved visits with their reception standards, hosts and programmes.");
    }

    private static Task<HospitalityApplication?> ByPermit(HospitalityDbContext db, string permit, CancellationToken cancellationToken)
    {
        var key = permit.Trim().ToUpperInvariant();
        return db.Applications.FirstOrDefaultAsync(a => a.PermitNumber == key || a.PermitCode == key, cancellationToken);
    }

    private static async Task<Results<Ok<PermitCheckResponse>, NotFound>> Check([MaxLength(30)] string permit, HospitalityDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var application = await ByPermit(db, permit, cancellationToken);
        return application is null ? TypedResults.NotFound() : TypedResults.Ok(Response(application, time.GetUtcNow()));
    }

    private static Task<Results<Ok<PermitCheckResponse>, NotFound, ValidationProblem>> CheckIn(
        [MaxLength(30)] string permit, GatePassRequest request, HospitalityDbContext db, CurrentUser user, TimeProvider time, CancellationToken cancellationToken) =>
        Pass(permit, request, entering: true, db, user, time, cancellationToken);

    private static Task<Results<Ok<PermitCheckResponse>, NotFound, ValidationProblem>> CheckOut(
        [MaxLength(30)] string permit, GatePassRequest request, HospitalityDbContext db, CurrentUser user, TimeProvider time, CancellationToken cancellationToken) =>
        Pass(permit, request, entering: false, db, user, time, cancellationToken);

    private static async Task<Results<Ok<PermitCheckResponse>, NotFound, ValidationProblem>> Pass(
        string permit, GatePassRequest request, bool entering, HospitalityDbContext db, CurrentUser user, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().Limits(request).Required("visitor", request.Visitor);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var application = await ByPermit(db, permit, cancellationToken);
        if (application is null)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        application.PassGate(request.Visitor!.Trim(), entering, user.Id, now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(Response(application, now));
    }

    private static PermitCheckResponse Response(HospitalityApplication a, DateTimeOffset now) => Response(a, a.RefusalAt(now));

    private static PermitCheckResponse Response(HospitalityApplication a, string? refusal) =>
        new(refusal is null, refusal, a.PermitNumber ?? "", a.CustomerName, a.Request.Start, a.Request.End, a.Request.Visitors,
            a.Request.HostId, a.Reception, a.Photography, a.Gate);

    private static async Task<Ok<ReceptionSheet>> Day(HospitalityDbContext db, TimeProvider time, IOptions<HospitalityOptions> options, CancellationToken cancellationToken)
    {
        var company = options.Value;
        var today = company.DayOf(time.GetUtcNow());
        var from = company.StartOf(today);
        var tomorrow = company.StartOf(today.AddDays(1));
        var until = company.StartOf(today.AddDays(2));
        var upcoming = await db.Applications.AsNoTracking()
            .Where(a => a.Status == ApplicationStatus.Approved && a.PermitNumber != null && a.RevokedReason == null && a.End >= from && a.Start < until)
            .OrderBy(a => a.Start)
            .ToListAsync(cancellationToken);
        ReceptionSheetEntry Entry(HospitalityApplication a) => new(a.Id, a.Number, a.PermitNumber!, a.CustomerName, a.Request.Start, a.Request.End,
            a.Request.Visitors, a.Request.HostId, a.Reception, a.Programme, a.Urgent, a.Photography, a.Request.Visitors.Count(v => a.Gate.LastOrDefault(g => g.Visitor == v.Name)?.In == true));
        return TypedResults.Ok(new ReceptionSheet(today,
            upcoming.Where(a => a.Request.Start < tomorrow).Select(Entry).ToList(),
            upcoming.Where(a => a.Request.Start >= tomorrow).Select(Entry).ToList()));
    }
}
