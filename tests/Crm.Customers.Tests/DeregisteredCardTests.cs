using System.Net;
using System.Net.Http.Json;
using Crm.Customers.Domain;
using Crm.Customers.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Customers.Tests;

/// <summary>
/// A deregistered (注销) customer's card is kept as it was, never deleted: every change the card refuses once
/// deregistered (Customer.EnsureActive: profile, owner, grade, deregistration, verification, credit limit, key persons, and
/// a grade proposal's confirmation, which changes the grade, and an evaluation) is a 409 naming the deregistration, also when
/// the change would leave the value as it is, and the card reads exactly as before. Each request below changes an active card (IfMatchTests.a_change_with_the_current_if_match_is_applied).
/// </summary>
public sealed class DeregisteredCardTests : CustomersHostTests
{
    private static readonly object KeyPerson = new { name = "王经理 Manager Wang", role = "DecisionMaker", phone = "13800000000" };

    public static TheoryData<string> Changes => new()
    {
        "update the profile", "reassign the owner", "change the grade", "deregister again", "verify", "set the credit limit",
        "add a key person", "update a key person", "remove a key person", "confirm a grade proposal", "evaluate",
        "change the grade to the one it has", "set the credit limit it has", "reassign to the owner it has",
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task a_deregistered_card_refuses_the_change_with_409_and_reads_as_before(string change)
    {
        var customer = await Register(TestUser.RepEast, grade: "C");
        var person = await Host.Client(TestUser.RepEast).PostAsJsonAsync($"/api/customers/{customer.Id}/key-persons", KeyPerson).Read<KeyPersonResponse>(HttpStatusCode.Created);
        var proposal = await Proposal(customer.Id);
        await Host.Client(TestUser.ManagerEast).PostAsJsonAsync($"/api/customers/{customer.Id}/deregister", new { reason = "Went out of business" }).Read<CustomerResponse>();
        var before = await Card(customer.Id);

        var response = await Host.Client(change.StartsWith("set the credit limit", StringComparison.Ordinal) ? TestUser.ManagerEast : TestUser.Supervisor)
            .SendAsync(Request(change, customer.Id, person.Id, proposal));

        var problem = await response.ReadProblem(HttpStatusCode.Conflict);
        Assert.Contains($"Customer {customer.Code} was deregistered", problem.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await Card(customer.Id));
        Assert.Equal(ProposalStatus.Pending, Assert.Single(await Proposals(customer.Id)).Status);
        Assert.Empty(await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/{customer.Id}/credit-history").Read<List<CreditLimitChangeResponse>>());
        Assert.Equal([CustomerGrade.C], (await History(TestUser.Supervisor, customer.Id)).Select(h => h.To));
        Assert.Empty(await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/{customer.Id}/evaluations").Read<List<EvaluationResponse>>());
    }

    /// <summary>The card as its reader sees it, key persons included, as the JSON the service answers.</summary>
    private async Task<string> Card(Guid id)
    {
        var response = await Host.Client(TestUser.Supervisor).GetAsync($"/api/customers/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static HttpRequestMessage Request(string change, Guid id, Guid personId, Guid proposalId)
    {
        var url = $"/api/customers/{id}";
        return change switch
        {
            "update the profile" => new HttpRequestMessage(HttpMethod.Put, url)
            {
                Content = JsonContent.Create(new { name = "改名 Renamed", kind = "Dealer", region = "EAST", address = "上海市浦东新区张江路 88 号", ownerId = "rep.east", tier = "Key" }),
            },
            "reassign the owner" => new HttpRequestMessage(HttpMethod.Post, $"{url}/owner") { Content = JsonContent.Create(new { ownerId = "rep.east2", reason = "Territory split" }) },
            "change the grade" => new HttpRequestMessage(HttpMethod.Post, $"{url}/grade") { Content = JsonContent.Create(new { grade = "B", reason = "Intends to buy" }) },
            "deregister again" => new HttpRequestMessage(HttpMethod.Post, $"{url}/deregister") { Content = JsonContent.Create(new { reason = "Duplicate card" }) },
            "verify" => new HttpRequestMessage(HttpMethod.Post, $"{url}/verify"),
            "set the credit limit" => new HttpRequestMessage(HttpMethod.Put, $"{url}/credit-limit") { Content = JsonContent.Create(new { amount = 150_000m, reason = "Opening limit" }) },
            "add a key person" => new HttpRequestMessage(HttpMethod.Post, $"{url}/key-persons") { Content = JsonContent.Create(new { name = "李工 Engineer Li", role = "Influencer" }) },
            "update a key person" => new HttpRequestMessage(HttpMethod.Put, $"{url}/key-persons/{personId}")
            {
                Content = JsonContent.Create(new { name = "王总 General Manager Wang", role = "DecisionMaker" }),
            },
            "remove a key person" => new HttpRequestMessage(HttpMethod.Delete, $"{url}/key-persons/{personId}"),
            "evaluate" => new HttpRequestMessage(HttpMethod.Post, $"{url}/evaluations")
            {
                Content = JsonContent.Create(new { transactions = 80, profitability = 70, safety = 90, growth = 60, cooperation = 85, creditRating = "A" }),
            },
            "change the grade to the one it has" => new HttpRequestMessage(HttpMethod.Post, $"{url}/grade") { Content = JsonContent.Create(new { grade = "C", reason = "Unchanged" }) },
            "set the credit limit it has" => new HttpRequestMessage(HttpMethod.Put, $"{url}/credit-limit") { Content = JsonContent.Create(new { amount = 0m, reason = "Unchanged" }) },
            "reassign to the owner it has" => new HttpRequestMessage(HttpMethod.Post, $"{url}/owner") { Content = JsonContent.Create(new { ownerId = "rep.east", reason = "Unchanged" }) },
            "confirm a grade proposal" => new HttpRequestMessage(HttpMethod.Post, $"{url}/grade-proposals/{proposalId}/confirm") { Content = JsonContent.Create(new { note = "Agreed" }) },
            _ => throw new ArgumentOutOfRangeException(nameof(change), change, "No such change in the table."),
        };
    }

    private Task<List<GradeProposalResponse>> Proposals(Guid customerId) =>
        Host.Client(TestUser.RepEast).GetAsync($"/api/customers/{customerId}/grade-proposals").Read<List<GradeProposalResponse>>();
}
