using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.BuildingBlocks.Audit;

public sealed record AuditQuery(
    Guid? SubjectId, [property: MaxLength(AuditEntry.UserIdLength)] string? UserId, [property: MaxLength(AuditEntry.ActionLength)] string? Action,
    DateTimeOffset? From, DateTimeOffset? To, int? Page, int? PageSize);

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string UserId, string Action, Guid? SubjectId, string Details);

/// <summary>A service's audit log, for the CRM supervisor (and admins), newest first: <c>GET /audit</c> of every service.</summary>
public static class AuditLog
{
    /// <param name="operation">The operation's name in the service's OpenAPI document.</param>
    /// <param name="subjects">What the service's lines are about, for the summary ("customer", "contract").</param>
    /// <param name="actions">The static class whose string constants name the service's actions.</param>
    public static RouteHandlerBuilder MapAuditLog<TContext>(this RouteGroupBuilder api, string operation, string subjects, Type actions)
        where TContext : ServiceDbContext
    {
        var names = actions.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToHashSet(StringComparer.Ordinal);
        return api.MapGet("/audit", new Reader<TContext>(names).Handle)
            .WithName(operation)
            .RequireAuthorization(Policies.Stewards)
            .WithSummary($"Who changed which {subjects}, when and what: filter by subject, user, action and period. CRM supervisor or admin only.");
    }

    // The context is resolved by hand: ASP.NET's route handler analyzer crashes on a handler parameter of generic type.
    private sealed class Reader<TContext>(IReadOnlySet<string> actions) where TContext : ServiceDbContext
    {
        public Task<Results<Ok<PagedResult<AuditEntryResponse>>, ValidationProblem>> Handle([AsParameters] AuditQuery query, HttpContext http) =>
            Read(query, actions, http.RequestServices.GetRequiredService<TContext>(), http);
    }

    private static async Task<Results<Ok<PagedResult<AuditEntryResponse>>, ValidationProblem>> Read(
        AuditQuery query, IReadOnlySet<string> actions, ServiceDbContext db, HttpContext http)
    {
        var validation = new Validation().Limits(query);
        var (page, pageSize) = Paging.Check(validation, query.Page, query.PageSize);
        if (!string.IsNullOrEmpty(query.Action) && query.Action.Length <= AuditEntry.ActionLength && !actions.Contains(query.Action))
        {
            validation.Add("action", $"Must be one of: {string.Join(", ", actions.Order(StringComparer.Ordinal))}.");
        }

        if (query is { From: { } start, To: { } end } && start > end)
        {
            validation.Add("to", "Must not be before from.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var entries = db.AuditLog.AsNoTracking();
        if (query.SubjectId is { } subjectId)
        {
            entries = entries.Where(a => a.SubjectId == subjectId);
        }

        if (!string.IsNullOrEmpty(query.UserId))
        {
            entries = entries.Where(a => a.UserId == query.UserId);
        }

        if (!string.IsNullOrEmpty(query.Action))
        {
            entries = entries.Where(a => a.Action == query.Action);
        }

        if (query.From is { } from)
        {
            var utcFrom = from.ToUniversalTime();
            entries = entries.Where(a => a.At >= utcFrom);
        }

        if (query.To is { } to)
        {
            var utcTo = to.ToUniversalTime();
            entries = entries.Where(a => a.At <= utcTo);
        }

        var total = await entries.CountAsync(http.RequestAborted);
        // Ids grow with time, so ordering by id is newest first without sorting on a date column.
        var items = await entries.OrderByDescending(a => a.Id).TakePage(page, pageSize)
            .Select(a => new AuditEntryResponse(a.Id, a.At, a.UserId, a.Action, a.SubjectId, a.Details))
            .ToListAsync(http.RequestAborted);
        return TypedResults.Ok(new PagedResult<AuditEntryResponse>(items, page, pageSize, total));
    }
}
