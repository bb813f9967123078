using System.Net;
using Crm.BuildingBlocks.Http;
using Crm.Contracts.Domain;
using Crm.Contracts.Features;
using Crm.IntegrationEvents;
using Crm.Testing;

namespace Crm.Contracts.Tests;

public sealed class SignContractTests : ContractsHostTests
{
    [Fact]
    public async Task signing_an_approved_contract_marks_it_signed_and_publishes_contract_signed()
    {
        var customer = await KnownCustomer();
        var draft = await Approved(customer);

        var signed = await Sign(TestUser.ManagerEast, draft.Id).Read<ContractResponse>();

        Assert.Equal(ContractStatus.Signed, signed.Status);
        Assert.Equal("manager.east", signed.SignedBy);
        Assert.NotNull(signed.SignedAt);
        Assert.Equal(draft.Version + 1, signed.Version);
        Assert.Equal(ContractStatus.Signed, (await Get(TestUser.RepEast, draft.Id)).Status);
        var published = await Host.Published<ContractSigned>(e => e.ContractId == draft.Id);
        Assert.Equal(draft.Number, published.ContractNumber);
        Assert.Equal(customer.CustomerId, published.CustomerId);
        Assert.Equal("manager.east", published.SignedBy);
        Assert.Equal(signed.Version, published.Version);
    }

    [Fact]
    public async Task signing_a_signed_contract_again_is_a_conflict_and_publishes_nothing_more()
    {
        var customer = await KnownCustomer();
        var draft = await Approved(customer);
        var signed = await Sign(TestUser.RepEast, draft.Id).Read<ContractResponse>();

        var again = await Sign(TestUser.ManagerEast, draft.Id);

        var problem = await again.ReadProblem(HttpStatusCode.Conflict);
        Assert.Contains(draft.Number, problem.Detail, StringComparison.Ordinal);
        var stored = await Get(TestUser.RepEast, draft.Id);
        Assert.Equal(("rep.east", signed.Version), (stored.SignedBy, stored.Version));
        Assert.Equal(1, await SignedEventsStaged());
    }

    [Fact]
    public async Task when_two_people_sign_at_once_one_wins_and_the_other_gets_a_conflict()
    {
        var customer = await KnownCustomer();
        var draft = await Approved(customer);

        var responses = await Task.WhenAll(Sign(TestUser.RepEast, draft.Id), Sign(TestUser.ManagerEast, draft.Id));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await SignedEventsStaged());
    }

    [Fact]
    public async Task signing_with_an_if_match_other_than_the_current_version_is_a_conflict_and_leaves_the_contract_approved()
    {
        var customer = await KnownCustomer();
        var draft = await Approved(customer);

        var response = await Sign(TestUser.RepEast, draft.Id, ifMatch: Versioning.ETag(draft.Version + 1));

        await response.ReadProblem(HttpStatusCode.Conflict);
        Assert.Equal(ContractStatus.Approved, (await Get(TestUser.RepEast, draft.Id)).Status);
        Assert.Equal(0, await SignedEventsStaged());
    }

    [Fact]
    public async Task signing_with_the_etag_just_read_succeeds()
    {
        var customer = await KnownCustomer();
        var draft = await Approved(customer);
        var read = await Host.Client(TestUser.RepEast).GetAsync($"/api/contracts/{draft.Id}");

        var signed = await Sign(TestUser.RepEast, draft.Id, ifMatch: read.Headers.ETag?.ToString()).Read<ContractResponse>();

        Assert.Equal(ContractStatus.Signed, signed.Status);
    }

    [Fact]
    public async Task a_rep_of_another_region_can_neither_see_nor_sign_the_contract()
    {
        var customer = await KnownCustomer("EAST", "rep.east");
        var draft = await Approved(customer);

        var read = await Host.Client(TestUser.RepNorth).GetAsync($"/api/contracts/{draft.Id}");
        var sign = await Sign(TestUser.RepNorth, draft.Id);
        var directorOfOtherRegion = await Sign(TestUser.DirectorNorth, draft.Id);

        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, sign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, directorOfOtherRegion.StatusCode);
        Assert.Equal(ContractStatus.Approved, (await Get(TestUser.RepEast, draft.Id)).Status);
        Assert.Equal(0, await SignedEventsStaged());
    }

    [Fact]
    public async Task the_signature_keeps_the_day_place_signatories_and_custodian_and_a_document_of_the_whole_contract_with_its_hash()
    {
        var customer = await KnownCustomer();
        var approved = await Approved(customer);

        var signed = await Sign(Custodian, approved.Id, body: new { place = "佛山 Foshan", custodian = "custodian" }).Read<ContractResponse>();

        var signature = signed.Signature!;
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow), signature.SignedOn);
        Assert.Equal(("佛山 Foshan", "黄涛 Huang Tao", "王建国 Wang Jianguo", "custodian"),
            (signature.Place, signature.CompanySignatory, signature.CustomerSignatory, signature.Custodian));
        var document = await Host.Client(TestUser.RepEast).GetAsync($"/api/contracts/{approved.Id}/document");
        Assert.Equal("text/html", document.Content.Headers.ContentType?.MediaType);
        var html = await document.Content.ReadAsStringAsync();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(html))), signed.DocumentHash);
        foreach (var expected in new[] { approved.Number, "一、标的 Subject", "十一、双方信息 Parties", "抛光砖 Polished tile 600", "60,000.00", "王建国 Wang Jianguo", "佛山 Foshan", "@media print" })
        {
            Assert.Contains(expected, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task a_signature_dated_in_the_future_or_without_a_custodian_is_refused_on_its_field()
    {
        var customer = await KnownCustomer();
        var approved = await Approved(customer);

        await Sign(TestUser.RepEast, approved.Id, body: new { signedOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2), custodian = "custodian" })
            .ReadValidationProblem("signedOn");
        await Sign(TestUser.RepEast, approved.Id, body: new { place = "杭州" }).ReadValidationProblem("custodian");
        Assert.Equal(ContractStatus.Approved, (await Get(TestUser.RepEast, approved.Id)).Status);
    }

    [Fact]
    public async Task only_an_approved_contract_is_signed()
    {
        var customer = await KnownCustomer();
        var draft = await CreateDraft(TestUser.RepEast, customer.CustomerId);
        var submitted = await Submitted(customer);

        foreach (var id in new[] { draft.Id, submitted.Id })
        {
            Assert.Contains("only an approved contract is signed", (await Sign(TestUser.RepEast, id).ReadProblem(HttpStatusCode.Conflict)).Detail);
        }

        Assert.Equal(0, await SignedEventsStaged());
    }

    [Fact]
    public async Task signing_an_unknown_contract_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Sign(TestUser.Supervisor, Guid.NewGuid())).StatusCode);
    }
}
