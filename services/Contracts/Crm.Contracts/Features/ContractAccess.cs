using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Crm.Contracts.Features;

/// <summary>
/// Who may do what with contracts, on top of <see cref="CurrentUser"/>'s scoping (reps their customers' contracts,
/// managers and directors their regions, headquarters all), plus the contract custodian, who sees the contracts of
/// their regions because they hold the originals, and dealer administration, which settles their rebates. The customer's rep and the region's managers draft, revise, submit,
/// record the signature and terminate; the role a contract waits for decides its step (a manager of its region, or
/// headquarters for the headquarters roles), never on a contract they drafted.
/// </summary>
public static class ContractAccess
{
    public static bool MaySeeContract(this CurrentUser user, Contract contract) =>
        user.MaySee(contract) || (user.SeesRegionsContracts() && user.Regions.Contains(contract.Region));

    public static IQueryable<Contract> VisibleContracts(this IQueryable<Contract> contracts, CurrentUser user)
    {
        if (!user.SeesRegionsContracts())
        {
            return contracts.VisibleTo(user);
        }

        var regions = user.Regions.ToList();
        return user.SeesAllRegions ? contracts : contracts.Where(c => regions.Contains(c.Region));
    }

    /// <summary>The roles that see every contract of their regions without working on them.</summary>
    private static bool SeesRegionsContracts(this CurrentUser user) =>
        user.IsInRole(Roles.ContractCustodian) || user.IsInRole(Roles.DealerAdministrator);

    public static bool MayWork(this CurrentUser user, Contract contract) => user.MayWorkOn(contract);

    public static bool MayDecide(this CurrentUser user, Contract contract) =>
        contract.WaitingFor is { } role && user.IsInRole(role) && (Roles.Headquarters.Contains(role) || user.Regions.Contains(contract.Region));

    /// <summary>The contract the caller is about to work on, through the one prologue of every change (<see cref="ChangePrologue"/>).</summary>
    public static Task<(Contract? Found, Results<ValidationProblem, NotFound, ProblemHttpResult>? Refusal)> FindForWork(
        this ContractsDbContext db, Guid id, CurrentUser user, HttpContext http, Validation? validation = null) =>
        db.Contracts.FindForChange(id, http, validation, user.MaySeeContract, user.MayWork,
            "Only the customer's rep and the managers of its region work on its contracts.");

    /// <summary>
    /// The contract the caller is about to decide on: a 403 when it waits for another role (or region); one that waits for
    /// no decision at all is the domain's 409.
    /// </summary>
    public static Task<(Contract? Found, Results<ValidationProblem, NotFound, ProblemHttpResult>? Refusal)> FindForDecision(
        this ContractsDbContext db, Guid id, CurrentUser user, HttpContext http, Validation validation) =>
        db.Contracts.FindForChange(id, http, validation, c => user.MaySeeContract(c) || user.MayDecide(c), c => c.WaitingFor is null || user.MayDecide(c),
            c => $"Contract {c.Number} waits for the {c.WaitingFor} of {c.Region}.");
}
