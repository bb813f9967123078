using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Crm.BuildingBlocks.Http;

/// <summary>
/// Gives every request a correlation id: the caller's <c>X-Correlation-Id</c> or, at the edge, a new one. It is put back
/// on the request (so the gateway forwards it), echoed on the response, tagged on the trace, and in every log scope.
/// W3C trace context travels beside it, propagated by ASP.NET Core, YARP and MassTransit.
/// </summary>
public static class CorrelationId
{
    public const string HeaderName = "X-Correlation-Id";

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var id = context.Request.Headers[HeaderName].ToString();
            if (id.Length is 0 or > 128)
            {
                id = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
                context.Request.Headers[HeaderName] = id;
            }

            // Set last, so that behind the gateway the proxied service's copy of the header is replaced, not doubled.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[HeaderName] = id;
                return Task.CompletedTask;
            });
            Activity.Current?.SetTag("correlation.id", id);
            var logger = context.RequestServices.GetService(typeof(ILogger<CorrelationIdMarker>)) as ILogger;
            using (logger?.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
            {
                await next(context);
            }
        });

    private sealed class CorrelationIdMarker;
}
