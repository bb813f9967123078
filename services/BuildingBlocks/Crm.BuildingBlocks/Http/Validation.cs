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

        list.Add(message);
        return this;
    }

    public Validation Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, "Required.");
        }

        return value.Length > maxLength ? Add(field, $"At most {maxLength} characters.") : this;
    }

    public Validation Optional(string field, string? value, int maxLength) =>
        value is not null && value.Length > maxLength ? Add(field, $"At most {maxLength} characters.") : this;

    public Validation Defined<TEnum>(string field, TEnum? value) where TEnum : struct, Enum
    {
        if (value is null)
        {
            return Add(field, $"Required; one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        }

        return Enum.IsDefined(value.Value) ? this : Add(field, $"Must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
    }

    public ValidationProblem ToProblem() =>
        TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), title: "The request is not valid.");
}
