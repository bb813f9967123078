using System.Net;
using System.Net.Http.Json;
using System.Text;
using Crm.BuildingBlocks.Security;
using Crm.Customers.Features;
using Crm.Testing;

namespace Crm.Customers.Tests;

/// <summary>One service for the whole access matrix; every test works on a customer of its own.</summary>
public sealed class AccessFixture : IAsyncLifetime
{
    public ServiceTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await CustomersHostTests.StartCustomersService();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// The company's access rules, role by role, enforced by the service itself: reps their own customers, branch managers
/// and regional directors their regions, headquarters everything; department handlers read but do not change; only
/// the CRM supervisor and admins export, import, change weights, reassign owners and read the audit log.
/// The customer of each test is in EAST and owned by rep.east.
/// </summary>
public sealed class AccessTests(AccessFixture fixture) : IClassFixture<AccessFixture>
{
    public static readonly TestUser Admin = new("admin", Roles.Admin, []);
    public static readonly TestUser Chairman = new("chairman", Roles.Chairman, []);

    private static readonly TestUser[] Users =
    [
        TestUser.RepEast, TestUser.RepEast2, TestUser.ManagerEast, TestUser.DirectorNorth, TestUser.MarketingGM, Chairman,
        TestUser.Supervisor, TestUser.QualityHandler, Admin,
    ];

    private ServiceTestHost Host => fixture.Host;

    private static TestUser User(string id) => Users.Single(u => u.Id == id);

    private Task<CustomerResponse> NewEastCustomer() => CustomersHostTests.Register(Host, TestUser.Supervisor, "EAST", "rep.east");

    [Theory]
    [InlineData("rep.east", HttpStatusCode.OK)]
    [InlineData("rep.east2", HttpStatusCode.NotFound)]
    [InlineData("manager.east", HttpStatusCode.OK)]
    [InlineData("director.north", HttpStatusCode.NotFound)]
    [InlineData("gm", HttpStatusCode.OK)]
    [InlineData("chairman", HttpStatusCode.OK)]
    [InlineData("supervisor", HttpStatusCode.OK)]
    [InlineData("handler.quality", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task reading_a_card_follows_the_scope_of_each_role(string user, HttpStatusCode expected)
    {
        var customer = await NewEastCustomer();

        var response = await Host.Client(User(user)).GetAsync($"/api/customers/{customer.Id}");

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("rep.east", HttpStatusCode.OK)]
    [InlineData("rep.east2", HttpStatusCode.NotFound)]
    [InlineData("manager.east", HttpStatusCode.OK)]
    [InlineData("director.north", HttpStatusCode.NotFound)]
    [InlineData("gm", HttpStatusCode.OK)]
    [InlineData("chairman", HttpStatusCode.OK)]
    [InlineData("supervisor", HttpStatusCode.OK)]
    [InlineData("handler.quality", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task changing_a_card_is_for_its_rep_the_managers_of_its_region_and_headquarters(string user, HttpStatusCode expected)
    {
        var customer = await NewEastCustomer();

        var response = await Host.Client(User(user)).PostAsJsonAsync($"/api/customers/{customer.Id}/grade", new { grade = "D", reason = "First contact" });

        Assert.Equal(expected, response.StatusCode);
        var stored = await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/{customer.Id}").Read<CustomerResponse>();
        Assert.Equal(expected == HttpStatusCode.OK ? "D" : "E", stored.Grade.ToString());
    }

    [Fact]
    public async Task owning_a_card_gives_a_right_to_change_it_only_to_a_rep()
    {
        // A card recorded against a department handler (say, by a slip of the CRM supervisor): the handler still only reads it.
        var customer = await CustomersHostTests.Register(Host, TestUser.Supervisor, "EAST", TestUser.QualityHandler.Id);

        var response = await Host.Client(TestUser.QualityHandler).PostAsJsonAsync($"/api/customers/{customer.Id}/grade", new { grade = "D", reason = "First contact" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("E", (await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/{customer.Id}").Read<CustomerResponse>()).Grade.ToString());
    }

    [Theory]
    [InlineData("rep.east", "EAST", "rep.east", HttpStatusCode.Created)]
    [InlineData("rep.east", "EAST", "rep.east2", HttpStatusCode.Forbidden)] // a rep registers only for themself
    [InlineData("rep.east", "NORTH", "rep.east", HttpStatusCode.Forbidden)] // and only in their own region
    [InlineData("rep.east2", "EAST", "rep.east", HttpStatusCode.Forbidden)]
    [InlineData("manager.east", "EAST", "rep.east2", HttpStatusCode.Created)]
    [InlineData("director.north", "EAST", "rep.east", HttpStatusCode.Forbidden)]
    [InlineData("handler.quality", "EAST", "handler.quality", HttpStatusCode.Forbidden)] // handlers read customers, they do not keep them
    [InlineData("gm", "NORTH", "rep.north", HttpStatusCode.Created)]
    public async Task registering_is_for_the_managers_of_the_region_headquarters_and_a_rep_for_own_customers_in_own_region(
        string user, string region, string owner, HttpStatusCode expected)
    {
        var name = $"访问测试 Access test {Guid.NewGuid():N}";

        var response = await Host.Client(User(user)).PostAsJsonAsync("/api/customers",
            new { name, kind = "Dealer", region, address = "上海市浦东新区张江路 88 号", ownerId = owner, tier = "Ordinary" });

        Assert.Equal(expected, response.StatusCode);
        var stored = await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers?q={Uri.EscapeDataString(name)}")
            .Read<Crm.BuildingBlocks.Http.PagedResult<CustomerResponse>>();
        Assert.Equal(expected == HttpStatusCode.Created ? 1 : 0, stored.TotalCount);
    }

    [Theory]
    [InlineData("rep.east", HttpStatusCode.Forbidden)]
    [InlineData("rep.east2", HttpStatusCode.Forbidden)]
    [InlineData("manager.east", HttpStatusCode.OK)]
    [InlineData("director.north", HttpStatusCode.NotFound)]
    [InlineData("gm", HttpStatusCode.OK)]
    [InlineData("chairman", HttpStatusCode.OK)]
    [InlineData("supervisor", HttpStatusCode.OK)]
    [InlineData("handler.quality", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task credit_limits_are_set_by_the_managers_of_the_region_and_headquarters_not_by_the_rep(string user, HttpStatusCode expected)
    {
        var customer = await NewEastCustomer();

        var response = await Host.Client(User(user)).PutAsJsonAsync($"/api/customers/{customer.Id}/credit-limit", new { amount = 500000m, reason = "Annual review" });

        Assert.Equal(expected, response.StatusCode);
        var stored = await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/{customer.Id}").Read<CustomerResponse>();
        Assert.Equal(expected == HttpStatusCode.OK ? 500000m : 0m, stored.CreditLimit);
    }

    [Theory]
    [InlineData("rep.east", HttpStatusCode.Forbidden)]
    [InlineData("rep.east2", HttpStatusCode.Forbidden)]
    [InlineData("manager.east", HttpStatusCode.Forbidden)]
    [InlineData("director.north", HttpStatusCode.Forbidden)]
    [InlineData("gm", HttpStatusCode.Forbidden)]
    [InlineData("chairman", HttpStatusCode.Forbidden)]
    [InlineData("supervisor", HttpStatusCode.OK)]
    [InlineData("handler.quality", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task only_the_crm_supervisor_and_admins_reassign_owners(string user, HttpStatusCode expected)
    {
        var customer = await NewEastCustomer();

        var response = await Host.Client(User(user)).PostAsJsonAsync($"/api/customers/{customer.Id}/owner", new { ownerId = "rep.east2", reason = "Territory handover" });

        Assert.Equal(expected, response.StatusCode);
        var stored = await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/{customer.Id}").Read<CustomerResponse>();
        Assert.Equal(expected == HttpStatusCode.OK ? "rep.east2" : "rep.east", stored.OwnerId);
    }

    [Theory]
    [InlineData("rep.east", HttpStatusCode.Forbidden)]
    [InlineData("manager.east", HttpStatusCode.Forbidden)]
    [InlineData("director.north", HttpStatusCode.Forbidden)]
    [InlineData("gm", HttpStatusCode.Forbidden)]
    [InlineData("chairman", HttpStatusCode.Forbidden)]
    [InlineData("handler.quality", HttpStatusCode.Forbidden)]
    [InlineData("supervisor", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task only_the_crm_supervisor_and_admins_export_read_the_audit_log_and_change_weights(string user, HttpStatusCode expected)
    {
        var client = Host.Client(User(user));
        var weights = await Host.Client(TestUser.Supervisor).GetAsync("/api/customers/evaluation-weights").Read<WeightsResponse>();

        Assert.Equal(expected, (await client.GetAsync("/api/customers/export")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/api/customers/audit")).StatusCode);
        var body = new
        {
            transactions = weights.Transactions, profitability = weights.Profitability, safety = weights.Safety, growth = weights.Growth,
            cooperation = weights.Cooperation, rewardAtLeast = weights.RewardAtLeast, eliminateBelow = weights.EliminateBelow,
        };
        Assert.Equal(expected, (await client.PutAsJsonAsync("/api/customers/evaluation-weights", body)).StatusCode);
        var import = await client.PostAsync("/api/customers/import", new StringContent("code,name,kind,region,ownerId\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(expected, import.StatusCode);
    }

    [Fact]
    public async Task a_refusal_is_problem_details_saying_who_may()
    {
        var problem = await Host.Client(TestUser.ManagerEast).GetAsync("/api/customers/export").ReadProblem(HttpStatusCode.Forbidden);

        Assert.Equal("Only the CRM supervisor and admins may do this.", problem.Detail);
    }

    [Fact]
    public async Task a_signed_in_user_without_a_platform_role_is_refused_with_the_rule()
    {
        var contractor = new TestUser("contractor", "Contractor", ["EAST"]);

        var problem = await Host.Client(contractor).GetAsync("/api/customers").ReadProblem(HttpStatusCode.Forbidden);

        Assert.Equal("Only staff of the platform (a user with one of its roles) may do this.", problem.Detail);
    }

    [Fact]
    public async Task a_rep_lists_and_searches_only_own_customers()
    {
        var own = await CustomersHostTests.Register(Host, TestUser.Supervisor, "EAST", "rep.east", name: "检索 Search scope own");
        var other = await CustomersHostTests.Register(Host, TestUser.Supervisor, "EAST", "rep.east2", name: "检索 Search scope other");

        var found = await Host.Client(TestUser.RepEast).GetAsync("/api/customers?q=Search%20scope").Read<Crm.BuildingBlocks.Http.PagedResult<CustomerResponse>>();

        Assert.Equal([own.Id], found.Items.Select(c => c.Id));
        Assert.DoesNotContain(other.Id, found.Items.Select(c => c.Id));
    }

    [Fact]
    public async Task the_funnel_counts_only_what_the_caller_may_see()
    {
        // Two reps of this test alone, side by side in one region: each must count its own customers and none of the other's.
        var rep = new TestUser("rep.north.funnel", Roles.SalesRep, ["NORTH"]);
        var neighbour = new TestUser("rep.north.funnel2", Roles.SalesRep, ["NORTH"]);
        foreach (var (owner, grade) in new[] { (rep, "A"), (rep, "C"), (rep, "C"), (neighbour, "A"), (neighbour, "B"), (neighbour, "E") })
        {
            await CustomersHostTests.Register(Host, TestUser.Supervisor, "NORTH", owner.Id, grade: grade);
        }

        var own = (await Host.Client(rep).GetAsync("/api/customers/funnel").Read<FunnelResponse>()).Rows.Single();
        var neighbours = (await Host.Client(neighbour).GetAsync("/api/customers/funnel").Read<FunnelResponse>()).Rows.Single();
        var managerEast = await Host.Client(TestUser.ManagerEast).GetAsync("/api/customers/funnel?region=NORTH").Read<FunnelResponse>();

        Assert.Equal((1, 0, 2, 0, 0, 3), (own.A, own.B, own.C, own.D, own.E, own.Total));
        Assert.Equal((1, 1, 0, 0, 1, 3), (neighbours.A, neighbours.B, neighbours.C, neighbours.D, neighbours.E, neighbours.Total));
        Assert.Equal(0, managerEast.Rows.Single().Total);
    }
}
