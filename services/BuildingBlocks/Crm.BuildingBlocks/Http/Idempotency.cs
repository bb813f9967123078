using System.Security.Cryptography;
using System.Text;
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

    /// <summary>
    /// A creating POST that honours Idempotency-Key: a repeat returns the first result and creates nothing; the same key
    /// with a different request is refused with 422 (IETF draft-ietf-httpapi-idempotency-key-header), never answered
    /// with the first request's result.
    /// </summary>
    public static RouteHandlerBuilder WithIdempotency<TContext>(this RouteHandlerBuilder endpoint) where TContext : ServiceDbContext =>
        endpoint.AddEndpointFilter<IdempotencyFilter<TContext>>();
}

/// <summary>
/// Runs the handler and stores its answer in one database transaction, keyed by caller, route and key, with a hash of
/// the request. Two concurrent requests with the same key cannot both create: the second one's insert of the record
/// fails on the primary key, its whole transaction rolls back, and it answers with the first one's stored result.
/// The hash is of the request as bound (its records serialized as JSON, and the query string), not of the raw bytes:
/// the body stream is consumed before filters run, and a retry that only reorders or reformats the JSON is the same request.
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
        var hash = RequestHash(context);
        if (await Find(scope, key, http.RequestAborted) is { } stored)
        {
            return Replay(stored, hash);
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
                    RequestHash = hash,
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
            return await Find(scope, key, http.RequestAborted) is { } first ? Replay(first, hash) : throw new InvalidOperationException("Idempotency record vanished.");
        }
    }

    private Task<IdempotencyRecord?> Find(string scope, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Scope == scope && r.Key == key, cancellationToken);

    private string RequestHash(EndpointFilterInvocationContext context)
    {
        var request = new StringBuilder(context.HttpContext.Request.QueryString.Value);
        foreach (var argument in context.Arguments.Where(a => a is not null && RequestLimits.IsRecord(a.GetType())))
        {
            request.Append('\n').Append(JsonSerializer.Serialize(argument, argument!.GetType(), json.Value.SerializerOptions));
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.ToString())));
    }

    // A record from before request hashes were kept (null) replays as it always did.
    private static IResult Replay(IdempotencyRecord stored, string hash) =>
        stored.RequestHash is null || stored.RequestHash == hash
            ? new ReplayedResult(stored)
            : TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Idempotency-Key reused",
                detail: $"This {Idempotency.HeaderName} was used with a different request. Send a new key for a new request.");

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
