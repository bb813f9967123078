using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.Customers.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Customers.Tests;

public sealed class UpdateCustomerTests : CustomersHostTests
{
    private static object Profile(CustomerResponse c, string? name = null, string? region = null, string? ownerId = null, string? address = null) => new
    {
        name = name ?? c.Name,
        kind = c.Kind.ToString(),
        region = region ?? c.Region,
        address = address ?? c.Address,
        ownerId = ownerId ?? c.OwnerId,
        tier = c.Tier.ToString(),
    };

    private Task<HttpResponseMessage> Put(TestUser user, Guid id, object body, long? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/customers/{id}") { Content = JsonContent.Create(body) };
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", Versioning.ETag(version));
        }

        return Host.Client(user).SendAsync(request);
    }

    [Fact]
    public async Task updating_the_card_stores_it_and_publishes_customer_updated()
    {
        var customer = await Register(TestUser.RepEast);

        var updated = await Put(TestUser.RepEast, customer.Id, Profile(customer, name: "华东建材经销（集团）", address: "上海市浦东新区张江路 99 号"), customer.Version)
            .Read<CustomerResponse>();

        Assert.Equal("华东建材经销（集团）", updated.Name);
        Assert.Equal(customer.Version + 1, updated.Version);
        var stored = await Get(TestUser.RepEast, customer.Id);
        Assert.Equal(("华东建材经销（集团）", "上海市浦东新区张江路 99 号"), (stored.Name, stored.Address));
        var published = await Host.Published<CustomerUpdated>(e => e.CustomerId == customer.Id);
        Assert.Equal("华东建材经销（集团）", published.Name);
        Assert.Equal(updated.Version, published.Version);
        Assert.Equal(customer.Grade, published.Grade);
    }

    [Fact]
    public async Task an_update_that_changes_nothing_keeps_the_version_and_publishes_nothing()
    {
        var customer = await Register(TestUser.RepEast);

        var same = await Put(TestUser.RepEast, customer.Id, Profile(customer)).Read<CustomerResponse>();

        Assert.Equal(customer.Version, same.Version);
        Assert.Equal(0, await OutboxRows<CustomerUpdated>());
    }

    [Fact]
    public async Task an_update_based_on_an_old_version_is_a_conflict_and_changes_nothing()
    {
        var customer = await Register(TestUser.RepEast);
        await Put(TestUser.RepEast, customer.Id, Profile(customer, name: "First edit"), customer.Version).Read<CustomerResponse>();

        var stale = await Put(TestUser.ManagerEast, customer.Id, Profile(customer, name: "Edit from a stale screen"), customer.Version);

        await stale.ReadProblem(HttpStatusCode.Conflict);
        var stored = await Get(TestUser.RepEast, customer.Id);
        Assert.Equal("First edit", stored.Name);
        Assert.Equal(customer.Version + 1, stored.Version);
    }

    [Fact]
    public async Task a_rep_may_not_hand_a_customer_to_another_region()
    {
        var customer = await Register(TestUser.RepEast);

        var response = await Put(TestUser.RepEast, customer.Id, Profile(customer, region: "NORTH", ownerId: "rep.north"));

        await response.ReadProblem(HttpStatusCode.Forbidden);
        Assert.Equal("EAST", (await Get(TestUser.RepEast, customer.Id)).Region);
    }

    [Fact]
    public async Task a_manager_may_not_reassign_the_owner_only_the_crm_supervisor_may()
    {
        var customer = await Register(TestUser.RepEast);

        await Put(TestUser.ManagerEast, customer.Id, Profile(customer, ownerId: "rep.east2")).ReadProblem(HttpStatusCode.Forbidden);
        Assert.Equal("rep.east", (await Get(TestUser.RepEast, customer.Id)).OwnerId);

        var moved = await Put(TestUser.Supervisor, customer.Id, Profile(customer, ownerId: "rep.east2")).Read<CustomerResponse>();
        var published = await Host.Published<CustomerUpdated>(e => e.CustomerId == customer.Id);
        Assert.Equal(["ownerId"], published.ChangedFields);
        Assert.Equal("rep.east", published.PreviousOwnerId);
        Assert.Equal(moved.Version, published.Version);

        Assert.Equal("rep.east2", (await Get(TestUser.RepEast2, customer.Id)).OwnerId);
        Assert.Equal(HttpStatusCode.NotFound, (await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customer.Id}")).StatusCode);
    }

    [Fact]
    public async Task an_update_missing_required_fields_names_them_and_changes_nothing()
    {
        var customer = await Register(TestUser.RepEast);

        var response = await Put(TestUser.RepEast, customer.Id, new { name = "", address = "x" });

        await response.ReadValidationProblem("name", "kind", "region", "ownerId", "tier");
        Assert.Equal(customer.Name, (await Get(TestUser.RepEast, customer.Id)).Name);
    }
}
