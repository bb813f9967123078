using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.Customers.Features;
using Crm.Testing;

namespace Crm.Customers.Tests;

public sealed class SearchTests : CustomersHostTests
{
    private async Task<CustomerResponse> Card(string code, string name, string phone, string tier = "Ordinary", string region = "EAST", string owner = "rep.east") =>
        await Host.Client(TestUser.Supervisor).PostAsJsonAsync("/api/customers", new { code, name, kind = "Retailer", region, phone, ownerId = owner, tier })
            .Read<CustomerResponse>(System.Net.HttpStatusCode.Created);

    private Task<PagedResult<CustomerResponse>> Search(string query) =>
        Host.Client(TestUser.Supervisor).GetAsync($"/api/customers?{query}").Read<PagedResult<CustomerResponse>>();

    [Fact]
    public async Task search_finds_by_part_of_the_name_the_code_the_phone_or_a_key_persons_name()
    {
        var hangzhou = await Card("HZ-0101", "杭州优选零售连锁", "0571-8888 1234");
        var nanjing = await Card("NJ-0202", "南京李先生装修工作室", "025-6666 4321");
        await Host.Client(TestUser.Supervisor).PostAsJsonAsync($"/api/customers/{nanjing.Id}/key-persons", new { name = "赵经理", role = "Gatekeeper" });

        Assert.Equal([hangzhou.Id], (await Search("q=优选")).Items.Select(c => c.Id));
        Assert.Equal([nanjing.Id], (await Search("q=nj-02")).Items.Select(c => c.Id));
        Assert.Equal([hangzhou.Id], (await Search("q=8888")).Items.Select(c => c.Id));
        Assert.Equal([nanjing.Id], (await Search($"q={Uri.EscapeDataString("赵经理")}")).Items.Select(c => c.Id));
    }

    [Fact]
    public async Task search_combines_with_the_tier_status_and_owner_filters_and_pages()
    {
        var key = await Card("K-1", "Key dealer one", "021-1111 1111", tier: "Key");
        await Card("K-2", "Key dealer two", "021-1111 2222", tier: "Key", owner: "rep.east2");
        await Card("O-1", "Ordinary dealer", "021-1111 3333");

        var page = await Search("q=dealer&tier=Key&ownerId=rep.east&status=Active&pageSize=1");

        Assert.Equal(1, page.TotalCount);
        Assert.Equal([key.Id], page.Items.Select(c => c.Id));
        await Host.Client(TestUser.Supervisor).GetAsync("/api/customers?tier=Vip").ReadValidationProblem("tier");
        await Host.Client(TestUser.Supervisor).GetAsync("/api/customers?status=Deleted").ReadValidationProblem("status");
    }
}
