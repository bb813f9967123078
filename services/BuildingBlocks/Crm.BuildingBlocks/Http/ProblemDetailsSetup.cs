using System.Text.Json;
using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Resilience;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.BuildingBlocks.Http;

public static class ProblemDetailsSetup
{
    public static IServiceCollection AddPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<PlatformExceptionHandler>();

        // Binding failures (malformed JSON, an unknown enum name) reach the handler below, which names the field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }
}

/// <summary>
/// Turns the exceptions that mean "the caller did something wrong" into RFC 9457 problem details, so that bad input
/// and lost races never surface as a 500, and an unavailable dependency is a 503 with Retry-After. Anything else stays
/// a 500 and is logged by the framework.
/// </summary>
internal sealed partial class PlatformExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad => BadRequest(bad),
            StaleVersionException stale => ChangedMeanwhile(stale.Message),
            DbUpdateConcurrencyException => ChangedMeanwhile("The resource was changed by someone else. Reload it and try again."),
            _ when Data.UniqueKeys.IsViolation(exception) => ChangedMeanwhile("Someone else saved the same thing at the same moment. Reload it and try again."),
            DomainRuleException rule => Refused(rule.Message),
            _ when TransientFaults.IsTransient(exception) => Unavailable(httpContext),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static HttpValidationProblemDetails BadRequest(BadHttpRequestException exception)
    {
        // Name the field: from the JSON path of a bad body ("$.kind" → "kind"), or from the parameter that a query or
        // route value failed to bind to ("Nullable<int> Page" → "page").
        var json = exception.InnerException as JsonException;
        var binding = BindingFailure().Match(exception.Message);
        var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.')
            : binding.Success ? JsonNamingPolicy.CamelCase.ConvertName(binding.Groups["name"].Value)
            : "body";
        var message = json is null && !binding.Success
            ? exception.Message
            : "Not a valid value for this field (check its type, or the allowed names of a choice).";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = exception.StatusCode,
            Title = "The request is not valid.",
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex("^Failed to bind parameter \"(?:[^\"]* )?(?<name>[^ \"]+)\" from ")]
    private static partial System.Text.RegularExpressions.Regex BindingFailure();

    /// <summary>
    /// A dependency (the database, the broker) is down or out of connections: nothing was changed, and the same request
    /// can simply be sent again later.
    /// </summary>
    private static Microsoft.AspNetCore.Mvc.ProblemDetails Unavailable(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new()
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Service temporarily unavailable",
            Detail = $"A service this request needs is unavailable right now; nothing was changed. Try again in {RetryAfterSeconds} seconds.",
        };
    }

    private const int RetryAfterSeconds = 5;

    /// <summary>Someone else changed the resource first: reloading and doing it again will do.</summary>
    private static Microsoft.AspNetCore.Mvc.ProblemDetails ChangedMeanwhile(string detail) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Type = ProblemTypes.ChangedMeanwhile,
        Title = "Changed meanwhile",
        Detail = detail,
    };

    /// <summary>A business rule refuses the operation in the resource's current state: doing it again will not do.</summary>
    private static Microsoft.AspNetCore.Mvc.ProblemDetails Refused(string detail) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Type = ProblemTypes.BusinessRule,
        Title = "Refused by a business rule",
        Detail = detail,
    };
}
