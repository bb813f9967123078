using System.Net;
using System.Text.Json.Nodes;
using Crm.Contracts.Domain;
using Crm.Testing;

namespace Crm.Contracts.Tests;

/// <summary>Contracts are for the platform's staff; which contracts a caller reads and signs is their scope.</summary>
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

    [Fact]
    public async Task the_document_names_the_staff_policy_and_its_403_on_every_operation()
    {
        var paths = JsonNode.Parse(await Host.Client(null).GetStringAsync("/api/contracts/openapi.json"))!["paths"]!.AsObject();
        var operations = paths.SelectMany(p => p.Value!.AsObject().Select(o => (Name: $"{o.Key} {p.Key}", Operation: o.Value!))).ToList();

        Assert.Contains(operations, o => o.Name == "post /api/contracts/{id}/sign");
        Assert.All(operations, o =>
        {
            Assert.Equal(["Staff"], o.Operation["x-authorization-policies"]!.AsArray().Select(p => p!.GetValue<string>()));
            Assert.NotNull(o.Operation["responses"]!["403"]);
        });
    }
}
