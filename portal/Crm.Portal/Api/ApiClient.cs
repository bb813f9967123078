using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.WebUtilities;

namespace Crm.Portal.Api;

/// <summary>
/// What every typed client shares: JSON in and out, problem details read into <see cref="ApiProblem"/>, an
/// Idempotency-Key on every POST (so the resilience handler's retries never act twice), If-Match on changes, and
/// <see cref="SignInRequiredException"/> when the session is over.
/// </summary>
public abstract class ApiClient(HttpClient http)
{
    /// <summary>A path with the query parameters that have a value (blank ones are left out).</summary>
    public static string WithQuery(string path, params (string Name, string? Value)[] parameters) =>
        QueryHelpers.AddQueryString(path, parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => KeyValuePair.Create(p.Name, p.Value)));

    /// <summary>A number as the APIs read it, whatever the user's culture.</summary>
    protected static string? Number(IFormattable? value) => value?.ToString(null, CultureInfo.InvariantCulture);

    /// <summary>A day as the APIs read it (ISO 8601), whatever the user's culture.</summary>
    protected static string? Day(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A page of a service's audit log (every service answers <c>GET …/audit</c> the same way), newest first.</summary>
    protected Task<PagedList<AuditEntry>> AuditAsync(string path, AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken) =>
        GetAsync<PagedList<AuditEntry>>(WithQuery(path,
            ("subjectId", filter.SubjectId?.ToString()), ("userId", filter.UserId), ("action", filter.Action?.ToString()),
            ("from", filter.From?.ToString("O")), ("to", filter.To?.ToString("O")), ("page", Number(page)), ("pageSize", Number(pageSize))), cancellationToken);

    protected async Task<T> GetAsync<T>(string path, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        await ThrowUnlessSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, cancellationToken))!;
    }

    protected async Task<ApiResult<T>> TryGetAsync<T>(string path, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        return await ResultAsync<T>(response, cancellationToken);
    }

    /// <summary>A read with the entity tag the API sent, for a later <see cref="SendMatchingAsync{T}"/>.</summary>
    protected async Task<ApiResult<T>> GetTaggedAsync<T>(string path, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        await ThrowUnlessSuccessAsync(response, cancellationToken);
        return await ResultAsync<T>(response, cancellationToken);
    }

    protected Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken cancellationToken = default) =>
        SendAsync<T>(HttpMethod.Post, path, body, version: null, cancellationToken);

    protected Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, long? version, CancellationToken cancellationToken = default) =>
        SendAsync<T>(method, path, body, version is null ? null : new EntityTagHeaderValue($"\"{version}\""), cancellationToken);

    /// <summary>A change of a resource the API tags by its content: refused with 409 if it changed since it was read with that tag.</summary>
    protected Task<ApiResult<T>> SendMatchingAsync<T>(HttpMethod method, string path, object? body, string? entityTag, CancellationToken cancellationToken = default) =>
        SendAsync<T>(method, path, body, entityTag is null ? null : new EntityTagHeaderValue(entityTag), cancellationToken);

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, object? body, EntityTagHeaderValue? ifMatch, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: ApiJson.Options) };
        if (method == HttpMethod.Post)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return await ResultAsync<T>(response, cancellationToken);
    }

    protected async Task<(byte[] Content, string FileName)> DownloadAsync(string path, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(path, cancellationToken);
        await ThrowUnlessSuccessAsync(response, cancellationToken);
        return (await response.Content.ReadAsByteArrayAsync(cancellationToken), response.Content.Headers.ContentDisposition?.FileNameStar
            ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"') ?? "export.csv");
    }

    protected async Task<ApiResult<T>> UploadAsync<T>(string path, string field, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StreamContent(content), field, fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await http.SendAsync(request, cancellationToken);
        return await ResultAsync<T>(response, cancellationToken);
    }

    /// <summary>A file posted as the request's body (an import that reads text/csv rather than a form).</summary>
    protected async Task<ApiResult<T>> PostFileAsync<T>(string path, Stream content, string mediaType, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StreamContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        using var response = await http.SendAsync(request, cancellationToken);
        return await ResultAsync<T>(response, cancellationToken);
    }

    private static async Task<ApiResult<T>> ResultAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new SignInRequiredException();
        }

        if (!response.IsSuccessStatusCode)
        {
            return new ApiResult<T>(default, await ApiProblem.ReadAsync(response, cancellationToken));
        }

        var value = response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0
            ? default
            : await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, cancellationToken);
        return new ApiResult<T>(value, null) { ETag = response.Headers.ETag?.Tag };
    }

    private static async Task ThrowUnlessSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new SignInRequiredException();
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new ApiException(await ApiProblem.ReadAsync(response, cancellationToken));
        }
    }
}

/// <summary>The session ended (signed out elsewhere, or expired): the page reloads, and the user signs in again.</summary>
public sealed class SignInRequiredException() : Exception("The session is over; sign in again.");

/// <summary>A read the page cannot do without was refused or failed.</summary>
public sealed class ApiException(ApiProblem problem) : Exception(problem.Detail ?? problem.Title)
{
    public ApiProblem Problem { get; } = problem;
}
