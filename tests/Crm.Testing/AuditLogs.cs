using System.Net;
using Crm.BuildingBlocks.Audit;
using Crm.BuildingBlocks.Http;
using Xunit;

namespace Crm.Testing;

/// <summary>What every service's audit log (<c>GET /api/{service}/audit</c>) promises, asserted the same way for each.</summary>
public static class AuditLogs
{
    /// <summary>The lines about one subject, as the CRM supervisor reads them, newest first.</summary>
    public static async Task<IReadOnlyList<AuditEntryResponse>> AuditOf(this ServiceTestHost host, string service, Guid subjectId, string? action = null) =>
        (await host.Client(TestUser.Supervisor).GetAsync($"/api/{service}/audit?subjectId={subjectId}{(action is null ? "" : $"&action={action}")}")
            .Read<PagedResult<AuditEntryResponse>>()).Items;

    /// <summary>The CRM supervisor reads the log; a rep and a branch manager are refused with the rule's problem details.</summary>
    public static async Task OnlyStewardsRead(this ServiceTestHost host, string service)
    {
        await host.Client(TestUser.Supervisor).GetAsync($"/api/{service}/audit").Expect(HttpStatusCode.OK);
        foreach (var user in new[] { TestUser.RepEast, TestUser.ManagerEast })
        {
            var refusal = await host.Client(user).GetAsync($"/api/{service}/audit").ReadProblem(HttpStatusCode.Forbidden);
            Assert.False(string.IsNullOrWhiteSpace(refusal.Detail), $"{user.Id}'s refusal does not say why");
        }
    }

    /// <summary>Filters the log cannot use, each answered with problem details naming the field.</summary>
    public static TheoryData<string, string> BadFilters => new()
    {
        { "action=NoSuchAction", "action" },
        { $"userId={new string('x', 101)}", "userId" },
        { "from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to" },
        { "pageSize=0", "pageSize" },
        { "page=0", "page" },
    };
}
