using System.Net;
using System.Net.Http.Json;
using Crm.Contracts.Domain;
using Crm.Contracts.Features;
using Crm.Testing;

namespace Crm.Contracts.Tests;

public sealed class CreateContractTests : ContractsHostTests
{
    [Fact]
    public async Task a_draft_is_created_from_the_templates_current_version_with_its_clauses_the_company_as_seller_and_the_dealer_as_buyer()
    {
        var customer = await KnownCustomer("EAST", "rep.east");
        var standard = ContractTemplate.Standard(DateTimeOffset.UtcNow);

        var response = await Create(TestUser.RepEast, Draft(customer.CustomerId));

        var contract = await response.Read<ContractResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/contracts/{contract.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(ContractStatus.Draft, contract.Status);
        Assert.Equal((customer.CustomerId, customer.Name), (contract.CustomerId, contract.CustomerName));
        Assert.Equal(("EAST", "rep.east"), (contract.Region, contract.OwnerId));
        Assert.Equal(("DIST", 1), (contract.TemplateCode, contract.TemplateVersion));
        Assert.Equal((standard.Clauses.Quality, standard.Clauses.Acceptance, standard.Clauses.OrderingAndReturns, standard.Clauses.BreachAndDisputes),
            (contract.Terms.Quality, contract.Terms.Acceptance, contract.Terms.OrderingAndReturns, contract.Terms.BreachAndDisputes));
        Assert.Equal(standard.Clauses.Seller, contract.Terms.Seller);
        Assert.Equal(customer.Name, contract.Terms.Buyer!.RegisteredName);
        Assert.Equal((0m, "CNY"), (contract.Value.Amount, contract.Value.Currency));
        Assert.Equal("rep.east", contract.CreatedBy);
        Assert.Equal(contract.Id, (await Get(TestUser.RepEast, contract.Id)).Id);
    }

    [Fact]
    public async Task the_value_is_the_sum_of_the_subject_lines()
    {
        var customer = await KnownCustomer();
        var draft = await CreateDraft(TestUser.RepEast, customer.CustomerId);
        var terms = CompleteTerms(customer) with { Subject = [new("TL-600", 1_250m, 58.40m), new("SW-101", 12m, 2_999.99m)] };

        var revised = await Revise(TestUser.RepEast, draft.Id, terms).Read<ContractResponse>();

        Assert.Equal(1_250m * 58.40m + 12m * 2_999.99m, revised.Value.Amount);
    }

    [Fact]
    public async Task an_unknown_template_is_refused_on_its_field()
    {
        var customer = await KnownCustomer();

        await Create(TestUser.RepEast, Draft(customer.CustomerId, templateCode: "NOPE")).ReadValidationProblem("templateCode");

        Assert.Equal(0, await ContractRows());
    }

    [Fact]
    public async Task a_customer_the_read_model_does_not_know_is_a_bad_request_on_customer_id()
    {
        var response = await Create(TestUser.RepEast, Draft(Guid.NewGuid()));

        await response.ReadValidationProblem("customerId");
        Assert.Equal(0, await ContractRows());
    }

    [Fact]
    public async Task a_customer_outside_the_callers_scope_is_a_bad_request_on_customer_id()
    {
        var customer = await KnownCustomer("EAST", "rep.east2");

        await Create(TestUser.RepEast, Draft(customer.CustomerId)).ReadValidationProblem("customerId");
        Assert.Equal(0, await ContractRows());
    }

    [Fact]
    public async Task every_missing_field_is_named()
    {
        await Create(TestUser.RepEast, new { }).ReadValidationProblem("customerId", "title");

        Assert.Equal(0, await ContractRows());
    }

    [Fact]
    public async Task contracts_are_numbered_in_sequence_within_the_year()
    {
        var customer = await KnownCustomer();

        var first = await CreateDraft(TestUser.RepEast, customer.CustomerId);
        var second = await CreateDraft(TestUser.RepEast, customer.CustomerId);

        Assert.Equal($"CT-{first.CreatedAt.Year}-000001", first.Number);
        Assert.Equal($"CT-{second.CreatedAt.Year}-000002", second.Number);
    }

    [Fact]
    public async Task contracts_drafted_at_the_same_time_never_share_a_number()
    {
        var customer = await KnownCustomer();

        var drafts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => CreateDraft(TestUser.RepEast, customer.CustomerId)));

        var year = drafts[0].CreatedAt.Year;
        Assert.Equal(Enumerable.Range(1, 4).Select(n => $"CT-{year}-{n:D6}"), drafts.Select(d => d.Number).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task repeating_a_create_with_the_same_idempotency_key_returns_the_first_contract_and_uses_no_number()
    {
        var customer = await KnownCustomer();
        var body = Draft(customer.CustomerId);

        var first = await Create(TestUser.RepEast, body, "contract-5b1e").Read<ContractResponse>(HttpStatusCode.Created);
        var again = await Create(TestUser.RepEast, body, "contract-5b1e");
        var replayed = await again.Read<ContractResponse>(HttpStatusCode.Created);

        Assert.Equal(first.Id, replayed.Id);
        Assert.Equal(first.Number, replayed.Number);
        Assert.Equal($"/api/contracts/{first.Id}", again.Headers.Location?.OriginalString);
        Assert.Equal(1, await ContractRows());
        var next = await CreateDraft(TestUser.RepEast, customer.CustomerId);
        Assert.Equal($"CT-{next.CreatedAt.Year}-000002", next.Number);
    }

    [Fact]
    public async Task the_same_idempotency_key_from_another_user_creates_that_users_own_contract()
    {
        var customer = await KnownCustomer();
        var body = Draft(customer.CustomerId);

        var rep = await Create(TestUser.RepEast, body, "shared-key").Read<ContractResponse>(HttpStatusCode.Created);
        var manager = await Create(TestUser.ManagerEast, body, "shared-key").Read<ContractResponse>(HttpStatusCode.Created);

        Assert.NotEqual(rep.Id, manager.Id);
        Assert.Equal(2, await ContractRows());
    }

    [Fact]
    public async Task a_caller_without_a_token_gets_unauthorized()
    {
        var customer = await KnownCustomer();

        var response = await Host.Client(null).PostAsJsonAsync("/api/contracts", Draft(customer.CustomerId));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await ContractRows());
    }
}
