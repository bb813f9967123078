using Microsoft.AspNetCore.Http.HttpResults;
using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.IntegrationEvents;

namespace Crm.Customers.Features;

/// <summary>Amounts from a cent to <see cref="Money.MaxAmount"/> (so their quotient always fits); a rate is a fraction from 0.0001 to 1.</summary>
public sealed record PlanQuery(
    [property: Range(typeof(decimal), "0.01", Money.MaxAmount)] decimal? SalesTarget,
    [property: Range(typeof(decimal), "0.01", Money.MaxAmount)] decimal? AverageOrderSize,
    [property: MaxLength(CustomerLimits.Region)] string? Region,
    [property: MaxLength(CustomerLimits.UserId)] string? OwnerId,
    [property: Range(typeof(decimal), "0.0001", "1")] decimal? RateEtoD,
    [property: Range(typeof(decimal), "0.0001", "1")] decimal? RateDtoC,
    [property: Range(typeof(decimal), "0.0001", "1")] decimal? RateCtoB,
    [property: Range(typeof(decimal), "0.0001", "1")] decimal? RateBtoA,
    DateTimeOffset? From,
    DateTimeOffset? To);

/// <summary>One grade of the plan: how many customers are needed there, how many there are, and the arithmetic.</summary>
public sealed record PlanStep(
    CustomerGrade Grade, long? Needed, int Current, long? Shortfall, string? Stage, decimal? Rate, string? RateSource,
    int? Cohort, int? Converted, string Formula);

public sealed record PlanResponse(
    decimal SalesTarget, decimal AverageOrderSize, string? Region, string? OwnerId, DateTimeOffset RatesFrom, DateTimeOffset RatesTo,
    IReadOnlyList<PlanStep> Steps, IReadOnlyList<CustomerGrade> ShortAt, CustomerGrade? BreaksAt, string Summary,
    string ConversionDefinition);

/// <summary>
/// The planning calculator (销售额转化为客户管理指标): A customers needed = ⌈target ÷ average order size⌉ (the document's
/// example: 10,000,000 ÷ 200,000 = 50); then each lower grade needs ⌈customers needed one grade up ÷ that stage's
/// conversion rate⌉. Rates are the ones given in the request or else the measured ones of the scope over the period.
/// A measured rate is used as the exact fraction converted ÷ cohort, so ⌈n ÷ (k/m)⌉ = ⌈n·m ÷ k⌉ is computed in whole
/// numbers and never suffers from a rounded rate.
/// </summary>
public static class FunnelPlanning
{
    private const long MaxCustomers = 1_000_000_000;

    public static async Task<Results<Ok<PlanResponse>, ValidationProblem>> Plan(
        [AsParameters] PlanQuery query, CustomersDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var validation = new Validation().Limits(query);
        Required(validation, "salesTarget", query.SalesTarget);
        Required(validation, "averageOrderSize", query.AverageOrderSize);
        var (from, to) = Funnel.Period(validation, query.From, query.To, time.GetUtcNow());
        if (validation.IsValid && query.SalesTarget / query.AverageOrderSize > MaxCustomers)
        {
            validation.Add("averageOrderSize", $"The target would need more than {MaxCustomers:N0} customers at A; check both amounts.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var scope = Funnel.Scope(db, user, query.Region, query.OwnerId);
        var current = (await Funnel.CountNow(scope, groupBy: null, http.RequestAborted))[0];
        var given = new Dictionary<CustomerGrade, decimal?>
        {
            [CustomerGrade.B] = query.RateBtoA, [CustomerGrade.C] = query.RateCtoB, [CustomerGrade.D] = query.RateDtoC, [CustomerGrade.E] = query.RateEtoD,
        };
        var measured = given.Values.All(r => r is not null)
            ? []
            : (await Funnel.MeasureConversions(db, scope, from, to, http.RequestAborted)).ToDictionary(r => r.From == CustomerGrade.E && r.To == CustomerGrade.A ? "E→A" : r.From.ToString());

        var target = query.SalesTarget!.Value;
        var orderSize = query.AverageOrderSize!.Value;
        var neededA = (long)Math.Ceiling(target / orderSize);
        var steps = new List<PlanStep>
        {
            new(CustomerGrade.A, neededA, current.A, Math.Max(0, neededA - current.A), null, null, null, null, null,
                $"A needed = ⌈sales target ÷ average order size⌉ = ⌈{Invariant.Text(target)} ÷ {Invariant.Text(orderSize)}⌉ = {neededA}"),
        };

        long? needed = neededA;
        var above = CustomerGrade.A;
        foreach (var grade in new[] { CustomerGrade.B, CustomerGrade.C, CustomerGrade.D, CustomerGrade.E })
        {
            var stage = $"{grade}→{above}";
            var have = Count(current, grade);
            PlanStep step;
            if (needed is null)
            {
                step = new(grade, null, have, null, stage, null, null, null, null, $"{grade} needed cannot be computed: the {above} figure is unknown.");
            }
            else if (given[grade] is { } rate)
            {
                var value = (long)Math.Ceiling(needed.Value / rate);
                step = new(grade, value, have, Math.Max(0, value - have), stage, rate, "given", null, null,
                    $"{grade} needed = ⌈{above} needed ÷ rate {stage}⌉ = ⌈{needed} ÷ {Invariant.Text(rate)}⌉ = {value}");
            }
            else if (measured[grade.ToString()] is { Converted: > 0 } m)
            {
                var value = (needed.Value * m.Cohort + m.Converted - 1) / m.Converted;
                step = new(grade, value, have, Math.Max(0, value - have), stage, m.Rate, "measured", m.Cohort, m.Converted,
                    $"{grade} needed = ⌈{above} needed ÷ rate {stage}⌉ = ⌈{needed} ÷ ({m.Converted}/{m.Cohort})⌉ = ⌈{needed}×{m.Cohort} ÷ {m.Converted}⌉ = {value}");
            }
            else
            {
                var m2 = measured[grade.ToString()];
                step = new(grade, null, have, null, stage, m2.Rate, "measured", m2.Cohort, m2.Converted,
                    $"No {stage} conversion was measured in the period ({m2.Converted} of {m2.Cohort}); give rate{grade}to{above} to plan this grade.");
            }

            steps.Add(step);
            needed = step.Needed;
            above = grade;
        }

        var shortAt = steps.Where(s => s.Shortfall > 0).Select(s => s.Grade).ToList();
        var breaksAt = shortAt.Count > 0 ? shortAt.Max() : (CustomerGrade?)null;
        var summary = shortAt.Count == 0
            ? "The pipeline holds at least the customers needed at every grade that could be planned."
            : "Short of customers at " + string.Join(", ", steps.Where(s => s.Shortfall > 0).Select(s => $"{s.Grade} ({s.Shortfall} more needed: {s.Needed} needed, {s.Current} now)")) +
              $". The pipeline breaks first at {breaksAt}, the least mature grade that is short: work there feeds every grade above it.";
        var measuredE2A = measured.TryGetValue("E→A", out var e2a) ? $" Measured E→A over the period: {e2a.Converted} of {e2a.Cohort}." : "";
        return TypedResults.Ok(new PlanResponse(target, orderSize, query.Region, query.OwnerId, from, to, steps, shortAt, breaksAt,
            summary + measuredE2A, Funnel.ConversionDefinition));
    }

    private static int Count(FunnelRow row, CustomerGrade grade) => grade switch
    {
        CustomerGrade.A => row.A,
        CustomerGrade.B => row.B,
        CustomerGrade.C => row.C,
        CustomerGrade.D => row.D,
        _ => row.E,
    };

    // The ranges are the query record's [Range], checked by Limits.
    private static void Required(Validation validation, string field, decimal? value)
    {
        if (value is null)
        {
            validation.Add(field, "Required; a positive amount.");
        }
    }
}
