using System.ComponentModel.DataAnnotations;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Data;
using Crm.Customers.Domain;
using Crm.IntegrationEvents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Crm.Customers.Features;

/// <summary>Filters of a customer list; the text filters are at most as long as what they search.</summary>
public sealed record ListCustomersQuery(
    [property: MaxLength(CustomerLimits.Name)] string? Q,
    [property: MaxLength(CustomerLimits.Region)] string? Region,
    [property: MaxLength(20)] string? Grade,
    [property: MaxLength(20)] string? Tier,
    [property: MaxLength(CustomerLimits.UserId)] string? OwnerId,
    [property: MaxLength(20)] string? Status,
    int? Page,
    int? PageSize);

/// <summary>The parsed filters of a customer list, shared by search and export.</summary>
public sealed record CustomerFilter(string? Q, string? Region, CustomerGrade? Grade, CustomerTier? Tier, string? OwnerId, CustomerStatus? Status)
{
    public static CustomerFilter Parse(ListCustomersQuery query, Validation validation) => new(
        string.IsNullOrWhiteSpace(query.Q) ? null : query.Q.Trim(),
        query.Region,
        validation.EnumName<CustomerGrade>("grade", query.Grade),
        validation.EnumName<CustomerTier>("tier", query.Tier),
        query.OwnerId,
        validation.EnumName<CustomerStatus>("status", query.Status));

    /// <summary>
    /// Narrows the caller's customers: q matches a part of the name, the code, the phone or a key person's name; the
    /// other filters match exactly. Filters never widen the caller's scope.
    /// </summary>
    public IQueryable<Customer> Apply(IQueryable<Customer> customers, CustomersDbContext db)
    {
        if (Q is { } q)
        {
            var code = q.ToUpperInvariant();
            customers = customers.Where(c =>
                c.Name.Contains(q) || c.Code.Contains(code) || c.Code.Contains(q) || c.Phone.Contains(q)
                || db.KeyPersons.Any(k => k.CustomerId == c.Id && k.Name.Contains(q)));
        }

        if (Region is not null)
        {
            customers = customers.Where(c => c.Region == Region);
        }

        if (Grade is not null)
        {
            customers = customers.Where(c => c.Grade == Grade);
        }

        if (Tier is not null)
        {
            customers = customers.Where(c => c.Tier == Tier);
        }

        if (OwnerId is not null)
        {
            customers = customers.Where(c => c.OwnerId == OwnerId);
        }

        if (Status is not null)
        {
            customers = customers.Where(c => c.Status == Status);
        }

        return customers;
    }
}

public static class ListCustomers
{
    public static void MapListCustomers(this RouteGroupBuilder api) =>
        api.MapGet("/", Handle)
            .WithName("ListCustomers")
            .WithSummary("Searches the customers the caller may see: q (name, code, phone or key person), region, grade, tier, owner and status, a page at a time. Contact details are left out.");

    private static async Task<Results<Ok<PagedResult<CustomerResponse>>, ValidationProblem>> Handle(
        [AsParameters] ListCustomersQuery query, CustomersDbContext db, CurrentUser user, HttpContext http)
    {
        var validation = new Validation().Limits(query);
        var (page, pageSize) = Paging.Check(validation, query.Page, query.PageSize);
        var filter = CustomerFilter.Parse(query, validation);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var customers = filter.Apply(db.Customers.AsNoTracking().VisibleTo(user), db);
        var total = await customers.CountAsync(http.RequestAborted);
        var items = await customers.OrderBy(c => c.Name).ThenBy(c => c.Id).TakePage(page, pageSize).ToListAsync(http.RequestAborted);
        return TypedResults.Ok(new PagedResult<CustomerResponse>(items.Select(CustomerResponse.Summary).ToList(), page, pageSize, total));
    }
}
