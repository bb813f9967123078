using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.Contracts.Domain;
using Crm.Contracts.Features;
using Crm.Testing;

namespace Crm.Contracts.Tests;

/// <summary>The standard text in versions kept by the custodian (专人管理), and the catalogue subject lines name.</summary>
public sealed class TemplateAndCatalogueTests : ContractsHostTests
{
    private static object Text(string quality) => new
    {
        name = "经销合同 Distribution agreement (2027)",
        clauses = ContractTemplate.Standard(DateTimeOffset.UtcNow).Clauses with { Quality = quality },
    };

    private Task<HttpResponseMessage> Publish(TestUser user, object body, string? ifMatch = null, string code = "DIST")
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/contracts/templates/{code}") { Content = JsonContent.Create(body, options: TestJson.Options) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return Host.Client(user).SendAsync(request);
    }

    [Fact]
    public async Task the_custodian_publishes_a_new_version_which_new_drafts_use_while_earlier_contracts_keep_theirs()
    {
        var customer = await KnownCustomer();
        var before = await CreateDraft(TestUser.RepEast, customer.CustomerId);

        var published = await Publish(Custodian, Text("符合 GB/T 4100-2026。Meets GB/T 4100-2026."), ifMatch: Versioning.ETag(1)).Read<TemplateResponse>();
        var after = await CreateDraft(TestUser.RepEast, customer.CustomerId);

        Assert.Equal((2, "custodian"), (published.Version, published.PublishedBy));
        Assert.Equal((1, 2), (before.TemplateVersion, after.TemplateVersion));
        Assert.Equal("符合 GB/T 4100-2026。Meets GB/T 4100-2026.", after.Terms.Quality);
        Assert.Equal(ContractTemplate.Standard(DateTimeOffset.UtcNow).Clauses.Quality, (await Get(TestUser.RepEast, before.Id)).Terms.Quality);
        var first = await Host.Client(TestUser.RepEast).GetAsync("/api/contracts/templates/DIST/versions/1").Read<TemplateResponse>();
        Assert.Equal(1, first.Version);
        Assert.Equal(2, (await Host.Client(TestUser.RepEast).GetAsync("/api/contracts/templates/DIST").Read<TemplateResponse>()).Version);
    }

    [Fact]
    public async Task a_contract_that_keeps_its_older_templates_clauses_is_standard_by_that_version()
    {
        var customer = await KnownCustomer();
        var draft = await CreateDraft(TestUser.RepEast, customer.CustomerId);
        await Revise(TestUser.RepEast, draft.Id, CompleteTerms(customer)).Expect(HttpStatusCode.OK);
        await Publish(Custodian, Text("新质量条款。New quality clause.")).Expect(HttpStatusCode.OK);

        var submitted = await Submit(TestUser.RepEast, draft.Id).Read<ContractResponse>();

        Assert.Equal([Crm.BuildingBlocks.Security.Roles.BranchManager], submitted.Chain.Select(s => s.Role));
    }

    [Fact]
    public async Task only_the_custodian_publishes_and_a_stale_version_is_a_conflict()
    {
        await Publish(TestUser.Supervisor, Text("x")).ReadProblem(HttpStatusCode.Forbidden);
        await Publish(TestUser.RepEast, Text("x")).ReadProblem(HttpStatusCode.Forbidden);
        await Publish(Custodian, Text("Second")).Expect(HttpStatusCode.OK);

        await Publish(Custodian, Text("Third"), ifMatch: Versioning.ETag(1)).ReadProblem(HttpStatusCode.Conflict);

        Assert.Equal("Second", (await Host.Client(TestUser.RepEast).GetAsync("/api/contracts/templates/DIST").Read<TemplateResponse>()).Clauses.Quality);
    }

    [Fact]
    public async Task a_template_without_its_clauses_is_refused_naming_them()
    {
        await Publish(Custodian, new { name = "Empty" }).ReadValidationProblem("clauses");
        await Publish(Custodian, new { clauses = ContractTemplate.Standard(DateTimeOffset.UtcNow).Clauses with { Acceptance = " " } })
            .ReadValidationProblem("name", "clauses.acceptance");
    }

    [Fact]
    public async Task the_list_shows_each_template_once_in_its_current_version_the_standard_first_a_page_at_a_time()
    {
        var rep = Host.Client(TestUser.RepEast);
        var before = await rep.GetAsync("/api/contracts/templates").Read<PagedResult<TemplateSummary>>();
        await Publish(Custodian, Text("Agency"), code: "AGENCY").Expect(HttpStatusCode.OK);
        await Publish(Custodian, Text("Agency, second"), ifMatch: Versioning.ETag(1), code: "AGENCY").Expect(HttpStatusCode.OK);
        await Publish(Custodian, Text("Branded shop"), code: "BRAND-SHOP").Expect(HttpStatusCode.OK);

        var all = await rep.GetAsync("/api/contracts/templates").Read<PagedResult<TemplateSummary>>();
        var second = await rep.GetAsync("/api/contracts/templates?page=2&pageSize=2").Read<PagedResult<TemplateSummary>>();

        Assert.Equal([("DIST", 1)], before.Items.Select(t => (t.Code, t.Version)));
        Assert.Equal([("DIST", 1), ("AGENCY", 2), ("BRAND-SHOP", 1)], all.Items.Select(t => (t.Code, t.Version)));
        Assert.Equal(3, all.TotalCount);
        Assert.Equal(["BRAND-SHOP"], second.Items.Select(t => t.Code));
        await rep.GetAsync($"/api/contracts/templates?pageSize={Paging.MaxPageSize + 1}").ReadValidationProblem("pageSize");
    }

    [Fact]
    public async Task the_catalogue_is_seeded_with_the_companys_products_and_their_prices()
    {
        var products = await Host.Client(TestUser.RepEast).GetAsync("/api/contracts/catalogue").Read<List<Product>>();

        Assert.Equal(ProductCatalogue.Standard.Select(p => p.Code).Order(StringComparer.Ordinal), products.Select(p => p.Code).Order(StringComparer.Ordinal));
        var tile = products.Single(p => p.Code == "TL-600");
        Assert.Equal(("TILE", 68.00m, 55.00m), (tile.ProductLine, tile.ListPrice, tile.FloorPrice));
    }
}
