using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.Http;
using Crm.Testing;
using Crm.Visits.Domain;
using Crm.Visits.Features;

namespace Crm.Visits.Tests;

/// <summary>Every change of a visit, a plan or a region's frequency leaves its line in the service's audit log, which only the CRM supervisor and admins read.</summary>
public sealed class AuditLogTests : VisitsTestContext
{
    [Fact]
    public async Task scheduling_and_cancelling_a_visit_are_audited_with_who_did_it_and_why()
    {
        var visit = await Schedule((await Customer()).CustomerId);
        await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/cancel", new { reason = "Customer closed for stocktaking" }).Expect(HttpStatusCode.OK);

        var lines = await Host.AuditOf("visits", visit.Id);

        Assert.Equal([AuditActions.Cancelled, AuditActions.Scheduled], lines.Select(l => l.Action));
        Assert.All(lines, l => Assert.Equal(TestUser.RepEast.Id, l.UserId));
        Assert.Equal("Customer closed for stocktaking", JsonDocument.Parse(lines[0].Details).RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task a_directors_change_of_the_visit_frequency_is_audited_with_the_intervals_before_and_after()
    {
        var before = await As(TestUser.DirectorNorth).GetFromJsonAsync<FrequencyPolicyResponse>("/api/visits/frequency-policies/NORTH", TestJson.Options);
        var ordinary = new { a = 5, b = 10, c = 20, d = 40, e = 80 };
        await As(TestUser.DirectorNorth).PutAsJsonAsync("/api/visits/frequency-policies/NORTH", new { ordinary, key = new { a = 3, b = 6, c = 12, d = 24, e = 48 } }, TestJson.Options)
            .Expect(HttpStatusCode.OK);

        var page = await As(TestUser.Supervisor).GetAsync($"/api/visits/audit?userId={TestUser.DirectorNorth.Id}&action={AuditActions.FrequencyChanged}")
            .Read<PagedResult<AuditEntryResponse>>();

        var details = JsonDocument.Parse(Assert.Single(page.Items).Details).RootElement;
        Assert.Equal("NORTH", details.GetProperty("region").GetString());
        Assert.Equal(before!.Ordinary.A, details.GetProperty("before").GetProperty("ordinary").GetProperty("a").GetInt32());
        Assert.Equal(ordinary.a, details.GetProperty("after").GetProperty("ordinary").GetProperty("a").GetInt32());
    }

    [Fact]
    public Task only_the_crm_supervisor_and_admins_read_the_audit_log() => Host.OnlyStewardsRead("visits");

    [Theory]
    [MemberData(nameof(AuditLogs.BadFilters), MemberType = typeof(AuditLogs))]
    public async Task a_filter_the_log_cannot_use_is_refused_naming_the_field(string query, string field) =>
        await As(TestUser.Supervisor).GetAsync($"/api/visits/audit?{query}").ReadValidationProblem(field);
}
