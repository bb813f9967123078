using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Contracts.Features;

/// <summary>
/// Submission for approval: refused with a 400 naming every missing field while a required part is incomplete; else
/// the rules give the chain from the contract's value, its authority (exclusive or not), whether its clauses deviate
/// from its template's, and its credit check (客户信用管理): for a contract on credit, the customer's limit against what
/// it already owes on contracts on credit approved, signed or in force, plus this one.
/// </summary>
public static class SubmitContract
{
    public static void MapSubmitContract(this RouteGroupBuilder api) =>
        api.MapPost("/{id:guid}/submit", Handle)
            .WithName("SubmitContract")
            .WithSummary("Submits a complete draft (or returned contract) along the chain its value, authority, clauses and credit give; publishes ContractSubmitted. Honours If-Match.");

    private static async Task<Results<Ok<ContractResponse>, Results<ValidationProblem, NotFound, ProblemHttpResult>>> Handle(
        Guid id, ContractsDbContext db, CurrentUser user, HttpContext http, TimeProvider time)
    {
        var (contract, refusal) = await db.FindForWork(id, user, http);
        if (contract is null)
        {
            return refusal!;
        }

        var catalogue = await db.CatalogueAsync(http.RequestAborted);
        var missing = new Validation();
        foreach (var (field, rule) in contract.Terms.Missing(catalogue))
        {
            missing.Add(field, rule);
        }

        if (!missing.IsValid)
        {
            return (Results<ValidationProblem, NotFound, ProblemHttpResult>)missing.ToProblem();
        }

        var template = await db.TemplateVersionAsync(contract.TemplateCode, contract.TemplateVersion, time, http.RequestAborted);
        var credit = await db.CreditCheckAsync(contract, http.RequestAborted);
        var rules = await db.RulesAsync(time, http.RequestAborted);
        var chain = rules.ChainFor(contract, template, credit);
        contract.Submit(chain, credit, user.Id, time.GetUtcNow());
        await db.SaveChangesAsync(http.RequestAborted);
        http.Response.SetETag(contract.Version);
        return TypedResults.Ok(ContractResponse.From(contract));
    }

    /// <summary>
    /// The customer's credit limit (from Customers' events) against its exposure: the value of its other contracts on
    /// credit that are approved, signed or in force, in the contract's currency.
    /// </summary>
    public static async Task<CreditCheck> CreditCheckAsync(this ContractsDbContext db, Contract contract, CancellationToken cancellationToken)
    {
        var customer = await db.CustomerSnapshots.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contract.CustomerId, cancellationToken);
        var currency = contract.Value.Currency;
        var exposed = await db.Contracts.AsNoTracking()
            .Where(c => c.CustomerId == contract.CustomerId && c.Id != contract.Id && Contract.Exposed.Contains(c.Status) && c.Value.Currency == currency)
            .Select(c => new { c.Value.Amount, c.Terms })
            .ToListAsync(cancellationToken);
        var limit = customer?.CreditCurrency == currency ? customer.CreditLimit : null;
        return new CreditCheck(contract.Terms.OnCredit(), limit, exposed.Where(c => c.Terms.OnCredit()).Sum(c => c.Amount), contract.Value.Amount, currency);
    }
}
