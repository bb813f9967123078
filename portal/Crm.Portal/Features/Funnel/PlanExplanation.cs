using System.Globalization;
using Crm.IntegrationEvents;
using Crm.Portal.Api;
using Crm.Portal.Components.Shared;
using Crm.Portal.Localization;
using Microsoft.Extensions.Localization;

namespace Crm.Portal.Features.Funnel;

/// <summary>
/// The planning calculator's arithmetic in the user's language, from the plan's figures (the API's own formula texts
/// are English): one line per grade and the summary of where the pipeline breaks.
/// </summary>
public static class PlanExplanation
{
    public static string Step(IStringLocalizer<Text> t, Plan plan, PlanStep step, long? neededAbove, CustomerGrade above)
    {
        var grade = Names.Of(t, step.Grade);
        if (step.Grade == CustomerGrade.A)
        {
            return t["Plan.Formula.A", Numbers.Amount(plan.SalesTarget), Numbers.Amount(plan.AverageOrderSize), Count(step.Needed)];
        }

        if (neededAbove is null)
        {
            return t["Plan.Formula.Unknown", grade, Names.Of(t, above)];
        }

        if (step.Needed is null)
        {
            return t["Plan.Formula.NotMeasured", step.Stage ?? "", Count(step.Converted), Count(step.Cohort)];
        }

        return step.RateSource == "given"
            ? t["Plan.Formula.Given", grade, Names.Of(t, above), Count(neededAbove), Percent(step.Rate), Count(step.Needed)]
            : t["Plan.Formula.Measured", grade, Names.Of(t, above), Count(neededAbove), Count(step.Converted), Count(step.Cohort), Count(step.Needed)];
    }

    public static string Summary(IStringLocalizer<Text> t, Plan plan) =>
        plan.BreaksAt is { } breaks
            ? t["Plan.Breaks", string.Join(t["ListSeparator"], plan.Steps.Where(s => s.Shortfall > 0).Select(s => t["Plan.Short", Names.Of(t, s.Grade), Count(s.Shortfall)].Value)), Names.Of(t, breaks)]
            : t["Plan.Holds"];

    public static string Count(long? value) => value?.ToString("N0", CultureInfo.CurrentCulture) ?? "—";

    public static string Percent(decimal? rate) => rate?.ToString("P1", CultureInfo.CurrentCulture) ?? "—";
}
