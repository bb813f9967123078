using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.CustomerSnapshots;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Visits.Data;
using Crm.Visits.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Visits.Features;

/// <summary>Days between visits for each grade; every grade is required, from 1 day to a year.</summary>
public sealed record GradeIntervalsInput(
    [property: Range(1, GradeIntervals.MaxDays)] int? A,
    [property: Range(1, GradeIntervals.MaxDays)] int? B,
    [property: Range(1, GradeIntervals.MaxDays)] int? C,
    [property: Range(1, GradeIntervals.MaxDays)] int? D,
    [property: Range(1, GradeIntervals.MaxDays)] int? E)
{
    public GradeIntervals? Check(Validation validation, string field)
    {
        var values = new[] { ("a", A), ("b", B), ("c", C), ("d", D), ("e", E) };
        foreach (var (grade, days) in values.Where(v => v.Item2 is null))
        {
            validation.Add($"{field}.{grade}", "Required: days between visits, 1 to 366.");
        }

        return values.All(v => v.Item2 is >= 1 and <= GradeIntervals.MaxDays) ? new GradeIntervals(A!.Value, B!.Value, C!.Value, D!.Value, E!.Value) : null;
    }
}

public sealed record FrequencyPolicyRequest(GradeIntervalsInput? Ordinary, GradeIntervalsInput? Key);

/// <param name="Standard">True while the region follows the platform's standard intervals (nothing set for it yet).</param>
public sealed record FrequencyPolicyResponse(
    string Region, GradeIntervals Ordinary, GradeIntervals Key, bool Standard, DateTimeOffset? UpdatedAt, string? UpdatedBy, long Version)
{
    public static FrequencyPolicyResponse From(VisitFrequencyPolicy p) =>
        new(p.Region, p.Ordinary, p.Key, p.Version == 0, p.UpdatedAt, p.UpdatedBy, p.Version);
}

/// <summary>
/// The visit frequency (拜访频次) of a region: days between visits by grade, for ordinary and key customers. Anyone
/// working in the region reads it; the CRM supervisor (any region) and the region's director change it.
/// </summary>
public static class FrequencyPolicies
{
    public static void MapFrequencyPolicies(this RouteGroupBuilder api)
    {
        api.MapGet("/frequency-policies/{region}", Get)
            .WithName("GetVisitFrequencyPolicy")
            .WithSummary("The region's days between visits by grade and tier (the standard ones until set), with its version as ETag.");
        api.MapPut("/frequency-policies/{region}", Put)
            .RequireAuthorization(Policies.RegionalRules)
            .WithName("SetVisitFrequencyPolicy")
            .WithSummary("Sets the region's days between visits by grade, for ordinary and key customers. Honours If-Match.");
    }

    /// <summary>Days between visits to this customer, from its region's policy among <paramref name="policies"/> or the standard one.</summary>
    public static int IntervalDays(this IReadOnlyDictionary<string, VisitFrequencyPolicy> policies, CustomerSnapshot customer) =>
        (policies.GetValueOrDefault(customer.Region) ?? VisitFrequencyPolicy.Standard(customer.Region)).IntervalDays(customer.Grade, customer.Tier);

    /// <summary>The region's policy, or the standard one (version 0, not stored) while it has none.</summary>
    public static async Task<VisitFrequencyPolicy> PolicyFor(this VisitsDbContext db, string region, CancellationToken cancellationToken) =>
        await db.FrequencyPolicies.FirstOrDefaultAsync(p => p.Region == region, cancellationToken) ?? VisitFrequencyPolicy.Standard(region);

    private static async Task<Results<Ok<FrequencyPolicyResponse>, NotFound>> Get(
        [MaxLength(50)] string region, VisitsDbContext db, CurrentUser user, HttpContext http)
    {
        if (!user.MayWorkIn(region))
        {
            return TypedResults.NotFound();
        }

        var policy = await db.PolicyFor(region, http.RequestAborted);
        http.Response.SetETag(policy.Version);
        return TypedResults.Ok(FrequencyPolicyResponse.From(policy));
    }

    private static async Task<Results<Ok<FrequencyPolicyResponse>, ValidationProblem, ProblemHttpResult>> Put(
        [MaxLength(50)] string region, FrequencyPolicyRequest request, VisitsDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request);
        if (region.Length > 50)
        {
            validation.Add("region", "At most 50 characters.");
        }

        var ordinary = request.Ordinary is null ? null : request.Ordinary.Check(validation, "ordinary");
        var key = request.Key is null ? null : request.Key.Check(validation, "key");
        validation.NotNull("ordinary", request.Ordinary).NotNull("key", request.Key);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        if (!user.MayKeepFrequency(region))
        {
            return Refusals.Forbidden($"Only the CRM supervisor or a regional director of {region} may change its visit frequency.");
        }

        var policy = await db.PolicyFor(region, http.RequestAborted);
        http.Request.EnsureMatches(policy.Version);
        if (policy.Version == 0)
        {
            db.FrequencyPolicies.Add(policy);
        }

        policy.Change(ordinary!, key!, user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(policy.Version);
        return TypedResults.Ok(FrequencyPolicyResponse.From(policy));
    }
}
