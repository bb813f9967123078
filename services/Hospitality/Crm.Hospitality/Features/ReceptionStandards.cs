using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Hospitality.Data;
using Crm.Hospitality.Domain;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Hospitality.Features;

public sealed record ReceptionStandardInput(
    [property: MaxLength(200)] string? Name,
    [property: MaxLength(2)] IReadOnlyList<CustomerTier>? Tiers,
    [property: MaxLength(5)] IReadOnlyList<CustomerGrade>? Grades,
    [property: MaxLength(200)] string? Room,
    [property: MaxLength(200)] string? Refreshments,
    [property: MaxLength(50)] string? AccompaniedBy);

public sealed record ReceptionStandardsRequest([property: MaxLength(20)] IReadOnlyList<ReceptionStandardInput?>? Standards);

public sealed record ReceptionStandardsResponse(IReadOnlyList<ReceptionStandard> Standards, DateTimeOffset UpdatedAt, string UpdatedBy, long Version);

/// <summary>The reception standards by tier and grade (接待标准): anyone reads them; the CRM supervisor replaces them.</summary>
public static class ReceptionStandards
{
    private static readonly string[] Companions = [Roles.RegionalDirector, Roles.MarketingGM, Roles.Chairman];

    public static void MapReceptionStandards(this RouteGroupBuilder api)
    {
        api.MapGet("/reception-standards", Get).WithName("GetReceptionStandards").WithSummary("The reception standards in the order they are tried, with the version as ETag.");
        api.MapPut("/reception-standards", Put)
            .RequireAuthorization(Policies.Stewards)
            .WithName("PutReceptionStandards")
            .WithSummary("Replaces the reception standards; the last must match every customer. Honours If-Match.");
    }

    /// <summary>The standards in force: the stored set, or the documented one (version 0) until the supervisor sets some.</summary>
    public static async Task<ReceptionStandardSet> ReceptionStandardsAsync(this HospitalityDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await db.ReceptionStandardSets.FirstOrDefaultAsync(r => r.Id == ReceptionStandardSet.Current, cancellationToken)
        ?? ReceptionStandardSet.Documented(time.GetUtcNow());

    private static async Task<Ok<ReceptionStandardsResponse>> Get(HospitalityDbContext db, TimeProvider time, HttpContext http)
    {
        var set = await db.ReceptionStandardsAsync(time, http.RequestAborted);
        http.Response.SetETag(set.Version);
        return TypedResults.Ok(new ReceptionStandardsResponse(set.Standards, set.UpdatedAt, set.UpdatedBy, set.Version));
    }

    private static async Task<Results<Ok<ReceptionStandardsResponse>, ValidationProblem>> Put(
        ReceptionStandardsRequest request, HospitalityDbContext db, CurrentUser user, TimeProvider time, HttpContext http)
    {
        var validation = new Validation().Limits(request);
        var inputs = request.Standards ?? [];
        if (inputs.Count == 0)
        {
            validation.Add("standards", "At least one standard.");
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            if (inputs[i] is { } input)
            {
                validation.Required($"standards[{i}].name", input.Name).Required($"standards[{i}].room", input.Room).Required($"standards[{i}].refreshments", input.Refreshments);
                if (!Companions.Contains(input.AccompaniedBy))
                {
                    validation.Add($"standards[{i}].accompaniedBy", $"One of {string.Join(", ", Companions)}.");
                }
            }
        }

        if (validation.IsValid && inputs[^1] is { Tiers.Count: > 0 } or { Grades.Count: > 0 })
        {
            validation.Add($"standards[{inputs.Count - 1}]", "The last standard must match every customer (no tiers or grades).");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var set = await db.ReceptionStandardsAsync(time, http.RequestAborted);
        http.Request.EnsureMatches(set.Version);
        if (set.Version == 0)
        {
            db.ReceptionStandardSets.Add(set);
        }

        set.Replace(inputs.Select(s => new ReceptionStandard(s!.Name!.Trim(), [.. (s.Tiers ?? []).Distinct()], [.. (s.Grades ?? []).Distinct()],
            s.Room!.Trim(), s.Refreshments!.Trim(), s.AccompaniedBy!)).ToList(), user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(set.Version);
        return TypedResults.Ok(new ReceptionStandardsResponse(set.Standards, set.UpdatedAt, set.UpdatedBy, set.Version));
    }
}
