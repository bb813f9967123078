using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Calendars;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Geo;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.IntegrationEvents;
using Crm.Visits.Data;
using Crm.Visits.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Visits.Features;

public sealed record GeneratePlanRequest(
    DateOnly? From,
    DateOnly? To,
    [property: MaxLength(100)] string? OwnerId = null,
    [property: MaxLength(50)] string? Region = null,
    [property: Range(1, 20)] int? VisitsPerDay = null,
    [property: Range(15, 480)] int? MinutesPerVisit = null);

public sealed record PlanVisitRequest(Guid? CustomerId, DateOnly? Day, [property: MaxLength(VisitLimits.Reason)] string? Reason = null);

public sealed record MoveVisitRequest(DateOnly? Day, [property: MaxLength(VisitLimits.Reason)] string? Reason);

public sealed record UnplannedResponse(Guid CustomerId, string Code, string Name, DateOnly Due);

public sealed record PlanDayResponse(DateOnly Day, IReadOnlyList<VisitSummary> Visits);

/// <param name="Unplanned">Only in the answer to generating: visits due in the period that no working day had room for.</param>
public sealed record PlanResponse(
    Guid Id, string Number, string Region, string OwnerId, DateOnly From, DateOnly To, int VisitsPerDay, int MinutesPerVisit, PlanStatus Status,
    IReadOnlyList<PlanStep> Steps, IReadOnlyList<PlanDayResponse> Days, long Version, IReadOnlyList<UnplannedResponse>? Unplanned = null);

public sealed record PlanSummary(Guid Id, string Number, string Region, string OwnerId, DateOnly From, DateOnly To, PlanStatus Status, long Version);

/// <summary>
/// Visit plans (拜访计划): a rep, or a manager for the rep, generates a plan for a week to a month that schedules every
/// visit falling due in it (each customer's frequency by grade and tier) on the region's working days, within a daily
/// capacity (visits per day, and the day's working minutes ÷ minutes per visit), grouping each day's stops by area
/// (<see cref="PlanGenerator"/>). The plan is then edited (a visit moved, added or dropped, each with a reason),
/// submitted, and approved or returned by a manager of the region; every step raises its version.
/// </summary>
public static class VisitPlans
{
    public static void MapVisitPlans(this RouteGroupBuilder api)
    {
        api.MapPost("/plans", Generate)
            .WithName("GenerateVisitPlan")
            .WithSummary("Generates a rep's visit plan for a week to a month: every visit due in the period on working days within the daily capacity, grouped by area.");
        api.MapGet("/plans", List).WithName("ListVisitPlans").WithSummary("The plans the caller sees; ?status=Submitted is a manager's inbox.");
        api.MapGet("/plans/{id:guid}", Get).WithName("GetVisitPlan").WithSummary("A plan with its visits day by day and its history, with its version as ETag.");
        api.MapPost("/plans/{id:guid}/visits", Add)
            .WithName("AddPlanVisit").WithSummary("Adds a visit to the plan on a day of its period. Honours If-Match (the plan's version).");
        api.MapPost("/plans/{id:guid}/visits/{visitId:guid}/move", Move)
            .WithName("MovePlanVisit").WithSummary("Moves a planned visit not yet made to another day of the period, with a reason. Honours If-Match.");
        api.MapPost("/plans/{id:guid}/visits/{visitId:guid}/drop", Drop)
            .WithName("DropPlanVisit").WithSummary("Drops a planned visit not yet made, with a reason; it stays on record as cancelled. Honours If-Match.");
        api.MapPost("/plans/{id:guid}/submit", Submit)
            .WithName("SubmitVisitPlan").WithSummary("Submits the plan to the manager. Honours If-Match.");
        api.MapPost("/plans/{id:guid}/review", Review)
            .RequireAuthorization(Policies.Managers)
            .WithName("ReviewVisitPlan").WithSummary("Approves a submitted plan, or returns it with a comment. Honours If-Match.");
    }

    private static async Task<Results<Created<PlanResponse>, ValidationProblem, ProblemHttpResult>> Generate(
        GeneratePlanRequest request, VisitsDbContext db, CurrentUser user, TimeProvider time, IOptions<VisitsOptions> options, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = options.Value.DayOf(now);
        var validation = new Validation().Limits(request).NotNull("from", request.From).NotNull("to", request.To);
        if (request.From < today)
        {
            validation.Add("from", $"Today ({today:yyyy-MM-dd}) or later.");
        }

        if (request is { From: { } first, To: { } last } && (last.DayNumber - first.DayNumber + 1 is < VisitPlan.MinDays or > VisitPlan.MaxDays))
        {
            validation.Add("to", $"A plan covers {VisitPlan.MinDays} to {VisitPlan.MaxDays} days.");
        }

        var ownerId = request.OwnerId?.Trim() ?? user.Id;
        var regions = await db.CustomerSnapshots.AsNoTracking().VisibleTo(user)
            .Where(c => c.OwnerId == ownerId && c.Status == CustomerStatus.Active).Select(c => c.Region).Distinct().ToListAsync(cancellationToken);
        var region = request.Region?.Trim();
        if (region is null && regions.Count != 1)
        {
            validation.Add(regions.Count == 0 ? "ownerId" : "region", regions.Count == 0
                ? $"{ownerId} has no active customers that you see."
                : $"{ownerId} has customers in {string.Join(", ", regions.Order(StringComparer.Ordinal))}; name the region to plan.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        region ??= regions[0];
        if (ownerId != user.Id && !user.ManagesRegion(region))
        {
            return Refusals.Forbidden($"A plan is made by the rep, or for the rep by a manager of {region}.");
        }

        var (from, to) = (request.From!.Value, request.To!.Value);
        var overlapping = await db.VisitPlans.AsNoTracking()
            .FirstOrDefaultAsync(p => p.OwnerId == ownerId && p.Region == region && p.From <= to && p.To >= from, cancellationToken);
        if (overlapping is not null)
        {
            throw new DomainRuleException($"Plan {overlapping.Number} already covers {overlapping.From:yyyy-MM-dd} to {overlapping.To:yyyy-MM-dd} for {ownerId}; edit it instead.");
        }

        var (plan, unplanned) = await db.GeneratePlanAsync(ownerId, region, from, to, request.VisitsPerDay ?? 6, request.MinutesPerVisit ?? 60,
            options.Value, user.Id, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var response = await Response(db, plan, cancellationToken) with { Unplanned = unplanned };
        return TypedResults.Created($"/api/visits/plans/{plan.Id}", response);
    }

    /// <summary>
    /// Generates the plan of <paramref name="ownerId"/>'s active customers in <paramref name="region"/> and schedules its
    /// visits (added to the unit of work; the caller saves). Returns the visits due that found no room.
    /// </summary>
    public static async Task<(VisitPlan Plan, IReadOnlyList<UnplannedResponse> Unplanned)> GeneratePlanAsync(
        this VisitsDbContext db, string ownerId, string region, DateOnly from, DateOnly to, int perDay, int minutes, VisitsOptions options,
        string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendar = await db.CalendarFor(region, options.Zone, cancellationToken);
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).Where(calendar.IsWorkingDay).ToList();
        var booked = await db.Visits.AsNoTracking()
            .Where(v => v.OwnerId == ownerId && v.ScheduledFor >= from && v.ScheduledFor <= to && v.Status != VisitStatus.Cancelled)
            .GroupBy(v => v.ScheduledFor).Select(g => new { Day = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Day, g => g.Count, cancellationToken);
        var capacity = days.ToDictionary(d => d, d => Math.Max(0, Math.Min(perDay, (int)(WorkingMinutes(calendar, d) / minutes)) - booked.GetValueOrDefault(d)));

        var customers = await db.CustomerSnapshots.AsNoTracking()
            .Where(c => c.OwnerId == ownerId && c.Region == region && c.Status == CustomerStatus.Active)
            .Select(c => new { Customer = c, LastVisit = db.Visits.Where(v => v.CustomerId == c.Id && v.CheckedOutAt != null).Max(v => v.CheckedOutAt) })
            .ToListAsync(cancellationToken);
        IReadOnlyDictionary<string, VisitFrequencyPolicy> policies =
            await db.FrequencyPolicies.AsNoTracking().Where(p => p.Region == region).ToDictionaryAsync(p => p.Region, cancellationToken);
        var proposal = PlanGenerator.Generate(
            customers.Select(x => new PlanCustomer(
                x.Customer.Id,
                x.Customer is { Latitude: { } lat, Longitude: { } lon } ? Datums.ToWgs84(new GeoPoint(lat, lon), x.Customer.Datum) : null,
                x.LastVisit is { } at ? options.DayOf(at) : null,
                policies.IntervalDays(x.Customer))).ToList(),
            days, capacity);

        var byId = customers.ToDictionary(x => x.Customer.Id, x => x.Customer);
        var plan = VisitPlan.Generate(await db.NextNumberAsync("VP", now.Year, cancellationToken), region, ownerId, from, to, perDay, minutes,
            $"{proposal.Stops.Count} visits on {days.Count} working days; {proposal.Unplanned.Count} left unplanned", by, now);
        db.VisitPlans.Add(plan);
        if (proposal.Stops.Count > 0)
        {
            var numbers = await db.NextNumbersAsync("VS", now.Year, proposal.Stops.Count, cancellationToken);
            db.Visits.AddRange(proposal.Stops.Select((s, i) =>
                Visit.Schedule(numbers[i], s.CustomerId, byId[s.CustomerId].Name, region, ownerId, byId[s.CustomerId].Version, s.Day, plan.Id, "", by, now)));
        }

        return (plan, proposal.Unplanned.Select(u => new UnplannedResponse(u.CustomerId, byId[u.CustomerId].Code, byId[u.CustomerId].Name, u.Due)).ToList());
    }

    private static double WorkingMinutes(BusinessCalendar calendar, DateOnly day) =>
        calendar.WorkingIntervals(day).Sum(i => (i.End - i.Start).TotalMinutes);

    private static async Task<Results<Ok<PagedResult<PlanSummary>>, ValidationProblem>> List(
        VisitsDbContext db, CurrentUser user, CancellationToken cancellationToken, string? status = null, string? ownerId = null, int? page = null, int? pageSize = null)
    {
        var validation = new Validation().MaxLength("ownerId", ownerId, 100);
        var planStatus = validation.EnumName<PlanStatus>("status", status);
        var (pageNumber, size) = Paging.Check(validation, page, pageSize);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var query = db.VisitPlans.AsNoTracking().VisibleTo(user);
        query = planStatus is null ? query : query.Where(p => p.Status == planStatus);
        query = ownerId is null ? query : query.Where(p => p.OwnerId == ownerId);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(p => p.From).ThenBy(p => p.Number).TakePage(pageNumber, size)
            .Select(p => new PlanSummary(p.Id, p.Number, p.Region, p.OwnerId, p.From, p.To, p.Status, p.Version)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedResult<PlanSummary>(items, pageNumber, size, total));
    }

    private static async Task<Results<Ok<PlanResponse>, NotFound>> Get(Guid id, VisitsDbContext db, CurrentUser user, HttpContext http)
    {
        var plan = await db.VisitPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, http.RequestAborted);
        if (plan is null || !user.MaySee(plan))
        {
            return TypedResults.NotFound();
        }

        http.Response.SetETag(plan.Version);
        return TypedResults.Ok(await Response(db, plan, http.RequestAborted));
    }

    private static async Task<Results<Ok<PlanResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Add(
        Guid id, PlanVisitRequest request, VisitsDbContext db, CurrentUser user, HttpContext http, TimeProvider time, IOptions<VisitsOptions> options)
    {
        var validation = new Validation().Limits(request).NotNull("day", request.Day);
        var customer = await db.CustomerSnapshots.FindForWorkAsync(request.CustomerId, user, validation, http.RequestAborted);
        var (plan, refusal) = await db.FindPlanForChange(id, user, http, validation);
        if (plan is null)
        {
            return refusal!;
        }

        if (customer!.OwnerId != plan.OwnerId || customer.Region != plan.Region || customer.Status != CustomerStatus.Active)
        {
            return Invalid("customerId", $"Not an active customer of {plan.OwnerId} in {plan.Region}.");
        }

        if (await OffDay(db, plan, request.Day!.Value, options.Value, http.RequestAborted) is { } offDay)
        {
            return offDay;
        }

        var now = time.GetUtcNow();
        var visit = Visit.Schedule(await db.NextNumberAsync("VS", now.Year, http.RequestAborted), customer.Id, customer.Name, plan.Region, plan.OwnerId,
            customer.Version, request.Day.Value, plan.Id, "", user.Id, now);
        db.Visits.Add(visit);
        plan.Edited(PlanAction.Added, $"{visit.Number} {customer.Name} on {request.Day:yyyy-MM-dd}{Because(request.Reason)}", user.Id, now);
        return await Saved(db, plan, http);
    }

    private static async Task<Results<Ok<PlanResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Move(
        Guid id, Guid visitId, MoveVisitRequest request, VisitsDbContext db, CurrentUser user, HttpContext http, TimeProvider time,
        IOptions<VisitsOptions> options)
    {
        var validation = new Validation().Limits(request).NotNull("day", request.Day).Required("reason", request.Reason);
        var (plan, refusal) = await db.FindPlanForChange(id, user, http, validation);
        if (plan is null)
        {
            return refusal!;
        }

        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == visitId && v.PlanId == plan.Id, http.RequestAborted);
        if (visit is null)
        {
            return Missing();
        }

        if (await OffDay(db, plan, request.Day!.Value, options.Value, http.RequestAborted) is { } offDay)
        {
            return offDay;
        }

        var now = time.GetUtcNow();
        var reason = request.Reason!.Trim();
        var before = visit.ScheduledFor;
        visit.Reschedule(request.Day.Value, reason, user.Id, now);
        plan.Edited(PlanAction.Moved, $"{visit.Number} {visit.CustomerName} from {before:yyyy-MM-dd} to {request.Day:yyyy-MM-dd}{Because(reason)}", user.Id, now);
        return await Saved(db, plan, http);
    }

    private static async Task<Results<Ok<PlanResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Drop(
        Guid id, Guid visitId, CancelVisitRequest request, VisitsDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).Required("reason", request.Reason);
        var (plan, refusal) = await db.FindPlanForChange(id, user, http, validation);
        if (plan is null)
        {
            return refusal!;
        }

        var visit = await db.Visits.FirstOrDefaultAsync(v => v.Id == visitId && v.PlanId == plan.Id, http.RequestAborted);
        if (visit is null)
        {
            return Missing();
        }

        var now = time.GetUtcNow();
        var reason = request.Reason!.Trim();
        visit.Cancel(reason, user.Id, now);
        plan.Edited(PlanAction.Dropped, $"{visit.Number} {visit.CustomerName} on {visit.ScheduledFor:yyyy-MM-dd}{Because(reason)}", user.Id, now);
        return await Saved(db, plan, http);
    }

    private static async Task<Results<Ok<PlanResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Submit(
        Guid id, VisitsDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var (plan, refusal) = await db.FindPlanForChange(id, user, http, new Validation());
        if (plan is null)
        {
            return refusal!;
        }

        plan.Submit(user.Id, time.GetUtcNow());
        return await Saved(db, plan, http);
    }

    private static async Task<Results<Ok<PlanResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Review(
        Guid id, ReviewRequest request, VisitsDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request).NotNull("approve", request.Approve);
        if (request.Approve == false && string.IsNullOrWhiteSpace(request.Comment))
        {
            validation.Add("comment", "Say what to change when returning a plan.");
        }

        var (plan, refusal) = await db.FindPlanForChange(id, user, http, validation,
            (u, p) => p.OwnerId != u.Id && u.ManagesRegion(p.Region), "A plan is reviewed by a manager of its region, never by its rep.");
        if (plan is null)
        {
            return refusal!;
        }

        plan.Review(request.Approve!.Value, request.Comment?.Trim(), user.Id, time.GetUtcNow());
        return await Saved(db, plan, http);
    }

    /// <summary>
    /// The plan about to change, through the one prologue of every change (<see cref="ChangePrologue"/>); by default the
    /// rep or a manager of the region may edit it.
    /// </summary>
    private static Task<(VisitPlan? Found, Results<ValidationProblem, NotFound, ProblemHttpResult>? Refusal)> FindPlanForChange(
        this VisitsDbContext db, Guid id, CurrentUser user, HttpContext http, Validation validation,
        Func<CurrentUser, VisitPlan, bool>? may = null, string refusal = "Only the plan's rep or a manager of its region changes it.") =>
        db.VisitPlans.FindForChange(id, http, validation, user.MaySee,
            plan => (may ?? ((u, p) => p.OwnerId == u.Id || u.ManagesRegion(p.Region)))(user, plan), refusal);

    private static async Task<Results<Ok<PlanResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Saved(VisitsDbContext db, VisitPlan plan, HttpContext http)
    {
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(plan.Version);
        return TypedResults.Ok(await Response(db, plan, http.RequestAborted));
    }

    private static async Task<PlanResponse> Response(VisitsDbContext db, VisitPlan plan, CancellationToken cancellationToken)
    {
        var visits = await db.Visits.AsNoTracking().Where(v => v.PlanId == plan.Id).OrderBy(v => v.ScheduledFor).ThenBy(v => v.Number)
            .Select(v => new VisitSummary(v.Id, v.Number, v.CustomerId, v.CustomerName, v.Region, v.OwnerId, v.ScheduledFor, v.PlanId == null,
                v.Status, v.CheckInFlagged, v.ReportStatus, v.Version))
            .ToListAsync(cancellationToken);
        return new PlanResponse(plan.Id, plan.Number, plan.Region, plan.OwnerId, plan.From, plan.To, plan.VisitsPerDay, plan.MinutesPerVisit,
            plan.Status, plan.Steps, visits.GroupBy(v => v.ScheduledFor).Select(g => new PlanDayResponse(g.Key, g.ToList())).ToList(), plan.Version);
    }

    /// <summary>
    /// Why a visit may not be planned on <paramref name="day"/>, or null: a plan's visits fall within its period and, as
    /// generating puts them, on working days of the region's calendar (not on a holiday or a day off).
    /// </summary>
    private static async Task<Results<ValidationProblem, NotFound, ProblemHttpResult>?> OffDay(
        VisitsDbContext db, VisitPlan plan, DateOnly day, VisitsOptions options, CancellationToken cancellationToken)
    {
        if (!plan.Covers(day))
        {
            return Invalid("day", $"A day of the plan, {plan.From:yyyy-MM-dd} to {plan.To:yyyy-MM-dd}.");
        }

        var calendar = await db.CalendarFor(plan.Region, options.Zone, cancellationToken);
        return calendar.IsWorkingDay(day) ? null : Invalid("day", $"{day:yyyy-MM-dd} is not a working day in the calendar of {plan.Region}.");
    }

    private static Results<ValidationProblem, NotFound, ProblemHttpResult> Invalid(string field, string message) =>
        new Validation().Add(field, message).ToProblem();

    private static Results<ValidationProblem, NotFound, ProblemHttpResult> Missing() => TypedResults.NotFound();

    private static string Because(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : $": {reason.Trim()}";
}
