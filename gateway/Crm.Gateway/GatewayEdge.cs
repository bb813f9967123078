using System.Threading.RateLimiting;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Hosting;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Gateway.Data;
using Crm.Gateway.Identity;
using Crm.Gateway.SignIn;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Crm.Gateway;

/// <summary>
/// What stands at the platform's edge, in the gateway and in the standalone host alike: the user store and the
/// OpenID Connect provider (<see cref="AuthorizationServer"/>), per-user rate limiting, and a browsable OpenAPI UI over
/// every service.
/// </summary>
public static class GatewayEdge
{
    public static readonly IReadOnlyList<string> Services = ["customers", "visits", "contracts", "complaints", "hospitality"];

    public static IHostApplicationBuilder AddGatewayEdge(this IHostApplicationBuilder builder)
    {
        builder.AddDatabase<GatewayDbContext, GatewaySqliteDbContext, GatewayPostgresDbContext, GatewaySqlServerDbContext>("Gateway");
        builder.Services.AddIdentityCore<PlatformUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GatewayDbContext>();
        builder.Services.AddOptions<GatewayOptions>().Bind(builder.Configuration.GetSection("Gateway")).ValidateDataAnnotations().ValidateOnStart();
        if (builder.Configuration.GetSection("Gateway").Get<GatewayOptions>() is { SeedDemoUsers: true })
        {
            builder.Services.AddHostedService<SeedDemoUsers>();
        }

        var keyPath = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>()?.SigningKeyPath
                      ?? Path.Combine(builder.Environment.ContentRootPath, "signing-key.pem");
        var signingKeys = new SigningKeys(keyPath, createIfMissing: true);
        builder.Services.AddSingleton(signingKeys);
        builder.Services.AddScoped<PlatformPrincipal>();
        builder.Services.AddLocalization();
        builder.Services.AddRazorComponents();

        // Chinese text written as itself, not as character references three times its size.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.AddAuthorizationServer(signingKeys, Path.Combine(Path.GetDirectoryName(Path.GetFullPath(keyPath))!, "encryption-key.pem"));
        builder.Services.AddOptions<RateLimitingOptions>().Bind(builder.Configuration.GetSection("RateLimiting")).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((o, options) =>
        {
            var limits = options.Value;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.GetTokenBucketLimiter(PartitionKey(http), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.TokenLimit,
                    TokensPerPeriod = limits.RefillPerPeriod,
                    ReplenishmentPeriod = limits.ReplenishmentPeriod,
                    QueueLimit = 0,
                }));
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = "1";
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = "Slow down and retry after a second." },
                });
            };
        });
        return builder;
    }

    /// <summary>Health, auth and rate limiting, then the edge's own endpoints. Call before mapping the services or the proxy.</summary>
    public static WebApplication UseGatewayEdge(this WebApplication app)
    {
        // Before authorization: the fallback policy (an authenticated caller) also covers requests that match no
        // endpoint, such as the UI's own files. The UI and the documents are public; the API calls it makes carry the
        // token its Authorize dialog gets from /connect/token (password grant).
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "swagger";
            o.DocumentTitle = "Crm.Platform API";
            foreach (var service in Services)
            {
                o.SwaggerEndpoint($"/api/{service}/openapi.json", service);
            }

            o.EnablePersistAuthorization();
        });
        app.UseServiceDefaults();
        app.UseAntiforgery();
        app.UseWhen(http => http.Request.Path.StartsWithSegments(SignInPage.Path), page => page.UseRequestLocalization(PlatformCultures.RequestLocalization));
        app.UseRateLimiter();
        app.MapAuthorizationServer();
        return app;
    }

    // Authenticated callers are limited per user, anonymous ones per address, so one busy user cannot starve the rest.
    private static string PartitionKey(HttpContext http) =>
        http.User.FindFirst(PlatformClaims.Subject)?.Value is { } user
            ? $"user:{user}"
            : $"ip:{http.Connection.RemoteIpAddress}";
}
