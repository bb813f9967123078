using Crm.BuildingBlocks.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.BuildingBlocks.Http;

/// <summary>
/// The one prologue of every change of a versioned aggregate, in every service: 400 with the request's errors, 404 when
/// the aggregate does not exist or is outside the caller's scope (so its existence does not leak), 403 with
/// the rule's reason when the caller sees it but may not change it, 409 (thrown) when If-Match names an
/// older version. Which rows a caller sees and may change stays each service's data scoping, passed in as rules.
/// </summary>
public static class ChangePrologue
{
    public static async Task<(T? Found, Results<ValidationProblem, NotFound, ProblemHttpResult>? Refusal)> FindForChange<T>(
        this IQueryable<T> source, Guid id, HttpContext http, Validation? validation,
        Func<T, bool> maySee, Func<T, bool> mayChange, string refusal)
        where T : class, IVersionedAggregate =>
        await source.FindForChange(id, http, validation, maySee, mayChange, _ => refusal);

    /// <summary>The same, with a reason that names what the caller may not change (its department, its region).</summary>
    public static async Task<(T? Found, Results<ValidationProblem, NotFound, ProblemHttpResult>? Refusal)> FindForChange<T>(
        this IQueryable<T> source, Guid id, HttpContext http, Validation? validation,
        Func<T, bool> maySee, Func<T, bool> mayChange, Func<T, string> refusal)
        where T : class, IVersionedAggregate
    {
        if (validation is { IsValid: false })
        {
            return (null, validation.ToProblem());
        }

        var found = await source.FirstOrDefaultAsync(x => x.Id == id, http.RequestAborted);
        if (found is null || !maySee(found))
        {
            return (null, TypedResults.NotFound());
        }

        if (!mayChange(found))
        {
            return (null, Refusals.Forbidden(refusal(found)));
        }

        http.Request.EnsureMatches(found.Version);
        return (found, null);
    }
}
