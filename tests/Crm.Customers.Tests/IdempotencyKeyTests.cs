using System.Net;
using System.Text;
using Crm.BuildingBlocks.Http;
using Crm.Customers.Features;
using Crm.Testing;

namespace Crm.Customers.Tests;

/// <summary>Idempotency-Key per the IETF draft: the same key with a different request is an error, not the first answer.</summary>
public sealed class IdempotencyKeyTests : CustomersHostTests
{
    private Task<HttpResponseMessage> Send(string json, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/customers") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add(Idempotency.HeaderName, key);
        return Host.Client(TestUser.RepEast).SendAsync(request);
    }

    [Fact]
    public async Task the_same_key_with_a_different_body_is_422_and_creates_nothing()
    {
        var first = await Send("""{"name":"杭州新客户","kind":"Retailer","region":"EAST"}""", "7f1c").Read<CustomerResponse>(HttpStatusCode.Created);

        var problem = await Send("""{"name":"另一个客户","kind":"Retailer","region":"EAST"}""", "7f1c").ReadProblem(HttpStatusCode.UnprocessableEntity);

        Assert.Contains(Idempotency.HeaderName, problem.Detail, StringComparison.Ordinal);
        Assert.Equal(1, await CustomerRows());
        Assert.Equal("杭州新客户", (await Get(TestUser.RepEast, first.Id)).Name);
    }

    [Fact]
    public async Task the_same_request_reformatted_is_still_a_repeat()
    {
        var first = await Send("""{"name":"杭州新客户","kind":"Retailer","region":"EAST"}""", "7f1d").Read<CustomerResponse>(HttpStatusCode.Created);

        var again = await Send("""{ "region": "EAST", "kind": "Retailer", "name": "杭州新客户" }""", "7f1d");

        Assert.Equal(first.Id, (await again.Read<CustomerResponse>(HttpStatusCode.Created)).Id);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1, await CustomerRows());
    }
}
