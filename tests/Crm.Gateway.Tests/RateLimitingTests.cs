using System.Net;
using Crm.Testing;

namespace Crm.Gateway.Tests;

/// <remarks>
/// The limiter takes no TimeProvider, so time is taken out of the test instead: the bucket holds 3 tokens and gains one
/// an hour, which no run of this test outlasts. The fourth request is refused however slow the machine.
/// </remarks>
public sealed class RateLimitingTests : IAsyncLifetime
{
    private const int Burst = 3;

    private GatewayTestHost gateway = null!;

    public async Task InitializeAsync() =>
        gateway = await GatewayTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:TokenLimit"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimiting:TokensPerPeriod"] = "1",
            ["RateLimiting:ReplenishmentPeriod"] = "01:00:00",
        });

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Fact]
    public async Task a_user_over_the_limit_gets_too_many_requests_while_another_user_still_gets_through()
    {
        var busy = gateway.Client(await gateway.AccessToken("rep.east"));
        var other = gateway.Client(await gateway.AccessToken("rep.north"));

        for (var request = 1; request <= Burst; request++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync(GatewayTestHost.ProbePath)).StatusCode);
        }

        var limited = await busy.GetAsync(GatewayTestHost.ProbePath);

        var problem = await limited.ReadProblem(HttpStatusCode.TooManyRequests);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title));
        Assert.True(limited.Headers.RetryAfter is not null, "A 429 tells the client when to retry.");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await busy.GetAsync(GatewayTestHost.ProbePath)).StatusCode);
        Assert.Equal("rep.north", await other.GetStringAsync(GatewayTestHost.ProbePath));
    }
}
