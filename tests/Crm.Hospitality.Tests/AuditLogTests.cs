using System.Text.Json;
using Crm.BuildingBlocks.Security;
using Crm.Hospitality.Domain;
using Crm.Testing;

namespace Crm.Hospitality.Tests;

/// <summary>Every step of a company visit application leaves its line in the service's audit log, which only the CRM supervisor and admins read.</summary>
public sealed class AuditLogTests : HospitalityTestContext
{
    [Fact]
    public async Task an_application_and_each_approval_along_its_chain_are_audited_with_who_decided()
    {
        var approved = await Approved();

        var lines = await Host.AuditOf("hospitality", approved.Id);

        var submitted = Assert.Single(lines, l => l.Action == AuditActions.Submitted);
        Assert.Equal(TestUser.RepEast.Id, submitted.UserId);
        Assert.Equal(approved.Number, JsonDocument.Parse(submitted.Details).RootElement.GetProperty("number").GetString());
        var decisions = lines.Where(l => l.Action is AuditActions.StepApproved or AuditActions.Approved).Reverse().ToList();
        var approvers = approved.Chain.Select(step => step.Role switch
        {
            Roles.BranchManager => TestUser.ManagerEast.Id,
            Roles.RegionalDirector => DirectorEast.Id,
            _ => TestUser.MarketingGM.Id,
        });
        Assert.Equal(approvers, decisions.Select(d => d.UserId));
        Assert.Equal(AuditActions.Approved, decisions[^1].Action);
    }

    [Fact]
    public Task only_the_crm_supervisor_and_admins_read_the_audit_log() => Host.OnlyStewardsRead("hospitality");

    [Theory]
    [MemberData(nameof(AuditLogs.BadFilters), MemberType = typeof(AuditLogs))]
    public async Task a_filter_the_log_cannot_use_is_refused_naming_the_field(string query, string field) =>
        await As(TestUser.Supervisor).GetAsync($"/api/hospitality/audit?{query}").ReadValidationProblem(field);
}
