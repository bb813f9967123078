using Crm.BuildingBlocks.Calendars;
using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Complaints.Data;
using Crm.Complaints.Domain;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Complaints.Features;

public sealed record DepartmentRequest([property: MaxLength(200)] string? Name, [property: MaxLength(ComplaintLimits.UserId)] string? HeadUserId = null);

public sealed record DepartmentResponse(string Code, string Name, string? HeadUserId, long Version)
{
    public static DepartmentResponse From(Department d) => new(d.Code, d.Name, d.HeadUserId, d.Version);
}

/// <summary>Targets in business hours, more than 0 and at most 10,000.</summary>
public sealed record SlaTargetRequest(
    ComplaintSeverity? Severity,
    CustomerTier? Tier,
    [property: Range(0d, 10_000d, MinimumIsExclusive = true)] double? FirstResponseHours,
    [property: Range(0d, 10_000d, MinimumIsExclusive = true)] double? ResolutionHours);

/// <summary>
/// The at-risk share of a target (0.75: at risk when three quarters are used), the share of the resolution target past
/// due that escalates to the top level (0.5), and one target for each severity and tier.
/// </summary>
public sealed record SlaPoliciesRequest(
    [property: Range(0d, 1d, MinimumIsExclusive = true, MaximumIsExclusive = true)] double? AtRiskShare,
    [property: Range(0d, 10d, MinimumIsExclusive = true)] double? OverdueShare,
    [property: MaxLength(50)] List<SlaTargetRequest>? Targets);

public sealed record SlaTargetResponse(ComplaintSeverity Severity, CustomerTier Tier, double FirstResponseHours, double ResolutionHours);

public sealed record SlaPoliciesResponse(double AtRiskShare, double OverdueShare, IReadOnlyList<SlaTargetResponse> Targets);

public sealed record CalendarRequest(
    [property: MaxLength(200)] string? Name,
    [property: MaxLength(100)] string? TimeZoneId,
    [property: MaxLength(7)] List<DayOfWeek>? WorkingDays,
    [property: MaxLength(24)] List<WorkingPeriod>? WorkingPeriods,
    bool? IsDefault = null,
    [property: MaxLength(500), ItemMaxLength(ComplaintLimits.Region)] List<string>? Regions = null,
    [property: MaxLength(2000)] List<CalendarException>? Exceptions = null);

public sealed record CalendarResponse(
    string Code, string Name, string TimeZoneId, bool IsDefault, IReadOnlyList<string> Regions, IReadOnlyList<DayOfWeek> WorkingDays,
    IReadOnlyList<WorkingPeriod> WorkingPeriods, IReadOnlyList<CalendarException> Exceptions, long Version)
{
    public static CalendarResponse From(CalendarDefinition c) =>
        new(c.Code, c.Name, c.TimeZoneId, c.IsDefault, c.Regions, c.WorkingDays, c.WorkingPeriods, c.Exceptions.OrderBy(e => e.Date).ToList(), c.Version);
}

/// <summary>
/// The data that drives routing and SLAs, managed by the CRM supervisor or admin (the Stewards policy: 403 for anyone
/// else; all staff may read): the department directory with each head, the SLA targets, and the business calendars.
/// Edits apply to complaints filed afterwards; an open complaint keeps the targets it was filed under, and its deadlines
/// move with a calendar edit only when its clock next restarts.
/// </summary>
public static class ManageConfiguration
{
    public static void MapManageConfiguration(this RouteGroupBuilder api)
    {
        api.MapGet("/departments", async (ComplaintsDbContext db, CancellationToken cancellationToken) =>
                TypedResults.Ok((await db.Departments.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken)).Select(DepartmentResponse.From).ToList()))
            .WithName("ListDepartments").WithSummary("The departments that handle complaints, with their heads.");
        api.MapPut("/departments/{code}", PutDepartment)
            .RequireAuthorization(Policies.Stewards)
            .WithName("PutDepartment").WithSummary("Creates or changes a department (name, head). CRM supervisor or admin; honours If-Match.");
        api.MapGet("/sla-policies", async (ComplaintsDbContext db, HttpContext http, CancellationToken cancellationToken) =>
            {
                var policies = await db.SlaPolicies.AsNoTracking().ToListAsync(cancellationToken);
                http.Response.SetETag(PoliciesTag(policies));
                return TypedResults.Ok(ToResponse(policies));
            })
            .WithName("GetSlaPolicies").WithSummary("First-response and resolution targets (business hours) by severity and customer tier, and the at-risk share.");
        api.MapPut("/sla-policies", PutPolicies)
            .RequireAuthorization(Policies.Stewards)
            .WithName("PutSlaPolicies").WithSummary("Replaces the SLA targets; every severity × tier needs one. CRM supervisor or admin.");
        api.MapGet("/calendars", async (ComplaintsDbContext db, CancellationToken cancellationToken) =>
                TypedResults.Ok((await db.Calendars.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken)).Select(CalendarResponse.From).ToList()))
            .WithName("ListCalendars").WithSummary("The business calendars, the regions each serves, and their holidays and make-up working days.");
        api.MapPut("/calendars/{code}", PutCalendar)
            .RequireAuthorization(Policies.Stewards)
            .WithName("PutCalendar").WithSummary("Creates or replaces a business calendar. CRM supervisor or admin; honours If-Match.");
    }

    private static async Task<Results<Ok<DepartmentResponse>, ValidationProblem>> PutDepartment(
        string code, DepartmentRequest request, ComplaintsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new Validation().Limits(request).Required("name", request.Name);
        if (code.Length > 50 || !code.All(char.IsAsciiLetterOrDigit))
        {
            validation.Add("code", "Letters and digits only, at most 50.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var department = await db.Departments.FirstOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (department is null)
        {
            department = new Department { Code = code, Name = request.Name!.Trim(), Version = 0 };
            db.Departments.Add(department);
        }

        http.Request.EnsureMatches(department.Version);
        department.Name = request.Name!.Trim();
        department.HeadUserId = string.IsNullOrWhiteSpace(request.HeadUserId) ? null : request.HeadUserId.Trim();
        department.Version++;
        await db.SaveChangesAsync(cancellationToken);
        http.Response.SetETag(department.Version);
        return TypedResults.Ok(DepartmentResponse.From(department));
    }

    private static SlaPoliciesResponse ToResponse(List<SlaPolicy> policies) => new(
        policies.FirstOrDefault()?.AtRiskShare ?? 0,
        policies.FirstOrDefault()?.OverdueShare ?? 0,
        policies.OrderBy(p => p.Severity).ThenBy(p => p.Tier)
            .Select(p => new SlaTargetResponse(p.Severity, p.Tier, p.FirstResponse.TotalHours, p.Resolution.TotalHours)).ToList());

    private static async Task<Results<Ok<SlaPoliciesResponse>, ValidationProblem>> PutPolicies(
        SlaPoliciesRequest request, ComplaintsDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        var validation = new Validation().Limits(request);
        if (request.AtRiskShare is null)
        {
            validation.Add("atRiskShare", "Required, a share between 0 and 1 (e.g. 0.75 = at risk when three quarters of a target are used).");
        }

        if (request.OverdueShare is null)
        {
            validation.Add("overdueShare", "Required, the share of the resolution target past due that escalates to the top level (e.g. 0.5).");
        }

        var targets = request.Targets ?? [];
        for (var i = 0; i < targets.Count; i++)
        {
            if (targets[i] is not { } t)
            {
                continue;
            }

            validation.Defined($"targets[{i}].severity", t.Severity).Defined($"targets[{i}].tier", t.Tier);
            if (t.FirstResponseHours is null)
            {
                validation.Add($"targets[{i}].firstResponseHours", "Required, more than 0 business hours.");
            }

            if (t.ResolutionHours is null || t.ResolutionHours < t.FirstResponseHours)
            {
                validation.Add($"targets[{i}].resolutionHours", "Required, more than 0 and at least the first-response target.");
            }
        }

        var pairs = targets.Where(t => t?.Severity is not null && t.Tier is not null).Select(t => (t.Severity!.Value, t.Tier!.Value)).ToList();
        var all = Enum.GetValues<ComplaintSeverity>().SelectMany(s => Enum.GetValues<CustomerTier>().Select(t => (s, t))).ToList();
        if (pairs.Count != pairs.Distinct().Count() || all.Except(pairs).Any())
        {
            validation.Add("targets", $"Exactly one target for each severity and tier ({all.Count} in all).");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        // Replaced as one set: the old rows go and the new come in one transaction, never a half-replaced table.
        var policies = await db.InTransactionAsync(async ct =>
        {
            var existing = await db.SlaPolicies.ToListAsync(ct);
            http.Request.EnsureMatches(PoliciesTag(existing));
            db.SlaPolicies.RemoveRange(existing);
            await db.SaveChangesAsync(ct);
            var replacement = targets.Select(t => new SlaPolicy
            {
                Severity = t.Severity!.Value,
                Tier = t.Tier!.Value,
                FirstResponse = TimeSpan.FromHours(t.FirstResponseHours!.Value),
                Resolution = TimeSpan.FromHours(t.ResolutionHours!.Value),
                AtRiskShare = request.AtRiskShare!.Value,
                OverdueShare = request.OverdueShare!.Value,
            }).ToList();
            db.SlaPolicies.AddRange(replacement);
            await db.SaveChangesAsync(ct);
            return (true, replacement);
        }, cancellationToken);
        http.Response.SetETag(PoliciesTag(policies));
        return TypedResults.Ok(ToResponse(policies));
    }

    /// <summary>
    /// The policies are replaced as one set and have no version row, so their ETag is a hash of the whole set: a PUT
    /// based on what another supervisor has since changed gets 409 instead of overwriting it.
    /// </summary>
    private static string PoliciesTag(IEnumerable<SlaPolicy> policies)
    {
        var text = string.Join(';', policies.OrderBy(p => p.Severity).ThenBy(p => p.Tier).Select(p =>
            FormattableString.Invariant($"{p.Severity}|{p.Tier}|{p.FirstResponse.Ticks}|{p.Resolution.Ticks}|{p.AtRiskShare}|{p.OverdueShare}")));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
    }

    private static async Task<Results<Ok<CalendarResponse>, ValidationProblem>> PutCalendar(
        string code, CalendarRequest request, ComplaintsDbContext db, HttpContext http, TimeProvider time, CancellationToken cancellationToken)
    {
        var validation = new Validation().Limits(request).Required("name", request.Name).Required("timeZoneId", request.TimeZoneId);
        if (code.Length > 50 || !code.All(char.IsAsciiLetterOrDigit))
        {
            validation.Add("code", "Letters and digits only, at most 50.");
        }

        if (request.TimeZoneId is { Length: > 0 } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            validation.Add("timeZoneId", "Not a known time zone; use an IANA id such as Asia/Shanghai.");
        }

        if (request.WorkingDays is not { Count: > 0 } || request.WorkingDays.Any(d => !Enum.IsDefined(d)))
        {
            validation.Add("workingDays", "At least one weekday, by name (Monday ... Sunday).");
        }

        var periods = request.WorkingPeriods ?? [];
        var ordered = periods.OrderBy(p => p.Start).ToList();
        if (periods.Count == 0 || periods.Any(p => p.End <= p.Start) || ordered.Zip(ordered.Skip(1)).Any(p => p.Second.Start < p.First.End))
        {
            validation.Add("workingPeriods", "At least one period (e.g. {\"start\":\"09:00\",\"end\":\"12:00\"}), each ending after it starts, none overlapping.");
        }

        var exceptions = request.Exceptions ?? [];
        if (exceptions.OfType<CalendarException>().GroupBy(e => e.Date).Any(g => g.Count() > 1))
        {
            validation.Add("exceptions", "At most one exception per date.");
        }

        for (var i = 0; i < exceptions.Count; i++)
        {
            if (exceptions[i] is { } exception)
            {
                validation.Required($"exceptions[{i}].name", exception.Name);
            }
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var calendar = await db.Calendars.FirstOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (calendar is null)
        {
            calendar = new CalendarDefinition { Code = code, Name = request.Name!.Trim(), TimeZoneId = request.TimeZoneId!.Trim(), Version = 0 };
            db.Calendars.Add(calendar);
        }

        http.Request.EnsureMatches(calendar.Version);
        calendar.Name = request.Name!.Trim();
        calendar.TimeZoneId = request.TimeZoneId!.Trim();
        calendar.IsDefault = request.IsDefault ?? calendar.IsDefault;
        calendar.Regions = (request.Regions ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).Distinct().ToList();
        calendar.WorkingDays = request.WorkingDays!.Distinct().ToList();
        calendar.WorkingPeriods = ordered;
        calendar.Exceptions = exceptions.OrderBy(e => e.Date).ToList();
        calendar.Version++;
        var now = time.GetUtcNow();
        calendar.Announce(now);
        foreach (var other in await db.Calendars.Where(c => c.Code != code).ToListAsync(cancellationToken))
        {
            // A region has one calendar, and there is one default (for regions no calendar names): this one takes them.
            var takesRegions = other.Regions.Intersect(calendar.Regions, StringComparer.OrdinalIgnoreCase).Any();
            var takesDefault = calendar.IsDefault && other.IsDefault;
            if (takesRegions || takesDefault)
            {
                other.Regions = other.Regions.Except(calendar.Regions, StringComparer.OrdinalIgnoreCase).ToList();
                other.IsDefault &= !takesDefault;
                other.Version++;
                other.Announce(now);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        http.Response.SetETag(calendar.Version);
        return TypedResults.Ok(CalendarResponse.From(calendar));
    }
}
