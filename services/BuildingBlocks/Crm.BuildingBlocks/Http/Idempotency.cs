using System.Text.Json;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crm.BuildingBlocks.Http;

public static class Idempotency
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>A creating POST that honours Idempotency-Key: a repeat returns the first result and creates nothing.</summary>
    public static RouteHandlerBuilder WithIdempotency<TContext>(this RouteHandlerBuilder endpoint) where TContext : ServiceDbContext =>
        endpoint.AddEndpointFilter<IdempotencyFilter<TContext>>();
}

/// <summary>
/// Runs the handler and stores its answer in one database transaction, keyed by caller, route and key. Two
/// concurrent requests with the same key cannot both create: the second one's insert of the record fails on the
/// primary key, its whole transaction rolls back, and it answers with the first one's stored result.
/// </summary>
internal sealed class IdempotencyFilter<TContext>(TContext db, IOptions<JsonOptions> json, TimeProvider time) : IEndpointFilter
    where TContext : ServiceDbContext
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var key = http.Request.Headers[Idempotency.HeaderName].ToString();
        if (key.Length == 0)
        {
            return await next(context);
        }

        if (key.Length > 100)
        {
            return new Validation().Add(Idempotency.HeaderName, "At most 100 characters.").ToProblem();
        }

        var scope = $"{new CurrentUser(http.User).Id} {http.Request.Method} {http.Request.Path}";
        if (await Find(scope, key, http.RequestAborted) is { } stored)
        {
            return Replay(stored);
        }

        // The handler and the record of its answer commit together (retried together on a transient failure), so a
        // creation is never stored without its record, nor a record without its creation.
        try
        {
            return await db.InTransactionAsync(async ct =>
            {
                var result = await next(context);
                var inner = result is INestedHttpResult nested ? nested.Result : result;
                if (inner is not (IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } status and IValueHttpResult value))
                {
                    return (false, result);
                }

                db.IdempotencyRecords.Add(new IdempotencyRecord
                {
                    Scope = scope,
                    Key = key,
                    StatusCode = status.StatusCode!.Value,
                    ResponseBody = JsonSerializer.Serialize(value.Value, json.Value.SerializerOptions),
                    // Created<T> and Accepted<T> expose Location without a shared interface.
                    Location = inner.GetType().GetProperty("Location")?.GetValue(inner) as string,
                    CreatedAt = time.GetUtcNow(),
                });
                await db.SaveChangesAsync(ct);
                return (true, result);
            }, http.RequestAborted);
        }
        catch (DbUpdateException)
        {
            // A concurrent request with the same key committed first: answer with its result.
            db.ChangeTracker.Clear();
            return await Find(scope, key, http.RequestAborted) is { } first ? Replay(first) : throw new InvalidOperationException("Idempotency record vanished.");
        }
    }

    private Task<IdempotencyRecord?> Find(string scope, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);

    private static IResult Replay(IdempotencyRecord stored) => new ReplayedResult(stored);

    private sealed class ReplayedResult(IdempotencyRecord stored) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = stored.StatusCode;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            httpContext.Response.Headers["Idempotent-Replayed"] = "true";
            if (stored.Location is not null)
            {
                httpContext.Response.Headers.Location = stored.Location;
            }

            await httpContext.Response.WriteAsync(stored.ResponseBody);
        }
    }
}
