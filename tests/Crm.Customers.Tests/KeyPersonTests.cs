using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.Customers.Domain;
using Crm.Customers.Features;
using Crm.Testing;

namespace Crm.Customers.Tests;

/// <summary>
/// Changing and removing a key person: a PUT replaces the person's details whole, a DELETE takes the person off the card,
/// both advance the card's version and honour If-Match with it, and both are for those who may change the customer.
/// </summary>
public sealed class KeyPersonTests : CustomersHostTests
{
    private static readonly object Wang = new
    {
        name = "王总 General Manager Wang", workUnit = "华东建材经销有限公司", position = "总经理", role = "DecisionMaker",
        phone = "13800138000", email = "wang@example.cn", notes = "Prefers morning visits",
    };

    private static readonly object Li = new { name = "李工 Engineer Li", position = "采购主管", role = "Influencer" };

    private async Task<(CustomerResponse Customer, KeyPersonResponse Person)> CustomerWithKeyPerson(object person)
    {
        var customer = await Register(TestUser.RepEast);
        var added = await Host.Client(TestUser.RepEast).PostAsJsonAsync($"/api/customers/{customer.Id}/key-persons", person)
            .Read<KeyPersonResponse>(HttpStatusCode.Created);
        return (customer, added);
    }

    private Task<List<KeyPersonResponse>> KeyPersonsOf(Guid customerId) =>
        Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customerId}/key-persons").Read<List<KeyPersonResponse>>();

    private async Task<long> CardVersion(Guid customerId)
    {
        var response = await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customerId}");
        var card = await response.Read<CustomerResponse>();
        Assert.Equal(Versioning.ETag(card.Version), response.Headers.ETag?.Tag);
        return card.Version;
    }

    private static HttpRequestMessage Put(Guid customerId, Guid personId, object details, long? ifMatch = null) =>
        WithIfMatch(new HttpRequestMessage(HttpMethod.Put, $"/api/customers/{customerId}/key-persons/{personId}") { Content = JsonContent.Create(details) }, ifMatch);

    private static HttpRequestMessage Delete(Guid customerId, Guid personId, long? ifMatch = null) =>
        WithIfMatch(new HttpRequestMessage(HttpMethod.Delete, $"/api/customers/{customerId}/key-persons/{personId}"), ifMatch);

    private static HttpRequestMessage WithIfMatch(HttpRequestMessage request, long? ifMatch)
    {
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", Versioning.ETag(version));
        }

        return request;
    }

    [Fact]
    public async Task updating_a_key_person_replaces_all_their_details_and_advances_the_cards_version()
    {
        var (customer, wang) = await CustomerWithKeyPerson(Wang);
        var before = await CardVersion(customer.Id);

        // The new details leave work unit, e-mail, notes and decision power out: a replacement clears them, and decision
        // power follows the role (only a decision maker has it unless said otherwise).
        var response = await Host.Client(TestUser.RepEast).SendAsync(Put(customer.Id, wang.Id,
            new { name = "王先生 Mr Wang", position = "顾问", role = "Influencer", phone = "13900139000" }, ifMatch: before));

        var updated = await response.Read<KeyPersonResponse>();
        var expected = new KeyPersonResponse(wang.Id, "王先生 Mr Wang", "", "顾问", DecisionRole.Influencer, false, "13900139000", "", "");
        Assert.Equal(expected, updated);
        Assert.Equal(expected, Assert.Single(await KeyPersonsOf(customer.Id)));
        Assert.Equal(Versioning.ETag(before + 1), response.Headers.ETag?.Tag);
        Assert.Equal(before + 1, await CardVersion(customer.Id));
    }

    [Fact]
    public async Task a_key_person_update_with_a_stale_if_match_is_a_conflict_and_their_details_stay()
    {
        var (customer, wang) = await CustomerWithKeyPerson(Wang);
        var seen = await CardVersion(customer.Id);
        // Someone else verifies the card meanwhile: the version the caller saw is now stale.
        await Host.Client(TestUser.ManagerEast).PostAsync($"/api/customers/{customer.Id}/verify", null).Read<CustomerResponse>();

        await Host.Client(TestUser.RepEast).SendAsync(Put(customer.Id, wang.Id, new { name = "王先生 Mr Wang", role = "Influencer" }, ifMatch: seen))
            .ReadProblem(HttpStatusCode.Conflict);

        Assert.Equal(wang, Assert.Single(await KeyPersonsOf(customer.Id)));
        Assert.Equal(seen + 1, await CardVersion(customer.Id));
    }

    [Fact]
    public async Task removing_a_key_person_takes_only_them_off_the_card_and_advances_its_version()
    {
        var (customer, wang) = await CustomerWithKeyPerson(Wang);
        var li = await Host.Client(TestUser.RepEast).PostAsJsonAsync($"/api/customers/{customer.Id}/key-persons", Li).Read<KeyPersonResponse>(HttpStatusCode.Created);
        var before = await CardVersion(customer.Id);

        var response = await Host.Client(TestUser.RepEast).SendAsync(Delete(customer.Id, wang.Id, ifMatch: before));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(Versioning.ETag(before + 1), response.Headers.ETag?.Tag);
        Assert.Equal([li.Id], (await KeyPersonsOf(customer.Id)).Select(k => k.Id));
        var card = await Get(TestUser.RepEast, customer.Id);
        Assert.Equal(before + 1, card.Version);
        Assert.Equal([li.Id], card.KeyPersons!.Select(k => k.Id));
    }

    [Fact]
    public async Task a_key_person_removal_with_a_stale_if_match_is_a_conflict_and_keeps_them()
    {
        var (customer, wang) = await CustomerWithKeyPerson(Wang);
        var seen = await CardVersion(customer.Id);
        await Host.Client(TestUser.RepEast).PostAsJsonAsync($"/api/customers/{customer.Id}/key-persons", Li).Read<KeyPersonResponse>(HttpStatusCode.Created);

        await Host.Client(TestUser.RepEast).SendAsync(Delete(customer.Id, wang.Id, ifMatch: seen)).ReadProblem(HttpStatusCode.Conflict);

        Assert.Contains(wang, await KeyPersonsOf(customer.Id));
        Assert.Equal(seen + 1, await CardVersion(customer.Id));
    }

    [Fact]
    public async Task of_two_removals_with_the_same_if_match_the_second_is_a_conflict()
    {
        var (customer, wang) = await CustomerWithKeyPerson(Wang);
        var li = await Host.Client(TestUser.RepEast).PostAsJsonAsync($"/api/customers/{customer.Id}/key-persons", Li).Read<KeyPersonResponse>(HttpStatusCode.Created);
        var seen = await CardVersion(customer.Id);

        var first = await Host.Client(TestUser.RepEast).SendAsync(Delete(customer.Id, wang.Id, ifMatch: seen));
        var second = await Host.Client(TestUser.RepEast).SendAsync(Delete(customer.Id, li.Id, ifMatch: seen));

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        await second.ReadProblem(HttpStatusCode.Conflict);
        Assert.Equal([li.Id], (await KeyPersonsOf(customer.Id)).Select(k => k.Id));
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task another_reps_customers_key_person_is_not_found_and_stays_as_it_was(string method)
    {
        var (customer, wang) = await CustomerWithKeyPerson(Wang);
        var before = await CardVersion(customer.Id);

        var response = await Host.Client(TestUser.RepEast2).SendAsync(method == "PUT"
            ? Put(customer.Id, wang.Id, new { name = "王先生 Mr Wang", role = "Influencer" })
            : Delete(customer.Id, wang.Id));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(wang, Assert.Single(await KeyPersonsOf(customer.Id)));
        Assert.Equal(before, await CardVersion(customer.Id));
    }
}
