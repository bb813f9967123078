using Crm.BuildingBlocks.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Crm.BuildingBlocks.Security;

/// <summary>
/// A caller refused by a policy gets a 403 problem details saying which rule refused them, like every other 403 of
/// the platform (<see cref="Refusals"/>); a caller without a valid token still gets the framework's 401 challenge.
/// </summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler framework = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden)
        {
            await framework.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var reasons = authorizeResult.AuthorizationFailure?.FailureReasons.Select(r => r.Message).Distinct().ToList() ?? [];
        var detail = reasons.Count > 0 ? string.Join(" ", reasons) : "Your role does not allow this.";
        await Refusals.Forbidden(detail).ExecuteAsync(context);
    }
}
