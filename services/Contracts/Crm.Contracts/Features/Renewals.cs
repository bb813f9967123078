using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crm.Contracts.Features;

public sealed record LapseRequest([property: MaxLength(ContractLimits.Reason)] string? Reason);

/// <summary>A contract in force ending soon: how many days are left, and whether it is renewed or let lapse.</summary>
public sealed record EndingContract(
    Guid Id, string Number, Guid CustomerId, string CustomerName, string Region, string OwnerId, ContractStatus Status, DateOnly EffectiveUntil, int DaysLeft,
    string? SucceededBy, string? LapseReason);

public sealed record RenewalsReport(DateOnly Today, int WithinDays, IReadOnlyList<EndingContract> Contracts, IReadOnlyList<RenewalsCount> ByOwner);

public sealed record RenewalsCount(string Region, string OwnerId, int Ending, int Renewed, int LetLapse);

/// <summary>
/// What comes after a contract: an amendment (修订, a new version that goes through approval again; the old one is
/// superseded when it is signed, and kept), a renewal (续签, the next term), or letting it lapse on purpose, which stops
/// its renewal reminders. The renewals report lists the contracts in force ending within N days (60 by default) per
/// owner and region.
/// </summary>
public static class Renewals
{
    public static void MapRenewals(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/amend", (Guid id, ContractsDbContext db, CurrentUser user, HttpContext http, TimeProvider time) =>
                Follow(id, db, user, http, time, (c, number, now) => c.Amend(number, user.Id, now)))
            .WithIdempotency<ContractsDbContext>()
            .WithName("AmendContract").WithSummary("Drafts an amendment of a signed or active contract: its terms copied into a new draft that goes through approval again.");
        api.MapPost("/{id:guid}/renew", (Guid id, ContractsDbContext db, CurrentUser user, HttpContext http, TimeProvider time) =>
                Follow(id, db, user, http, time, (c, number, now) => c.Renew(number, user.Id, now)))
            .WithIdempotency<ContractsDbContext>()
            .WithName("RenewContract").WithSummary("Drafts the next term of a signed, active or expired contract: its terms, with the period starting the day after it ends and lasting as long.");
        api.MapPost("/{id:guid}/let-lapse", LetLapse)
            .WithName("LetContractLapse").WithSummary("Marks a contract in force to end without renewal, with the reason; its reminders stop. Honours If-Match.");
        api.MapGet("/renewals", Report)
            .WithName("RenewalsReport").WithSummary("Contracts in force the caller sees that end within ?withinDays= (60 by default), soonest first, and counts per owner and region.");
    }

    private static async Task<Results<Created<ContractResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Follow(
        Guid id, ContractsDbContext db, CurrentUser user, HttpContext http, TimeProvider time, Func<Contract, string, DateTimeOffset, Contract> next)
    {
        var (contract, refusal) = await db.FindForWork(id, user, http);
        if (contract is null)
        {
            return refusal!;
        }

        var now = time.GetUtcNow();
        var followed = next(contract, await db.NextNumberAsync("CT", now.Year, http.RequestAborted), now);
        db.Contracts.Add(followed);
        await db.SaveChangesAsync(http.RequestAborted);
        return TypedResults.Created($"/api/contracts/{followed.Id}", ContractResponse.From(followed));
    }

    private static async Task<Results<Ok<ContractResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> LetLapse(
        Guid id, LapseRequest request, ContractsDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var (contract, refusal) = await db.FindForWork(id, user, http, new Validation().Limits(request).Required("reason", request.Reason));
        if (contract is null)
        {
            return refusal!;
        }

        contract.LetLapse(request.Reason!.Trim(), user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(contract.Version);
        return TypedResults.Ok(ContractResponse.From(contract));
    }

    /// <summary>
    /// When the signed contract renews or amends another, that one learns its successor: an amendment supersedes it, a
    /// renewal stops its reminders.
    /// </summary>
    public static async Task MarkPredecessorAsync(this ContractsDbContext db, Contract signed, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if ((signed.AmendsContractId ?? signed.RenewsContractId) is { } previousId
            && await db.Contracts.FirstOrDefaultAsync(c => c.Id == previousId, cancellationToken) is { } previous)
        {
            previous.SucceededByContract(signed, at);
        }
    }

    private static async Task<Results<Ok<RenewalsReport>, ValidationProblem>> Report(
        ContractsDbContext db, CurrentUser user, TimeProvider time, IOptions<ContractsOptions> options, CancellationToken cancellationToken, int? withinDays = null)
    {
        var validation = new Validation();
        if (withinDays is < 0 or > 366)
        {
            validation.Add("withinDays", "From 0 to 366 days.");
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var within = withinDays ?? 60;
        var today = options.Value.DayOf(time.GetUtcNow());
        var inForce = await db.Contracts.AsNoTracking().VisibleContracts(user)
            .Where(c => c.Status == ContractStatus.Signed || c.Status == ContractStatus.Active)
            .ToListAsync(cancellationToken);
        var ending = inForce
            .Where(c => c.Terms.Signing?.EffectiveUntil is { } until && until.DayNumber - today.DayNumber is var left && left >= 0 && left <= within)
            .Select(c => new EndingContract(c.Id, c.Number, c.CustomerId, c.CustomerName, c.Region, c.OwnerId, c.Status, c.Terms.Signing!.EffectiveUntil!.Value,
                c.Terms.Signing.EffectiveUntil.Value.DayNumber - today.DayNumber, c.SucceededBy, c.LapseReason))
            .OrderBy(c => c.DaysLeft).ThenBy(c => c.Number, StringComparer.Ordinal)
            .ToList();
        var byOwner = ending.GroupBy(c => (c.Region, c.OwnerId))
            .Select(g => new RenewalsCount(g.Key.Region, g.Key.OwnerId, g.Count(), g.Count(c => c.SucceededBy is not null), g.Count(c => c.LapseReason is not null)))
            .OrderBy(c => c.Region, StringComparer.Ordinal).ThenBy(c => c.OwnerId, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new RenewalsReport(today, within, ending, byOwner));
    }
}
