using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Crm.BuildingBlocks.Hosting;

/// <summary>What every process of the platform has: telemetry, health, token validation, problem details, OpenAPI.</summary>
public static class ServiceDefaults
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.AddPlatformTelemetry();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        builder.Services.AddPlatformProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new EnumNamesConverter()));
        builder.AddPlatformAuthentication();
        return builder;
    }

    /// <summary>Adds one OpenAPI document for a service's endpoints, served at /api/{service}/openapi.json.</summary>
    public static IHostApplicationBuilder AddServiceOpenApi(this IHostApplicationBuilder builder, string service)
    {
        builder.Services.AddOpenApi(service, o =>
        {
            o.ShouldInclude = d => d.GroupName == service;
            o.AddDocumentTransformer<BearerSecurityTransformer>();
            o.AddSchemaTransformer<PlatformSchemaTransformer>();
            o.AddDocumentTransformer<SameOriginServerTransformer>();
            o.AddOperationTransformer<CamelCaseQueryTransformer>();
            o.AddOperationTransformer<AuthorizationTransformer>();
        });
        return builder;
    }

    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseCorrelationId();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag), ResponseWriter = WriteHealth }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = r => r.Tags.Contains(ReadyTag), ResponseWriter = WriteHealth }).AllowAnonymous();
        app.MapOpenApi("/api/{documentName}/openapi.json").AllowAnonymous();
        return app;
    }

    // Each check's own status, so an operator sees which dependency is down, not just "Unhealthy".
    private static Task WriteHealth(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
}
