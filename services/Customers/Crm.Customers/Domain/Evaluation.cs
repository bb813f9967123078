using Crm.BuildingBlocks.Domain;

namespace Crm.Customers.Domain;

/// <summary>The outcome of an evaluation (奖励/扶持/淘汰).</summary>
public enum EvaluationOutcome { Reward, Support, Eliminate }

public enum CreditRating { AAA, AA, A, B, C }

/// <summary>Scores 0–100 on the five criteria (客户评价): 交易性, 收益性, 安全性, 发展性, 合作性.</summary>
public sealed record CriteriaScores(int Transactions, int Profitability, int Safety, int Growth, int Cooperation);

/// <summary>The dealer's business capability (经营能力) as recorded at the evaluation.</summary>
public sealed record DealerCapability(
    int Flexibility, int DownstreamCustomers, decimal Capital, int BestSellingBrands, int Warehouses, int Vehicles, int Staff);

/// <summary>The customer's complaints over the twelve months before the evaluation (from the service history).</summary>
public sealed record ComplaintContext(int Filed, int Escalated, int ResolvedLate, int Open, double? AverageSatisfaction);

/// <summary>
/// The weights of the five criteria and the outcome thresholds, set by the CRM supervisor. One row; every evaluation
/// copies the weights it used, so changing them later never rewrites an old result.
/// </summary>
public sealed class EvaluationSettings : AggregateRoot
{
    public const int SingletonId = 1;

    public int Id { get; init; } = SingletonId;
    public int TransactionsWeight { get; private set; }
    public int ProfitabilityWeight { get; private set; }
    public int SafetyWeight { get; private set; }
    public int GrowthWeight { get; private set; }
    public int CooperationWeight { get; private set; }

    /// <summary>A weighted score at or above this recommends reward.</summary>
    public int RewardAtLeast { get; private set; }

    /// <summary>A weighted score below this recommends elimination; between the two, support.</summary>
    public int EliminateBelow { get; private set; }

    public string UpdatedBy { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public long Version { get; private set; }

    public static EvaluationSettings Defaults => new()
    {
        TransactionsWeight = 25, ProfitabilityWeight = 25, SafetyWeight = 20, GrowthWeight = 15, CooperationWeight = 15,
        RewardAtLeast = 80, EliminateBelow = 60, UpdatedBy = "system", UpdatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), Version = 1,
    };

    public int TotalWeight => TransactionsWeight + ProfitabilityWeight + SafetyWeight + GrowthWeight + CooperationWeight;

    /// <summary>The rule in words, as the evaluators and the audit log read it.</summary>
    public string Rule =>
        $"score = (transactions×{TransactionsWeight} + profitability×{ProfitabilityWeight} + safety×{SafetyWeight} + growth×{GrowthWeight} + cooperation×{CooperationWeight}) ÷ {TotalWeight}, " +
        $"rounded to 2 decimals; Reward when score ≥ {RewardAtLeast}, Eliminate when score < {EliminateBelow}, otherwise Support.";

    /// <summary>Replaces the weights and thresholds (validated by the caller: weights 0–100, not all zero, thresholds in order).</summary>
    public void Replace(CriteriaScores weights, int rewardAtLeast, int eliminateBelow, string by, DateTimeOffset at)
    {
        var before = Rule;
        TransactionsWeight = weights.Transactions;
        ProfitabilityWeight = weights.Profitability;
        SafetyWeight = weights.Safety;
        GrowthWeight = weights.Growth;
        CooperationWeight = weights.Cooperation;
        RewardAtLeast = rewardAtLeast;
        EliminateBelow = eliminateBelow;
        UpdatedBy = by;
        UpdatedAt = at;
        Version++;
        Raise(new EvaluationWeightsChangedDomainEvent(before, Rule, Version, by, at));
    }

    /// <summary>Σ(score × weight) ÷ Σweight, rounded half away from zero to two decimals.</summary>
    public decimal Score(CriteriaScores s) =>
        Math.Round(
            (decimal)((s.Transactions * TransactionsWeight) + (s.Profitability * ProfitabilityWeight) + (s.Safety * SafetyWeight)
                      + (s.Growth * GrowthWeight) + (s.Cooperation * CooperationWeight)) / TotalWeight,
            2, MidpointRounding.AwayFromZero);

    public EvaluationOutcome Outcome(decimal score) =>
        score >= RewardAtLeast ? EvaluationOutcome.Reward : score < EliminateBelow ? EvaluationOutcome.Eliminate : EvaluationOutcome.Support;
}

/// <summary>One evaluation of a customer (客户评价), kept for ever as part of the customer's history.</summary>
public sealed class Evaluation : AggregateRoot
{
    private Evaluation()
    {
    }

    public Evaluation(
        Guid customerId, CriteriaScores scores, EvaluationSettings settings, DealerCapability capability, CreditRating creditRating,
        ComplaintContext complaints, string notes, string evaluatedBy, DateTimeOffset evaluatedAt)
    {
        Id = Guid.CreateVersion7(evaluatedAt);
        CustomerId = customerId;
        Transactions = scores.Transactions;
        Profitability = scores.Profitability;
        Safety = scores.Safety;
        Growth = scores.Growth;
        Cooperation = scores.Cooperation;
        TransactionsWeight = settings.TransactionsWeight;
        ProfitabilityWeight = settings.ProfitabilityWeight;
        SafetyWeight = settings.SafetyWeight;
        GrowthWeight = settings.GrowthWeight;
        CooperationWeight = settings.CooperationWeight;
        Score = settings.Score(scores);
        Outcome = settings.Outcome(Score);
        Flexibility = capability.Flexibility;
        DownstreamCustomers = capability.DownstreamCustomers;
        Capital = capability.Capital;
        BestSellingBrands = capability.BestSellingBrands;
        Warehouses = capability.Warehouses;
        Vehicles = capability.Vehicles;
        Staff = capability.Staff;
        CreditRating = creditRating;
        ComplaintsFiled = complaints.Filed;
        ComplaintsEscalated = complaints.Escalated;
        ComplaintsResolvedLate = complaints.ResolvedLate;
        ComplaintsOpen = complaints.Open;
        AverageSatisfaction = complaints.AverageSatisfaction;
        Notes = notes;
        EvaluatedBy = evaluatedBy;
        EvaluatedAt = evaluatedAt;
        Raise(new CustomerEvaluatedDomainEvent(customerId, Id, Score, Outcome, evaluatedBy, evaluatedAt));
    }

    public Guid Id { get; private init; }
    public Guid CustomerId { get; private init; }
    public int Transactions { get; private init; }
    public int Profitability { get; private init; }
    public int Safety { get; private init; }
    public int Growth { get; private init; }
    public int Cooperation { get; private init; }
    public int TransactionsWeight { get; private init; }
    public int ProfitabilityWeight { get; private init; }
    public int SafetyWeight { get; private init; }
    public int GrowthWeight { get; private init; }
    public int CooperationWeight { get; private init; }
    public decimal Score { get; private init; }
    public EvaluationOutcome Outcome { get; private init; }
    public int Flexibility { get; private init; }
    public int DownstreamCustomers { get; private init; }
    public decimal Capital { get; private init; }
    public int BestSellingBrands { get; private init; }
    public int Warehouses { get; private init; }
    public int Vehicles { get; private init; }
    public int Staff { get; private init; }
    public CreditRating CreditRating { get; private init; }
    public int ComplaintsFiled { get; private init; }
    public int ComplaintsEscalated { get; private init; }
    public int ComplaintsResolvedLate { get; private init; }
    public int ComplaintsOpen { get; private init; }
    public double? AverageSatisfaction { get; private init; }
    public string Notes { get; private init; } = "";
    public string EvaluatedBy { get; private init; } = "";
    public DateTimeOffset EvaluatedAt { get; private init; }
}
