using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.BuildingBlocks.Http;

/// <summary>Every 403 of the platform: a problem details that says why, never a bare Forbid.</summary>
public static class Refusals
{
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    /// <summary>The CRM supervisor (or an admin) owns the rules: routing, SLAs, calendars, weights, exports, owners, audit.</summary>
    public static ProblemHttpResult OnlyStewards(string what) =>
        Forbidden($"Only the CRM supervisor and admins may {what}.");
}
