using Crm.BuildingBlocks.Data;
using Crm.BuildingBlocks.Domain;
using Crm.BuildingBlocks.Http;
using Crm.BuildingBlocks.Security;
using Crm.Contracts.Data;
using Crm.Contracts.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using System.ComponentModel.DataAnnotations;

namespace Crm.Contracts.Features;

public sealed record TemplateResponse(string Code, int Version, string Name, StandardClauses Clauses, DateTimeOffset PublishedAt, string PublishedBy)
{
    public static TemplateResponse From(ContractTemplate t) => new(t.Code, t.Version, t.Name, t.Clauses, t.PublishedAt, t.PublishedBy);
}

/// <summary>A template as the list shows it: its current version, without the clauses.</summary>
public sealed record TemplateSummary(string Code, int Version, string Name, DateTimeOffset PublishedAt, string PublishedBy)
{
    public static TemplateSummary From(ContractTemplate t) => new(t.Code, t.Version, t.Name, t.PublishedAt, t.PublishedBy);
}

public sealed record PublishTemplateRequest([property: MaxLength(ContractLimits.Name)] string? Name, StandardClauses? Clauses);

/// <summary>
/// The product catalogue (产品目录) every subject line names, and the standard contract text (标准合同文本) in its
/// versions. Anyone on the staff reads them; only the contract custodian publishes a template's new version (专人管理),
/// and a contract keeps the version it was drafted from.
/// </summary>
public static class Catalogue
{
    public static void MapCatalogue(this RouteGroupBuilder api)
    {
        api.MapGet("/catalogue", Products).WithName("ProductCatalogue").WithSummary("The products a contract's subject lines name, with list and floor prices.");
        api.MapGet("/templates", List).WithName("ListTemplates")
            .WithSummary("The templates in their current versions: the standard distribution agreement first, then the others by code.");
        api.MapGet("/templates/{code}", Latest).WithName("GetTemplate").WithSummary("The template's current version.");
        api.MapGet("/templates/{code}/versions/{version:int}", OfVersion).WithName("GetTemplateVersion").WithSummary("One version of a template, as contracts drafted from it keep it.");
        api.MapPut("/templates/{code}", Publish).RequireAuthorization(Policies.ContractCustody)
            .WithName("PublishTemplate").WithSummary("Publishes the template's text as its next version; contracts drafted before keep theirs. Honours If-Match (the current version).");
    }

    private static async Task<Ok<List<Product>>> Products(ContractsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Products.AsNoTracking().OrderBy(p => p.ProductLine).ThenBy(p => p.Code).ToListAsync(cancellationToken));

    /// <summary>The catalogue by product code, for checking and pricing subject lines.</summary>
    public static async Task<Dictionary<string, Product>> CatalogueAsync(this ContractsDbContext db, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking().ToDictionaryAsync(p => p.Code, cancellationToken);

    /// <summary>A template's current version: the newest published, or the documented standard while none is (version 1).</summary>
    public static async Task<ContractTemplate?> LatestTemplateAsync(this ContractsDbContext db, string code, TimeProvider time, CancellationToken cancellationToken)
    {
        var stored = await db.Templates.AsNoTracking().Where(t => t.Code == code).OrderByDescending(t => t.Version).FirstOrDefaultAsync(cancellationToken);
        return stored ?? (code == ContractTemplate.StandardCode ? ContractTemplate.Standard(time.GetUtcNow()) : null);
    }

    /// <summary>One version of a template: stored, or the documented standard's version 1.</summary>
    public static async Task<ContractTemplate?> TemplateVersionAsync(this ContractsDbContext db, string code, int version, TimeProvider time, CancellationToken cancellationToken)
    {
        var template = await db.Templates.AsNoTracking().FirstOrDefaultAsync(t => t.Code == code && t.Version == version, cancellationToken);
        return template ?? (code == ContractTemplate.StandardCode && version == ContractTemplate.StandardVersion ? ContractTemplate.Standard(time.GetUtcNow()) : null);
    }

    private static async Task<Results<Ok<PagedResult<TemplateSummary>>, ValidationProblem>> List(
        ContractsDbContext db, TimeProvider time, CancellationToken cancellationToken, int? page = null, int? pageSize = null)
    {
        var validation = new Validation();
        var (pageNumber, size) = Paging.Check(validation, page, pageSize);
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        // The standard text is always there (the documented one until the custodian publishes it), so it heads the
        // first page and the other templates' pages shift by one.
        var others = db.Templates.AsNoTracking()
            .Where(t => t.Code != ContractTemplate.StandardCode && !db.Templates.Any(newer => newer.Code == t.Code && newer.Version > t.Version));
        var total = await others.CountAsync(cancellationToken) + 1;
        var items = new List<TemplateSummary>(size);
        if (pageNumber == 1)
        {
            items.Add(TemplateSummary.From((await db.LatestTemplateAsync(ContractTemplate.StandardCode, time, cancellationToken))!));
        }

        var skip = pageNumber == 1 ? 0 : (pageNumber - 1) * size - 1;
        var stored = await others.OrderBy(t => t.Code).Skip(skip).Take(size - items.Count).ToListAsync(cancellationToken);
        items.AddRange(stored.Select(TemplateSummary.From));
        return TypedResults.Ok(new PagedResult<TemplateSummary>(items, pageNumber, size, total));
    }

    private static async Task<Results<Ok<TemplateResponse>, NotFound>> Latest([MaxLength(ContractLimits.Code)] string code, ContractsDbContext db, TimeProvider time, HttpContext http)
    {
        var template = await db.LatestTemplateAsync(code, time, http.RequestAborted);
        if (template is null)
        {
            return TypedResults.NotFound();
        }

        http.Response.SetETag(template.Version);
        return TypedResults.Ok(TemplateResponse.From(template));
    }

    private static async Task<Results<Ok<TemplateResponse>, NotFound>> OfVersion(
        [MaxLength(ContractLimits.Code)] string code, int version, ContractsDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        await db.TemplateVersionAsync(code, version, time, cancellationToken) is { } template ? TypedResults.Ok(TemplateResponse.From(template)) : TypedResults.NotFound();

    private static async Task<Results<Ok<TemplateResponse>, ValidationProblem>> Publish(
        [MaxLength(ContractLimits.Code)] string code, PublishTemplateRequest request, ContractsDbContext db, CurrentUser user, TimeProvider time, HttpContext http)
    {
        var validation = new Validation().Limits(request).Required("name", request.Name);
        if (code.Length is 0 or > ContractLimits.Code || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            validation.Add("code", "Letters, digits and hyphens, at most 30.");
        }

        var clauses = request.Clauses;
        if (clauses is null)
        {
            validation.Add("clauses", "Required: the standard clauses and the company's party details.");
        }
        else
        {
            validation.Required("clauses.quality", clauses.Quality).Required("clauses.deliveryTerms", clauses.DeliveryTerms)
                .Required("clauses.acceptance", clauses.Acceptance).Required("clauses.settlement", clauses.Settlement)
                .Required("clauses.orderingAndReturns", clauses.OrderingAndReturns).Required("clauses.breachAndDisputes", clauses.BreachAndDisputes)
                .Required("clauses.seller.registeredName", clauses.Seller?.RegisteredName);
        }

        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var current = await db.LatestTemplateAsync(code, time, http.RequestAborted);
        http.Request.EnsureMatches(current?.Version ?? 0);
        var template = ContractTemplate.Publish(code, (current?.Version ?? 0) + 1, request.Name!.Trim(), clauses!, user.Id, time.GetUtcNow());
        db.Templates.Add(template);
        try
        {
            await db.SaveChangesAsync(http.RequestAborted);
        }
        catch (DbUpdateException e) when (UniqueKeys.IsViolation(e))
        {
            // Two custodians publishing at once both take the next version; the unique key lets one win.
            throw new DomainRuleException($"Version {template.Version} of template {code} was published meanwhile. Reload it and try again.");
        }

        http.Response.SetETag(template.Version);
        return TypedResults.Ok(TemplateResponse.From(template));
    }
}
