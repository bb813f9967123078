using System.Net;
using System.Net.Http.Json;
using Crm.Contracts.Domain;
using Crm.Contracts.Features;
using Crm.Testing;

namespace Crm.Contracts.Tests;

public sealed class CreateContractTests : ContractsHostTests
{
    [Fact]
    public async Task a_draft_for_a_known_customer_is_created_with_the_customers_region_and_owner()
    {
        var customer = await KnownCustomer("EAST", "rep.east");

        var response = await Create(TestUser.RepEast, Draft(customer.CustomerId, 350_000.50m));

        var contract = await response.Read<ContractResponse>(HttpStatusCode.Created);
        Assert.Equal($"/api/contracts/{contract.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(ContractStatus.Draft, contract.Status);
        Assert.Equal(customer.CustomerId, contract.CustomerId);
        Assert.Equal(("EAST", "rep.east"), (contract.Region, contract.OwnerId));
        Assert.Equal(350_000.50m, contract.Value.Amount);
        Assert.Equal("CNY", contract.Value.Currency);
        Assert.Equal("rep.east", contract.CreatedBy);
        Assert.Equal(contract.Id, (await Get(TestUser.RepEast, contract.Id)).Id);
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

    [Theory]
    [InlineData(0, "CNY", "value.amount")]
    [InlineData(-5, "CNY", "value.amount")]
    [InlineData(1000, "cn", "value.currency")]
    [InlineData(1000, "C1Y", "value.currency")]
    public async Task an_amount_that_is_not_positive_or_a_currency_that_is_not_three_letters_is_refused_and_nothing_is_stored(
        int amount, string currency, string field)
    {
        var customer = await KnownCustomer();

        await Create(TestUser.RepEast, Draft(customer.CustomerId, amount, currency)).ReadValidationProblem(field);

        Assert.Equal(0, await ContractRows());
    }

    [Fact]
    public async Task an_amount_that_is_not_a_number_is_reported_on_its_field()
    {
        var customer = await KnownCustomer();
        var body = new { customerId = customer.CustomerId, title = "Annual", value = new { amount = "lots", currency = "CNY" } };

        var response = await Host.Client(TestUser.RepEast).PostAsJsonAsync("/api/contracts", body);

        await response.ReadValidationProblem("value.amount");
        Assert.Equal(0, await ContractRows());
    }

    [Fact]
    public async Task every_missing_field_is_named()
    {
        await Create(TestUser.RepEast, new { title = " " }).ReadValidationProblem("customerId", "title", "value.amount");
        Assert.Equal(0, await ContractRows());
    }

    [Fact]
    public async Task a_lower_case_currency_is_stored_in_upper_case()
    {
        var customer = await KnownCustomer();

        var contract = await Create(TestUser.RepEast, Draft(customer.CustomerId, currency: "usd")).Read<ContractResponse>(HttpStatusCode.Created);

        Assert.Equal("USD", contract.Value.Currency);
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
