using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.Customers.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

public sealed record EvaluateRequest(
    [property: Range(0, 100)] int? Transactions,
    [property: Range(0, 100)] int? Profitability,
    [property: Range(0, 100)] int? Safety,
    [property: Range(0, 100)] int? Growth,
    [property: Range(0, 100)] int? Cooperation,
    [property: Range(1, 5)] int? Flexibility = null,
    [property: Range(0, 1_000_000)] int? DownstreamCustomers = null,
    [property: Range(typeof(decimal), "0", Money.MaxAmount)] decimal? Capital = null,
    [property: Range(0, 1000)] int? BestSellingBrands = null,
    [property: Range(0, 10_000)] int? Warehouses = null,
    [property: Range(0, 10_000)] int? Vehicles = null,
    [property: Range(0, 1_000_000)] int? Staff = null,
    CreditRating? CreditRating = null,
    [property: MaxLength(2000)] string? Notes = null);

public sealed record WeightsRequest(
    [property: Range(0, 100)] int? Transactions,
    [property: Range(0, 100)] int? Profitability,
    [property: Range(0, 100)] int? Safety,
    [property: Range(0, 100)] int? Growth,
    [property: Range(0, 100)] int? Cooperation,
    [property: Range(0, 100)] int? RewardAtLeast,
    [property: Range(0, 100)] int? EliminateBelow);

public sealed record WeightsResponse(
    int Transactions, int Profitability, int Safety, int Growth, int Cooperation, int RewardAtLeast, int EliminateBelow,
    string UpdatedBy, DateTimeOffset UpdatedAt, long Version, string Rule)
{
    public static WeightsResponse From(EvaluationSettings s) => new(
        s.TransactionsWeight, s.ProfitabilityWeight, s.SafetyWeight, s.GrowthWeight, s.CooperationWeight, s.RewardAtLeast, s.EliminateBelow,
        s.UpdatedBy, s.UpdatedAt, s.Version, s.Rule);
}

public sealed record EvaluationResponse(
    Guid Id, Guid CustomerId, CriteriaScores Scores, CriteriaScores Weights, decimal Score, EvaluationOutcome Outcome, string Explanation,
    DealerCapability Capability, CreditRating CreditRating, ComplaintContext Complaints, string Notes, string EvaluatedBy, DateTimeOffset EvaluatedAt)
{
    public static EvaluationResponse From(Evaluation e)
    {
        var weights = new CriteriaScores(e.TransactionsWeight, e.ProfitabilityWeight, e.SafetyWeight, e.GrowthWeight, e.CooperationWeight);
        var total = weights.Transactions + weights.Profitability + weights.Safety + weights.Growth + weights.Cooperation;
        var explanation =
            $"({e.Transactions}×{weights.Transactions} + {e.Profitability}×{weights.Profitability} + {e.Safety}×{weights.Safety} + " +
            $"{e.Growth}×{weights.Growth} + {e.Cooperation}×{weights.Cooperation}) ÷ {total} = {e.Score:0.00} → {e.Outcome}";
        return new(e.Id, e.CustomerId, new CriteriaScores(e.Transactions, e.Profitability, e.Safety, e.Growth, e.Cooperation), weights,
            e.Score, e.Outcome, explanation,
            new DealerCapability(e.Flexibility, e.DownstreamCustomers, e.Capital, e.BestSellingBrands, e.Warehouses, e.Vehicles, e.Staff),
            e.CreditRating, new ComplaintContext(e.ComplaintsFiled, e.ComplaintsEscalated, e.ComplaintsResolvedLate, e.ComplaintsOpen, e.AverageSatisfaction),
            e.Notes, e.EvaluatedBy, e.EvaluatedAt);
    }
}

/// <summary>
/// Customer evaluation (客户评价): five criteria scored 0–100, weighted by the CRM supervisor's weights, giving reward,
/// support or eliminate (奖励/扶持/淘汰), with the dealer's business capability and credit rating recorded alongside.
/// The complaints of the last twelve months (from the service history) are stored with each evaluation as context for
/// the cooperation and safety scores, but they do not change the score by themselves: complaints measure how well the
/// company served the customer as much as how the customer behaves, so the evaluator weighs them, not a formula.
/// </summary>
public static class Evaluations
{
    public static void MapEvaluations(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/evaluations", Evaluate)
            .WithName("EvaluateCustomer")
            .WithSummary("Scores the customer on the five criteria with the current weights; the result recommends reward, support or eliminate.");
        api.MapGet("/{id:guid}/evaluations", History)
            .WithName("GetCustomerEvaluations")
            .WithSummary("Every evaluation of the customer, newest first, each with the weights it used.");
        api.MapGet("/evaluation-weights", GetWeights)
            .WithName("GetEvaluationWeights")
            .WithSummary("The weights of the five criteria and the outcome thresholds.");
        api.MapPut("/evaluation-weights", SetWeights)
            .WithName("SetEvaluationWeights")
            .RequireAuthorization(Policies.Stewards)
            .WithSummary("Changes the weights and thresholds; CRM supervisor or admin only. Honours If-Match.");
    }

    private static async Task<Results<Created<EvaluationResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Evaluate(
        Guid id, EvaluateRequest request, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request);
        Score(validation, "transactions", request.Transactions);
        Score(validation, "profitability", request.Profitability);
        Score(validation, "safety", request.Safety);
        Score(validation, "growth", request.Growth);
        Score(validation, "cooperation", request.Cooperation);
        validation.Defined("creditRating", request.CreditRating);
        var (customer, refusal) = await db.FindForChange(id, user, http, validation);
        if (customer is null)
        {
            return refusal!;
        }

        var now = time.GetUtcNow();
        var settings = await db.EvaluationSettings.AsNoTracking().SingleAsync(http.RequestAborted);
        var complaints = await ServiceHistory.Summarise(db, id, now, http.RequestAborted);
        var evaluation = customer.Evaluate(
            new CriteriaScores(request.Transactions!.Value, request.Profitability!.Value, request.Safety!.Value, request.Growth!.Value, request.Cooperation!.Value),
            settings,
            new DealerCapability(request.Flexibility ?? 3, request.DownstreamCustomers ?? 0, request.Capital ?? 0, request.BestSellingBrands ?? 0,
                request.Warehouses ?? 0, request.Vehicles ?? 0, request.Staff ?? 0),
            request.CreditRating!.Value, complaints, request.Notes?.Trim() ?? "", user.Id, now);
        db.Evaluations.Add(evaluation);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/customers/{id}/evaluations", EvaluationResponse.From(evaluation));
    }

    private static async Task<Results<Ok<List<EvaluationResponse>>, NotFound>> History(Guid id, CustomersDbContext db, CurrentUser user, HttpContext http)
    {
        if (await db.FindVisible(id, user, http.RequestAborted) is null)
        {
            return TypedResults.NotFound();
        }

        var evaluations = await db.Evaluations.AsNoTracking().Where(e => e.CustomerId == id).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(evaluations.OrderByDescending(e => e.EvaluatedAt).ThenByDescending(e => e.Id).Select(EvaluationResponse.From).ToList());
    }

    private static async Task<Ok<WeightsResponse>> GetWeights(CustomersDbContext db, HttpContext http)
    {
        var settings = await db.EvaluationSettings.AsNoTracking().SingleAsync(http.RequestAborted);
        http.Response.SetETag(settings.Version);
        return TypedResults.Ok(WeightsResponse.From(settings));
    }

    private static async Task<Results<Ok<WeightsResponse>, ValidationProblem>> SetWeights(
        WeightsRequest request, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(request);
        Score(validation, "transactions", request.Transactions);
        Score(validation, "profitability", request.Profitability);
        Score(validation, "safety", request.Safety);
        Score(validation, "growth", request.Growth);
        Score(validation, "cooperation", request.Cooperation);
        Score(validation, "rewardAtLeast", request.RewardAtLeast);
        Score(validation, "eliminateBelow", request.EliminateBelow);
        if (validation.IsValid && request.Transactions + request.Profitability + request.Safety + request.Growth + request.Cooperation == 0)
        {
            validation.Add("transactions", "At least one weight must be above 0.");
        }

        if (validation.IsValid && request.EliminateBelow > request.RewardAtLeast)
        {
            validation.Add("eliminateBelow", "Must not be above rewardAtLeast.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var settings = await db.EvaluationSettings.SingleAsync(http.RequestAborted);
        http.Request.EnsureMatches(settings.Version);
        settings.Replace(
            new CriteriaScores(request.Transactions!.Value, request.Profitability!.Value, request.Safety!.Value, request.Growth!.Value, request.Cooperation!.Value),
            request.RewardAtLeast!.Value, request.EliminateBelow!.Value, user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(settings.Version);
        return TypedResults.Ok(WeightsResponse.From(settings));
    }

    // The range is the request record's [Range], checked before the handler runs.
    private static void Score(Validation validation, string field, int? value)
    {
        if (value is null)
        {
            validation.Add(field, "Required; from 0 to 100.");
        }
    }
}
