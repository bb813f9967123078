using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Security;
using Crm.Gateway.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace Crm.Gateway.Tests;

/// <summary>
/// The gateway's edge in process (user store, token endpoint, discovery, rate limiter) over a SQLite file of its own,
/// with the demo users, plus one authenticated probe endpoint standing in for a proxied service.
/// </summary>
public sealed class GatewayTestHost : IAsyncDisposable
{
    public const string ProbePath = "/api/probe/whoami";

    private readonly WebApplication app;
    private readonly string directory;

    private GatewayTestHost(WebApplication app, string directory)
    {
        this.app = app;
        this.directory = directory;
    }

    public static async Task<GatewayTestHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var directory = Directory.CreateTempSubdirectory("crm-gateway-test-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Database"] = $"Data Source={Path.Combine(directory, "gateway.db")}",
            ["Gateway:SeedDemoUsers"] = "true",
            ["Auth:SigningKeyPath"] = Path.Combine(directory, "signing-key.pem"),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddServiceDefaults();
        builder.AddGatewayEdge();
        var app = builder.Build();
        app.UseGatewayEdge();
        app.MapGet(ProbePath, (HttpContext http) => new CurrentUser(http.User).Id);
        await app.StartAsync();
        return new GatewayTestHost(app, directory);
    }

    public HttpClient Client(string? accessToken = null)
    {
        var client = app.GetTestClient();
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return client;
    }

    public Task<HttpResponseMessage> RequestToken(string userName, string password = DemoUsers.Password, string grantType = "password") =>
        Client().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = grantType,
            ["username"] = userName,
            ["password"] = password,
        }));

    public async Task<string> AccessToken(string userName)
    {
        var response = await RequestToken(userName);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TokenResponse>())!.AccessToken;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background task; the temp folder is cleaned by the OS eventually.
        }
    }

    /// <summary>RFC 6749 §5.1.</summary>
    public sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string AccessToken,
        [property: JsonPropertyName("token_type")] string TokenType,
        [property: JsonPropertyName("expires_in")] int ExpiresIn);

    /// <summary>RFC 6749 §5.2.</summary>
    public sealed record TokenError(
        [property: JsonPropertyName("error")] string Error,
        [property: JsonPropertyName("error_description")] string Description);
}

/// <summary>One gateway shared by a test class; each test signs in as users no other test of the class uses.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public GatewayTestHost Gateway { get; private set; } = null!;

    public async Task InitializeAsync() => Gateway = await GatewayTestHost.StartAsync();

    public async Task DisposeAsync() => await Gateway.DisposeAsync();
}
