using System.Net;
using System.Text.Json.Nodes;
using Crm.Contracts.Domain;
using Crm.Testing;

namespace Crm.Contracts.Tests;

/// <summary>
/// Contracts are for the platform's staff; approvals and terminations for managers, the standard text for the
/// custodian, the rules for the CRM supervisor; which contracts a caller reads and works on is their scope.
/// </summary>
public sealed class AuthorizationTests : ContractsHostTests
{
    private static readonly TestUser Visitor = new("visitor", "Visitor", ["EAST"]);

    [Fact]
    public async Task a_token_without_a_platform_role_is_refused_with_the_rule_and_changes_nothing()
    {
        var customer = await KnownCustomer();
        var draft = await CreateDraft(TestUser.RepEast, customer.CustomerId);

        var refusals = new[]
        {
            await Host.Client(Visitor).GetAsync($"/api/contracts/{draft.Id}").ReadProblem(HttpStatusCode.Forbidden),
            await Sign(Visitor, draft.Id).ReadProblem(HttpStatusCode.Forbidden),
            await Create(Visitor, Draft(customer.CustomerId)).ReadProblem(HttpStatusCode.Forbidden),
            await Host.Client(Visitor).GetAsync($"/api/contracts/customers/{customer.CustomerId}").ReadProblem(HttpStatusCode.Forbidden),
        };

        Assert.All(refusals, p => Assert.Equal("Only staff of the platform (a user with one of its roles) may do this.", p.Detail));
        Assert.Equal(ContractStatus.Draft, (await Get(TestUser.RepEast, draft.Id)).Status);
        Assert.Equal(1, await ContractRows());
    }

    [Theory]
    [InlineData("post /api/contracts/{id}/sign", "Staff")]
    [InlineData("post /api/contracts/{id}/decide", "Managers,Staff")]
    [InlineData("get /api/contracts/inbox", "Managers,Staff")]
    [InlineData("post /api/contracts/{id}/terminate", "Managers,Staff")]
    [InlineData("put /api/contracts/templates/{code}", "ContractCustody,Staff")]
    [InlineData("put /api/contracts/approval-rules", "Staff,Stewards")]
    public async Task the_document_names_each_operations_policies_and_its_403(string operation, string policies)
    {
        var paths = JsonNode.Parse(await Host.Client(null).GetStringAsync("/api/contracts/openapi.json"))!["paths"]!.AsObject();
        var operations = paths.SelectMany(p => p.Value!.AsObject().Select(o => (Name: $"{o.Key} {p.Key}", Operation: o.Value!))).ToDictionary(o => o.Name, o => o.Operation);

        Assert.Equal(policies.Split(','), operations[operation]["x-authorization-policies"]!.AsArray().Select(p => p!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(operations.Values, o => Assert.NotNull(o["responses"]!["403"]));
    }

    [Fact]
    public async Task a_rep_of_another_region_sees_no_contract_of_this_one_and_the_custodian_of_the_region_sees_it()
    {
        var customer = await KnownCustomer();
        var draft = await CreateDraft(TestUser.RepEast, customer.CustomerId);

        Assert.Equal(HttpStatusCode.NotFound, (await Host.Client(TestUser.RepNorth).GetAsync($"/api/contracts/{draft.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Submit(TestUser.RepEast2, draft.Id)).StatusCode);
        Assert.Equal(draft.Number, (await Get(Custodian, draft.Id)).Number);
        var custodianOfNorth = new TestUser("custodian.north", Crm.BuildingBlocks.Security.Roles.ContractCustodian, ["NORTH"]);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Client(custodianOfNorth).GetAsync($"/api/contracts/{draft.Id}")).StatusCode);
    }
}
