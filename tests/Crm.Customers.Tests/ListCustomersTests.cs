using Crm.BuildingBlocks.Http;
using Crm.Customers.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Customers.Tests;

public sealed class ListCustomersTests : CustomersHostTests
{
    private async Task<CustomerResponse[]> RegisterFive() =>
    [
        await Register(TestUser.Supervisor, "EAST", "rep.east", "A 华东建材", "B"),
        await Register(TestUser.Supervisor, "EAST", "rep.east2", "B 苏州恒达", "E"),
        await Register(TestUser.Supervisor, "EAST", "rep.east", "C 杭州优选", "B"),
        await Register(TestUser.Supervisor, "NORTH", "rep.north", "D 华北联合", "B"),
        await Register(TestUser.Supervisor, "NORTH", "rep.north", "E 天津海河", "C"),
    ];

    private Task<PagedResult<CustomerResponse>> List(TestUser user, string query) =>
        Host.Client(user).GetAsync($"/api/customers?{query}").Read<PagedResult<CustomerResponse>>();

    [Fact]
    public async Task filters_by_region_grade_and_owner_combine()
    {
        var c = await RegisterFive();

        Assert.Equal([c[0].Id, c[1].Id, c[2].Id], (await List(TestUser.Supervisor, "region=EAST")).Items.Select(x => x.Id));
        Assert.Equal([c[0].Id, c[2].Id, c[3].Id], (await List(TestUser.Supervisor, "grade=B")).Items.Select(x => x.Id));
        Assert.Equal([c[3].Id, c[4].Id], (await List(TestUser.Supervisor, "ownerId=rep.north")).Items.Select(x => x.Id));
        Assert.Equal([c[0].Id, c[2].Id], (await List(TestUser.Supervisor, "region=EAST&grade=B&ownerId=rep.east")).Items.Select(x => x.Id));
    }

    [Fact]
    public async Task filters_never_widen_the_callers_scope()
    {
        var c = await RegisterFive();

        var page = await List(TestUser.ManagerEast, "grade=B");

        Assert.Equal([c[0].Id, c[2].Id], page.Items.Select(x => x.Id));
        Assert.Empty((await List(TestUser.ManagerEast, "region=NORTH")).Items);
    }

    [Fact]
    public async Task pages_are_ordered_by_name_and_carry_the_total_count()
    {
        var c = await RegisterFive();

        var second = await List(TestUser.Supervisor, "page=2&pageSize=2");
        var last = await List(TestUser.Supervisor, "page=3&pageSize=2");

        Assert.Equal(5, second.TotalCount);
        Assert.Equal((2, 2), (second.Page, second.PageSize));
        Assert.Equal([c[2].Id, c[3].Id], second.Items.Select(x => x.Id));
        Assert.Equal([c[4].Id], last.Items.Select(x => x.Id));
        Assert.Equal(5, last.TotalCount);
    }

    [Fact]
    public async Task the_grade_filter_is_case_insensitive()
    {
        var c = await RegisterFive();

        Assert.Equal([c[4].Id], (await List(TestUser.Supervisor, "grade=c")).Items.Select(x => x.Id));
    }

    [Theory]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("grade=F", "grade")]
    public async Task an_out_of_range_paging_or_filter_value_is_a_bad_request_naming_it(string query, string field)
    {
        await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers?{query}").ReadValidationProblem(field);
    }

    [Theory]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=1.5", "pageSize")]
    public async Task a_paging_value_that_is_not_a_whole_number_is_a_bad_request_naming_it(string query, string field)
    {
        await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers?{query}").ReadValidationProblem(field);
    }

    [Fact]
    public async Task the_largest_allowed_page_holds_every_customer()
    {
        await RegisterFive();

        var page = await List(TestUser.Supervisor, $"pageSize={Paging.MaxPageSize}");

        Assert.Equal(5, page.Items.Count);
        Assert.Equal(Paging.MaxPageSize, page.PageSize);
    }

    [Fact]
    public async Task new_customers_appear_with_grade_E_in_the_list()
    {
        var customer = await Register(TestUser.RepEast);

        var item = Assert.Single((await List(TestUser.RepEast, "grade=E")).Items);

        Assert.Equal(customer.Id, item.Id);
        Assert.Equal(CustomerGrade.E, item.Grade);
    }
}
