using Crm.BuildingBlocks.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.BuildingBlocks.Http;

/// <summary>Every 403 of the platform: a problem details that says why, never a bare Forbid.</summary>
public static class Refusals
{
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    /// <summary>A stewards-only change found inside a request (the route's policy cannot see it), in the policy's words.</summary>
    public static ProblemHttpResult OnlyStewards(string what) =>
        Forbidden($"Only {Policies.Describe(Policies.Stewards)} may {what}.");
}
