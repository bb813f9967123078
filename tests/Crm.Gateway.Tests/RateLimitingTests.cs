using System.Net;
using Crm.Testing;

namespace Crm.Gateway.Tests;

public sealed class RateLimitingTests : IAsyncLifetime
{
    private GatewayTestHost gateway = null!;

    public async Task InitializeAsync() =>
        gateway = await GatewayTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimiting:TokenLimit"] = "3",
            ["RateLimiting:TokensPerSecond"] = "1",
        });

    public async Task DisposeAsync() => await gateway.DisposeAsync();

    [Fact]
    public async Task a_user_over_the_limit_gets_too_many_requests_while_another_user_still_gets_through()
    {
        var busy = gateway.Client(await gateway.AccessToken("rep.east"));
        var other = gateway.Client(await gateway.AccessToken("rep.north"));

        for (var request = 1; request <= 3; request++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync(GatewayTestHost.ProbePath)).StatusCode);
        }

        var limited = await busy.GetAsync(GatewayTestHost.ProbePath);

        var problem = await limited.ReadProblem(HttpStatusCode.TooManyRequests);
        Assert.False(string.IsNullOrWhiteSpace(problem.Title));
        Assert.True(limited.Headers.RetryAfter is not null, "A 429 tells the client when to retry.");
        Assert.Equal("rep.north", await other.GetStringAsync(GatewayTestHost.ProbePath));
    }
}
