using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.BuildingBlocks.Http;

/// <summary>
/// Collects per-field errors for a 400 problem details response. Field names are the JSON (camelCase) names the
/// caller sent, so a client can put each message next to its input.
/// </summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsValid => errors.Count == 0;

    /// <summary>The errors so far by field, e.g. for a per-row report that is not a whole-request 400.</summary>
    public IReadOnlyDictionary<string, string[]> Errors => errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public Validation Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        // The same rule reached twice (a profile checked within its request) is one message.
        if (!list.Contains(message))
        {
            list.Add(message);
        }

        return this;
    }

    /// <summary>Present and not blank. The length limit is the request record's attribute, checked by <see cref="Limits"/>.</summary>
    public Validation Required(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? Add(field, "Required.") : this;

    public Validation Defined<TEnum>(string field, TEnum? value) where TEnum : struct, Enum
    {
        if (value is null)
        {
            return Add(field, $"Required; one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }

        return Defined(field, (Enum)value.Value);
    }

    /// <summary>
    /// An enum given as text (a query parameter, a CSV cell): its member name, in any case, or null when absent. A
    /// number or an unknown name is an error naming the allowed names, as the JSON converter does for bodies.
    /// </summary>
    public TEnum? EnumName<TEnum>(string field, string? value) where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _))
        {
            return parsed;
        }

        Add(field, $"Must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        return null;
    }

    // The rules every value of a request obeys, whatever the endpoint; RequestLimits applies them to each property.

    public Validation MaxLength(string field, string? value, int maxLength) =>
        value is not null && value.Length > maxLength ? Add(field, $"At most {maxLength} characters.") : this;

    public Validation MaxItems(string field, int count, int maxItems) =>
        count > maxItems ? Add(field, $"At most {maxItems} items.") : this;

    public Validation NotNull(string field, object? value) =>
        value is null ? Add(field, "Must not be null.") : this;

    /// <summary>NaN and ±Infinity pass every range comparison and break serializers and arithmetic later.</summary>
    public Validation Finite(string field, double value) =>
        double.IsFinite(value) ? this : Add(field, "Must be a finite number.");

    public Validation InRange(string field, decimal value, decimal minimum, decimal maximum, bool minimumIsExclusive = false, bool maximumIsExclusive = false) =>
        value > maximum || value < minimum || (minimumIsExclusive && value == minimum) || (maximumIsExclusive && value == maximum)
            ? OutOfRange(field, minimum, maximum, minimumIsExclusive, maximumIsExclusive)
            : this;

    public Validation InRange(string field, double value, double minimum, double maximum, bool minimumIsExclusive = false, bool maximumIsExclusive = false) =>
        value > maximum || value < minimum || (minimumIsExclusive && value == minimum) || (maximumIsExclusive && value == maximum)
            ? OutOfRange(field, minimum, maximum, minimumIsExclusive, maximumIsExclusive)
            : this;

    private Validation OutOfRange(string field, IFormattable minimum, IFormattable maximum, bool minimumIsExclusive, bool maximumIsExclusive)
    {
        var from = minimum.ToString(null, CultureInfo.InvariantCulture);
        var to = maximum.ToString(null, CultureInfo.InvariantCulture);
        return Add(field, minimumIsExclusive || maximumIsExclusive
            ? $"Must be {(minimumIsExclusive ? "more than" : "at least")} {from} and {(maximumIsExclusive ? "less than" : "at most")} {to}."
            : $"Must be from {from} to {to}.");
    }

    public Validation Defined(string field, Enum value) =>
        Enum.IsDefined(value.GetType(), value) ? this : Add(field, $"Must be one of {string.Join(", ", Enum.GetNames(value.GetType()))}.");

    /// <summary>
    /// Checks every property of a request record against the limits stated on it once, as DataAnnotations attributes
    /// that the OpenAPI document shows too: see <see cref="RequestLimits"/>.
    /// </summary>
    public Validation Limits(object? request, string prefix = "") => RequestLimits.Check(this, request, prefix);

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "The request is not valid.");
}
