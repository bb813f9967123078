using System.Net;
using Crm.BuildingBlocks.Http;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Portal.Api;

/// <summary>
/// What an API refused, from its problem details (RFC 9457): the status, its title and detail, and for a 400 the
/// messages by field, under the JSON names the form's inputs are bound to.
/// </summary>
public sealed record ApiProblem(HttpStatusCode Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The problem's type: for a 409, whether someone changed the resource meanwhile or a business rule refused.</summary>
    public string? Type { get; init; }

    public bool ChangedMeanwhile => Status == HttpStatusCode.PreconditionFailed || Type == ProblemTypes.ChangedMeanwhile;

    public static readonly ApiProblem Unavailable = new(HttpStatusCode.ServiceUnavailable, "Service unavailable", null, new Dictionary<string, string[]>());

    /// <summary>A refusal the portal knows before asking, worded as the API words it, so that it reads the same.</summary>
    public static ApiProblem Invalid(string field, string message) =>
        new(HttpStatusCode.BadRequest, "", null, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>The messages for one field (camelCase, as the API names it), or none.</summary>
    public IReadOnlyList<string> For(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).Value ?? [];

    /// <summary>Messages not tied to a field the form shows, so that none is lost.</summary>
    public IEnumerable<string> Except(IEnumerable<string> shownFields)
    {
        var shown = shownFields.ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Errors.Where(e => !shown.Contains(e.Key)).SelectMany(e => e.Value);
    }

    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadFromJsonAsync<Body>(ApiJson.Options, cancellationToken);
            return new ApiProblem(response.StatusCode, body?.Title ?? response.ReasonPhrase ?? "", body?.Detail,
                body?.Errors ?? new Dictionary<string, string[]>()) { Type = body?.Type };
        }
        catch (JsonException)
        {
            return new ApiProblem(response.StatusCode, response.ReasonPhrase ?? "", null, new Dictionary<string, string[]>());
        }
    }

    private sealed record Body(
        [property: JsonPropertyName("type")] string? Type,
        [property: JsonPropertyName("title")] string? Title,
        [property: JsonPropertyName("detail")] string? Detail,
        [property: JsonPropertyName("errors")] Dictionary<string, string[]>? Errors);
}

/// <summary>An API's answer: the value, or the problem it reported.</summary>
public sealed record ApiResult<T>(T? Value, ApiProblem? Problem)
{
    public bool Succeeded => Problem is null;

    /// <summary>The entity tag the API sent with the value, for an edit of a resource tagged by content rather than by version number.</summary>
    public string? ETag { get; init; }
}

public static class ApiJson
{
    /// <summary>The APIs' JSON: camelCase, enums by name.</summary>
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
