using System.Net;
using System.Text.RegularExpressions;
using Crm.Portal.Api;
using Crm.Portal.Localization;
using Microsoft.Extensions.Localization;

namespace Crm.Portal.Components.Shared;

/// <summary>
/// An API's refusal in the user's language: a title by status, and each field message translated when the portal knows
/// the rule (Text.resx, keys "Rule.&lt;message&gt;"), else as the API wrote it, so that nothing is lost.
/// </summary>
public static class Problems
{
    public static string Title(IStringLocalizer<Text> t, ApiProblem problem) => problem.Status switch
    {
        HttpStatusCode.BadRequest => t["Problem.Invalid"],
        HttpStatusCode.Forbidden => t["Problem.Forbidden"],
        HttpStatusCode.NotFound => t["Problem.NotFound"],
        _ when problem.ChangedMeanwhile => t["Problem.Conflict"],
        HttpStatusCode.Conflict => t["Problem.Refused"],
        HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests => t["Problem.Unavailable"],
        _ => t["Problem.Failed"],
    };

    /// <summary><c>aria-invalid</c> of a field's input: "true" while the API's last answer names the field.</summary>
    public static string? Invalid(this ApiProblem? problem, string field) => problem?.For(field).Count > 0 ? "true" : null;

    /// <summary><c>aria-describedby</c> of a field's input: its <see cref="FieldMessage"/>, while there is one.</summary>
    public static string? DescribedBy(this ApiProblem? problem, string field) => problem.Invalid(field) is null ? null : $"{field}-error";

    /// <summary>
    /// The attributes of a Radzen input that takes them as a dictionary (a number's spinbutton, an autocomplete): its
    /// accessible name, and while the API's last answer names the field, its validity and message.
    /// </summary>
    public static Dictionary<string, object> InputAttributes(this ApiProblem? problem, string field, string label)
    {
        var attributes = new Dictionary<string, object> { ["aria-label"] = label };
        if (problem.Invalid(field) is { } invalid)
        {
            attributes["aria-invalid"] = invalid;
            attributes["aria-describedby"] = problem.DescribedBy(field)!;
        }

        return attributes;
    }

    public static string Message(IStringLocalizer<Text> t, string message)
    {
        if (t["Rule." + message] is { ResourceNotFound: false } known)
        {
            return known.Value;
        }

        // The building blocks' generic rules (Crm.BuildingBlocks.Http.Validation), whatever field and limit they name,
        // and the visit plans' rules, which name the plan's period, its rep, region and days off.
        foreach (var (pattern, key) in Rules)
        {
            if (pattern.Match(message) is { Success: true } match)
            {
                return t[key, match.Groups.Values.Skip(1).Select(g => (object)g.Value).ToArray()];
            }
        }

        return message;
    }

    private static readonly (Regex Pattern, string Key)[] Rules =
    [
        (new Regex(@"^Required(\.|;)", RegexOptions.CultureInvariant), "Rule.Required."),
        (new Regex(@"^Must be one of ", RegexOptions.CultureInvariant), "Rule.OneOf"),
        (new Regex(@"^At most (\d+) characters\.$", RegexOptions.CultureInvariant), "Rule.MaxLength"),
        (new Regex(@"^At most (\d+) items\.$", RegexOptions.CultureInvariant), "Rule.MaxItems"),
        (new Regex(@"^Must be a finite number\.$", RegexOptions.CultureInvariant), "Rule.Finite"),
        (new Regex(@"^Must be from (\S+) to (\S+)\.$", RegexOptions.CultureInvariant), "Rule.Between"),
        (new Regex(@"^A day of the plan, (\S+) to (\S+)\.$", RegexOptions.CultureInvariant), "Rule.PlanDay"),
        (new Regex(@"^Today \((\S+)\) or later\.$", RegexOptions.CultureInvariant), "Rule.TodayOrLater"),
        (new Regex(@"^Not an active customer of (\S+) in (\S+)\.$", RegexOptions.CultureInvariant), "Rule.NotPlanCustomer"),
        (new Regex(@"^(\S+) is not a working day in the calendar of (\S+)\.$", RegexOptions.CultureInvariant), "Rule.NotWorkingDay"),
    ];
}
