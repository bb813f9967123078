using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace Crm.Testing;

/// <summary>Reads the platform's JSON the way a client does: camelCase, enums as their names.</summary>
public static class TestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<T> Read<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var value = await response.Content.ReadFromJsonAsync<T>(Options);
        Assert.NotNull(value);
        return value;
    }

    public static async Task<T> Read<T>(this Task<HttpResponseMessage> response, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await response).Read<T>(expected);

    /// <summary>Asserts the status of an answer whose body does not matter to the test.</summary>
    public static async Task Expect(this Task<HttpResponseMessage> response, HttpStatusCode expected)
    {
        var answer = await response;
        Assert.True(answer.StatusCode == expected, $"Expected {(int)expected} but got {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
    }

    /// <summary>Asserts an RFC 9457 problem details answer with <paramref name="status"/> and returns it.</summary>
    public static async Task<HttpValidationProblemDetails> ReadProblem(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<HttpValidationProblemDetails>(body, Options);
        Assert.NotNull(problem);
        Assert.Equal((int)status, problem.Status);
        return problem;
    }

    public static async Task<HttpValidationProblemDetails> ReadProblem(this Task<HttpResponseMessage> response, HttpStatusCode status) =>
        await (await response).ReadProblem(status);

    /// <summary>Asserts a 400 whose per-field errors name exactly <paramref name="fields"/>.</summary>
    public static async Task<IDictionary<string, string[]>> ReadValidationProblem(this HttpResponseMessage response, params string[] fields)
    {
        var problem = await response.ReadProblem(HttpStatusCode.BadRequest);
        Assert.Equal(fields.Order(StringComparer.Ordinal), problem.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(problem.Errors.Values, messages => Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m))));
        return problem.Errors;
    }

    public static async Task<IDictionary<string, string[]>> ReadValidationProblem(this Task<HttpResponseMessage> response, params string[] fields) =>
        await (await response).ReadValidationProblem(fields);
}
