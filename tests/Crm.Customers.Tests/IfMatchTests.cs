using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.Customers.Data;
using Crm.Customers.Domain;
using Crm.Customers.Features;
using Crm.IntegrationEvents;
using Crm.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Customers.Tests;

/// <summary>
/// Every change of a customer's card honours If-Match with the customer's version: a writer holding an older copy gets
/// 409 and changes nothing; a writer that loaded the card before another one saved loses on the concurrency token.
/// </summary>
public sealed class IfMatchTests : CustomersHostTests
{
    private static readonly object KeyPerson = new { name = "王经理 Manager Wang", role = "DecisionMaker", phone = "13800000000" };

    public static TheoryData<string> Changes => new()
    {
        "update the profile", "reassign the owner", "change the grade", "deregister", "verify", "set the credit limit",
        "add a key person", "update a key person", "remove a key person", "confirm a grade proposal", "reject a grade proposal",
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task a_change_with_a_stale_if_match_is_a_conflict_and_changes_nothing(string change)
    {
        var customer = await Register(TestUser.RepEast, grade: "C");
        var person = await Host.Client(TestUser.RepEast).PostAsJsonAsync($"/api/customers/{customer.Id}/key-persons", KeyPerson).Read<KeyPersonResponse>(HttpStatusCode.Created);
        var proposal = await Proposal(customer.Id);
        var current = await Version(customer.Id);

        var response = await Host.Client(change == "set the credit limit" ? TestUser.ManagerEast : TestUser.Supervisor)
            .SendAsync(Request(change, customer.Id, person.Id, proposal, ifMatch: current - 1));

        // Told apart from a business rule's refusal, so that the portal can say "changed meanwhile, reload".
        Assert.Equal(ProblemTypes.ChangedMeanwhile, (await response.ReadProblem(HttpStatusCode.Conflict)).Type);
        Assert.Equal(current, await Version(customer.Id));
        Assert.Equal(ProposalStatus.Pending, (await Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customer.Id}/grade-proposals").Read<List<GradeProposalResponse>>()).Single().Status);
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task a_change_with_the_current_if_match_is_applied(string change)
    {
        var customer = await Register(TestUser.RepEast, grade: "C");
        var person = await Host.Client(TestUser.RepEast).PostAsJsonAsync($"/api/customers/{customer.Id}/key-persons", KeyPerson).Read<KeyPersonResponse>(HttpStatusCode.Created);
        var proposal = await Proposal(customer.Id);
        var current = await Version(customer.Id);

        var response = await Host.Client(change == "set the credit limit" ? TestUser.ManagerEast : TestUser.Supervisor)
            .SendAsync(Request(change, customer.Id, person.Id, proposal, ifMatch: current));

        Assert.True(response.IsSuccessStatusCode, $"{change}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// A lost update as a user meets it: the caller reads the card (its ETag), someone else changes it, and the caller's
    /// change sent with the ETag it read is refused; the stored value is the other user's, not the caller's.
    /// </summary>
    [Theory]
    [InlineData("set the credit limit")]
    [InlineData("deregister")]
    [InlineData("reassign the owner")]
    public async Task a_change_based_on_a_card_changed_since_it_was_read_gets_409_and_the_stored_value_stays(string change)
    {
        var customer = await Register(TestUser.RepEast, grade: "C");
        var read = await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/{customer.Id}");
        var etag = read.Headers.ETag!.Tag;
        var url = $"/api/customers/{customer.Id}";
        var (caller, meanwhile, mine) = change switch
        {
            "set the credit limit" => (TestUser.Supervisor,
                Host.Client(TestUser.ManagerEast).PutAsJsonAsync($"{url}/credit-limit", new { amount = 50_000m, reason = "Opening limit" }),
                new HttpRequestMessage(HttpMethod.Put, $"{url}/credit-limit") { Content = JsonContent.Create(new { amount = 150_000m, reason = "Raised" }) }),
            "deregister" => (TestUser.ManagerEast,
                Host.Client(TestUser.RepEast).PostAsync($"{url}/verify", null),
                new HttpRequestMessage(HttpMethod.Post, $"{url}/deregister") { Content = JsonContent.Create(new { reason = "Went out of business" }) }),
            "reassign the owner" => (TestUser.Supervisor,
                Host.Client(AccessTests.Admin).PostAsJsonAsync($"{url}/owner", new { ownerId = "rep.east2", reason = "Territory split" }),
                new HttpRequestMessage(HttpMethod.Post, $"{url}/owner") { Content = JsonContent.Create(new { ownerId = "manager.east", reason = "Key account" }) }),
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "No such change in the table."),
        };
        await meanwhile.Expect(HttpStatusCode.OK);
        mine.Headers.TryAddWithoutValidation("If-Match", etag);

        await Host.Client(caller).SendAsync(mine).ReadProblem(HttpStatusCode.Conflict);

        var stored = await Get(TestUser.Supervisor, customer.Id);
        switch (change)
        {
            case "set the credit limit":
                Assert.Equal(50_000m, stored.CreditLimit);
                var history = await Host.Client(TestUser.Supervisor).GetAsync($"{url}/credit-history").Read<List<CreditLimitChangeResponse>>();
                Assert.Equal([(0m, 50_000m)], history.Select(h => (h.From, h.To)));
                break;
            case "deregister":
                Assert.Equal((CustomerStatus.Active, null, null), (stored.Status, stored.DeregistrationReason, stored.DeregisteredAt));
                Assert.NotNull(stored.LastVerifiedAt);
                break;
            default:
                Assert.Equal("rep.east2", stored.OwnerId);
                break;
        }

        Assert.Equal(customer.Version + 1, stored.Version);
    }

    [Fact]
    public async Task of_two_puts_of_a_key_person_with_the_same_if_match_the_second_is_a_conflict()
    {
        var customer = await Register(TestUser.RepEast);
        var client = Host.Client(TestUser.RepEast);
        var person = await client.PostAsJsonAsync($"/api/customers/{customer.Id}/key-persons", KeyPerson).Read<KeyPersonResponse>(HttpStatusCode.Created);
        var seen = await Version(customer.Id);

        var first = await client.SendAsync(KeyPersonPut(customer.Id, person.Id, "王总 General Manager Wang", seen));
        var second = await client.SendAsync(KeyPersonPut(customer.Id, person.Id, "王先生 Mr Wang", seen));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await second.ReadProblem(HttpStatusCode.Conflict);
        var persons = await client.GetAsync($"/api/customers/{customer.Id}/key-persons").Read<List<KeyPersonResponse>>();
        Assert.Equal("王总 General Manager Wang", Assert.Single(persons).Name);
    }

    [Fact]
    public async Task a_key_person_change_from_a_copy_loaded_before_another_writer_saved_loses_on_the_concurrency_token()
    {
        var customer = await Register(TestUser.RepEast);
        var client = Host.Client(TestUser.RepEast);
        var person = await client.PostAsJsonAsync($"/api/customers/{customer.Id}/key-persons", KeyPerson).Read<KeyPersonResponse>(HttpStatusCode.Created);
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        var loaded = await db.Customers.Include(c => c.KeyPersons).SingleAsync(c => c.Id == customer.Id);

        await client.SendAsync(KeyPersonPut(customer.Id, person.Id, "王总 General Manager Wang", loaded.Version)).Expect(HttpStatusCode.OK);
        loaded.UpdateKeyPerson(loaded.KeyPersons.Single(), loaded.KeyPersons.Single().Details with { Name = "王先生 Mr Wang" }, "rep.east", DateTimeOffset.UtcNow);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        var persons = await client.GetAsync($"/api/customers/{customer.Id}/key-persons").Read<List<KeyPersonResponse>>();
        Assert.Equal("王总 General Manager Wang", Assert.Single(persons).Name);
    }

    [Fact]
    public async Task a_proposal_decided_meanwhile_cannot_be_decided_again_from_an_older_copy()
    {
        var customer = await Register(TestUser.RepEast, grade: "C");
        var proposalId = await Proposal(customer.Id);
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CustomersDbContext>();
        var loadedCustomer = await db.Customers.SingleAsync(c => c.Id == customer.Id);
        var loadedProposal = await db.GradeProposals.SingleAsync(p => p.Id == proposalId);

        await Host.Client(TestUser.ManagerEast).PostAsJsonAsync($"/api/customers/{customer.Id}/grade-proposals/{proposalId}/reject", new { note = "Too early" })
            .Expect(HttpStatusCode.OK);
        loadedProposal.Confirm(loadedCustomer, "rep.east", null, DateTimeOffset.UtcNow);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        Assert.Equal(CustomerGrade.C, (await Get(TestUser.RepEast, customer.Id)).Grade);
    }

    private static HttpRequestMessage Request(string change, Guid id, Guid personId, Guid proposalId, long ifMatch)
    {
        var url = $"/api/customers/{id}";
        var request = change switch
        {
            "update the profile" => new HttpRequestMessage(HttpMethod.Put, url)
            {
                Content = JsonContent.Create(new { name = "改名 Renamed", kind = "Dealer", region = "EAST", address = "上海市浦东新区张江路 88 号", ownerId = "rep.east", tier = "Key" }),
            },
            "reassign the owner" => new HttpRequestMessage(HttpMethod.Post, $"{url}/owner") { Content = JsonContent.Create(new { ownerId = "rep.east2", reason = "Territory split" }) },
            "change the grade" => new HttpRequestMessage(HttpMethod.Post, $"{url}/grade") { Content = JsonContent.Create(new { grade = "B", reason = "Intends to buy" }) },
            "deregister" => new HttpRequestMessage(HttpMethod.Post, $"{url}/deregister") { Content = JsonContent.Create(new { reason = "Went out of business" }) },
            "verify" => new HttpRequestMessage(HttpMethod.Post, $"{url}/verify"),
            "set the credit limit" => new HttpRequestMessage(HttpMethod.Put, $"{url}/credit-limit") { Content = JsonContent.Create(new { amount = 150_000m, reason = "Opening limit" }) },
            "add a key person" => new HttpRequestMessage(HttpMethod.Post, $"{url}/key-persons") { Content = JsonContent.Create(KeyPerson) },
            "update a key person" => new HttpRequestMessage(HttpMethod.Put, $"{url}/key-persons/{personId}")
            {
                Content = JsonContent.Create(new { name = "王总 General Manager Wang", role = "DecisionMaker" }),
            },
            "remove a key person" => new HttpRequestMessage(HttpMethod.Delete, $"{url}/key-persons/{personId}"),
            "confirm a grade proposal" => new HttpRequestMessage(HttpMethod.Post, $"{url}/grade-proposals/{proposalId}/confirm") { Content = JsonContent.Create(new { note = "Agreed" }) },
            "reject a grade proposal" => new HttpRequestMessage(HttpMethod.Post, $"{url}/grade-proposals/{proposalId}/reject") { Content = JsonContent.Create(new { note = "Too early" }) },
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "No such change in the table."),
        };
        request.Headers.TryAddWithoutValidation("If-Match", Versioning.ETag(ifMatch));
        return request;
    }

    private static HttpRequestMessage KeyPersonPut(Guid id, Guid personId, string name, long ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/customers/{id}/key-persons/{personId}")
        {
            Content = JsonContent.Create(new { name, role = "DecisionMaker" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", Versioning.ETag(ifMatch));
        return request;
    }

    private Task<long> Version(Guid id) => Host.Scoped<CustomersDbContext, long>(db => db.Customers.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
}
