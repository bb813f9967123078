using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Crm.Benchmarks;

internal static class Clients
{
    /// <summary>A client with its own connection pool, big enough that every concurrent request has its own connection.</summary>
    public static HttpClient Create(Uri baseAddress, string token, int concurrency)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency + 8,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }
}

/// <summary>The few platform calls the benchmarks make. Every unexpected status throws with the response body.</summary>
internal static class Api
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<Guid> RegisterCustomerAsync(HttpClient client, string name, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("api/customers", new { name, kind = "Dealer", region = "EAST" }, Json, cancellationToken);
        return (await ReadAsync<IdOnly>(response, HttpStatusCode.Created, "POST /api/customers", cancellationToken)).Id;
    }

    /// <summary>A contract for the customer drafted (by gm) from the standard template, completed and approved by the branch manager.</summary>
    public static async Task<Guid> ApprovedContractAsync(HttpClient drafter, HttpClient branchManager, Guid customerId, string title, CancellationToken cancellationToken) =>
        Guid.Parse(await Crm.Testing.ContractsApi.ApprovedAsync(drafter, _ => branchManager, customerId.ToString(), "EAST", title, cancellationToken));

    /// <summary>The customer's grade as Customers reports it, or throws on anything but 200.</summary>
    public static async Task<string> GradeAsync(HttpClient customers, Guid customerId, CancellationToken cancellationToken)
    {
        using var response = await customers.GetAsync($"api/customers/{customerId}", cancellationToken);
        return (await ReadAsync<GradeOnly>(response, HttpStatusCode.OK, "GET /api/customers/{id}", cancellationToken)).Grade;
    }

    /// <summary>True once Contracts' read model holds the customer (200), false while it does not yet (404).</summary>
    public static async Task<bool> ContractsKnowsCustomerAsync(HttpClient contracts, Guid customerId, CancellationToken cancellationToken)
    {
        using var response = await contracts.GetAsync($"api/contracts/customers/{customerId}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }

        await ReadAsync<JsonElement>(response, HttpStatusCode.OK, "GET /api/contracts/customers/{id}", cancellationToken);
        return true;
    }

    /// <summary>
    /// A permit valid now: an urgent visit to the customer (registered in EAST) applied for by <paramref name="applicant"/>,
    /// approved by the branch manager and the regional director of EAST, once Hospitality's read model holds the customer.
    /// </summary>
    public static async Task<(string Number, string Code)> ApprovedPermitAsync(
        HttpClient applicant, HttpClient manager, HttpClient director, Guid customerId, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await applicant.GetAsync($"api/hospitality/customers/{customerId}", cancellationToken)).StatusCode == HttpStatusCode.NotFound)
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new InvalidOperationException($"Hospitality's read model did not get customer {customerId} within 30 s.");
            }

            await Task.Delay(200, cancellationToken);
        }

        var now = DateTimeOffset.UtcNow;
        using var applied = await applicant.PostAsJsonAsync("api/hospitality/applications", new
        {
            customerId,
            visit = new
            {
                visitors = new[] { new { name = "王总", position = "总经理", isKeyPerson = true } },
                start = now.AddMinutes(5), end = now.AddHours(8), purpose = "Benchmark visit", hostId = "gm", urgent = true,
            },
        }, Json, cancellationToken);
        var id = (await ReadAsync<IdOnly>(applied, HttpStatusCode.Created, "POST /api/hospitality/applications", cancellationToken)).Id;
        Permit? permit = null;
        foreach (var approver in new[] { manager, director })
        {
            using var decided = await approver.PostAsJsonAsync($"api/hospitality/applications/{id}/decide", new { decision = "Approve" }, Json, cancellationToken);
            permit = await ReadAsync<Permit>(decided, HttpStatusCode.OK, "POST /api/hospitality/applications/{id}/decide", cancellationToken);
        }

        return permit is { PermitNumber: { } number, PermitCode: { } code }
            ? (number, code)
            : throw new InvalidOperationException("The approved application has no permit.");
    }

    /// <summary>Whether the gate lets the permit's visitors in now, or throws on anything but 200.</summary>
    public static async Task<bool> PermitValidAsync(HttpClient client, string permit, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync($"api/hospitality/gate/{permit}", cancellationToken);
        return (await ReadAsync<GateCheck>(response, HttpStatusCode.OK, "GET /api/hospitality/gate/{permit}", cancellationToken)).Valid;
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, HttpStatusCode expected, string what, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"{what} returned {(int)response.StatusCode} {response.StatusCode}, expected {(int)expected}: {Truncate(body)}");
        }

        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new InvalidOperationException($"{what} returned an empty body.");
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "...";

    private sealed record IdOnly(Guid Id);

    private sealed record GradeOnly(string Grade);

    private sealed record Permit(string? PermitNumber, string? PermitCode);

    private sealed record GateCheck(bool Valid);
}
