using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.Contracts.Domain;
using Crm.Testing;

namespace Crm.Contracts.Tests;

/// <summary>Every step of a contract leaves its line in the service's audit log, which only the CRM supervisor and admins read.</summary>
public sealed class AuditLogTests : ContractsHostTests
{
    [Fact]
    public async Task drafting_submitting_and_approving_a_contract_are_audited_with_who_took_each_step()
    {
        var customer = await KnownCustomer();
        var contract = await Submitted(customer);
        var approver = ApproverFor(contract.Chain[0].Role);
        await Decide(approver, contract.Id, ContractDecisionKind.Approve).Expect(HttpStatusCode.OK);

        var lines = await Host.AuditOf("contracts", contract.Id);

        Assert.Equal(TestUser.RepEast.Id, Assert.Single(lines, l => l.Action == AuditActions.Drafted).UserId);
        Assert.Equal(TestUser.RepEast.Id, Assert.Single(lines, l => l.Action == AuditActions.Submitted).UserId);
        var decided = lines[0];
        Assert.Equal(approver.Id, decided.UserId);
        Assert.Equal(contract.Chain.Count == 1 ? AuditActions.Approved : AuditActions.StepApproved, decided.Action);
    }

    [Fact]
    public async Task signing_a_contract_and_letting_it_lapse_are_audited_with_the_reason()
    {
        var approved = await Approved(await KnownCustomer());
        await Sign(TestUser.RepEast, approved.Id).Expect(HttpStatusCode.OK);
        await Host.Client(TestUser.ManagerEast).PostAsJsonAsync($"/api/contracts/{approved.Id}/let-lapse", new { reason = "Dealer retires" }).Expect(HttpStatusCode.OK);

        var lines = await Host.AuditOf("contracts", approved.Id);

        Assert.Equal((AuditActions.LetLapse, TestUser.ManagerEast.Id), (lines[0].Action, lines[0].UserId));
        Assert.Equal("Dealer retires", JsonDocument.Parse(lines[0].Details).RootElement.GetProperty("reason").GetString());
        Assert.Equal((AuditActions.Signed, TestUser.RepEast.Id), (lines[1].Action, lines[1].UserId));
    }

    [Fact]
    public Task only_the_crm_supervisor_and_admins_read_the_audit_log() => Host.OnlyStewardsRead("contracts");

    [Theory]
    [MemberData(nameof(AuditLogs.BadFilters), MemberType = typeof(AuditLogs))]
    public async Task a_filter_the_log_cannot_use_is_refused_naming_the_field(string query, string field) =>
        await Host.Client(TestUser.Supervisor).GetAsync($"/api/contracts/audit?{query}").ReadValidationProblem(field);
}
