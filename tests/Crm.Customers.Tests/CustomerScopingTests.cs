using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.Customers.Features;
using Crm.Testing;

namespace Crm.Customers.Tests;

/// <summary>Customers in three regions, two in EAST with different owners. Who sees which (DESIGN.md, access).</summary>
public sealed class ScopingFixture : IAsyncLifetime
{
    public ServiceTestHost Host { get; private set; } = null!;

    public Dictionary<string, CustomerResponse> Customers { get; } = [];

    public async Task InitializeAsync()
    {
        Host = await CustomersHostTests.StartCustomersService();
        Customers["east-own"] = await CustomersHostTests.Register(Host, TestUser.Supervisor, "EAST", "rep.east", code: "EAST-OWN");
        Customers["east-other"] = await CustomersHostTests.Register(Host, TestUser.Supervisor, "EAST", "rep.east2", code: "EAST-OTHER");
        Customers["north"] = await CustomersHostTests.Register(Host, TestUser.Supervisor, "NORTH", "rep.north", code: "NORTH");
        Customers["south"] = await CustomersHostTests.Register(Host, TestUser.Supervisor, "SOUTH", "rep.south", code: "SOUTH");
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class CustomerScopingTests(ScopingFixture fixture) : IClassFixture<ScopingFixture>
{
    private static readonly TestUser[] Users =
    [
        TestUser.RepEast, TestUser.RepEast2, TestUser.RepNorth, TestUser.ManagerEast, TestUser.DirectorNorth,
        TestUser.MarketingGM, TestUser.Supervisor, TestUser.QualityHandler,
    ];

    [Theory]
    [InlineData("rep.east", "east-own")]
    [InlineData("rep.east2", "east-other")]
    [InlineData("rep.north", "north")]
    [InlineData("manager.east", "east-own,east-other")]
    [InlineData("director.north", "north")]
    [InlineData("gm", "east-own,east-other,north,south")]
    [InlineData("supervisor", "east-own,east-other,north,south")]
    [InlineData("handler.quality", "east-own,east-other,north")]
    public async Task each_role_gets_exactly_the_customers_in_its_scope_and_not_found_for_the_rest(string userId, string visible)
    {
        var client = fixture.Host.Client(Users.Single(u => u.Id == userId));
        var expected = visible.Split(',');

        foreach (var (key, customer) in fixture.Customers)
        {
            var response = await client.GetAsync($"/api/customers/{customer.Id}");
            Assert.True(
                response.StatusCode == (expected.Contains(key) ? HttpStatusCode.OK : HttpStatusCode.NotFound),
                $"{userId} reading {key} got {(int)response.StatusCode}");
        }

        var list = await client.GetAsync("/api/customers").Read<PagedResult<CustomerResponse>>();
        Assert.Equal(expected.Select(k => fixture.Customers[k].Id).Order(), list.Items.Select(c => c.Id).Order());
        Assert.Equal(expected.Length, list.TotalCount);
    }

    [Fact]
    public async Task the_grade_history_of_a_customer_outside_the_scope_is_not_found()
    {
        var response = await fixture.Host.Client(TestUser.RepEast2).GetAsync($"/api/customers/{fixture.Customers["east-own"].Id}/grade-history");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task a_rep_cannot_change_the_grade_of_another_reps_customer()
    {
        var customer = fixture.Customers["east-own"];

        var response = await fixture.Host.Client(TestUser.RepEast2).PostAsync(
            $"/api/customers/{customer.Id}/grade", JsonContent.Create(new { grade = "A", reason = "Not mine to change" }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var stored = await fixture.Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customer.Id}").Read<CustomerResponse>();
        Assert.Equal(customer.Grade, stored.Grade);
        Assert.Equal(customer.Version, stored.Version);
    }
}
