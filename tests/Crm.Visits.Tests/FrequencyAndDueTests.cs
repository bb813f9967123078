using System.Net;
using System.Net.Http.Json;
using Crm.BuildingBlocks.Http;
using Crm.IntegrationEvents;
using Crm.Testing;
using Crm.Visits.Features;

namespace Crm.Visits.Tests;

public sealed class FrequencyAndDueTests : VisitsTestContext
{
    private static object Intervals(int a, int b, int c, int d, int e) => new { a, b, c, d, e };

    private static object Policy(int scale = 1) => new { ordinary = Intervals(5 * scale, 10, 20, 40, 80), key = Intervals(3, 6, 12, 24, 48) };

    [Fact]
    public async Task a_region_follows_the_standard_intervals_until_its_director_sets_its_own()
    {
        var standard = await As(TestUser.DirectorNorth).GetFromJsonAsync<FrequencyPolicyResponse>("/api/visits/frequency-policies/NORTH", TestJson.Options);
        Assert.True(standard!.Standard);
        Assert.Equal((7, 14, 30, 60, 90), (standard.Ordinary.A, standard.Ordinary.B, standard.Ordinary.C, standard.Ordinary.D, standard.Ordinary.E));

        var set = await As(TestUser.DirectorNorth).PutAsJsonAsync("/api/visits/frequency-policies/NORTH", Policy(), TestJson.Options)
            .Read<FrequencyPolicyResponse>();

        Assert.False(set.Standard);
        Assert.Equal((5, 10, 20, 40, 80), (set.Ordinary.A, set.Ordinary.B, set.Ordinary.C, set.Ordinary.D, set.Ordinary.E));
        Assert.Equal((3, 6, 12, 24, 48), (set.Key.A, set.Key.B, set.Key.C, set.Key.D, set.Key.E));
        Assert.Equal(("director.north", 1L), (set.UpdatedBy, set.Version));
    }

    [Fact]
    public async Task only_the_crm_supervisor_and_the_regions_own_director_change_its_frequency()
    {
        var refused = await As(TestUser.DirectorNorth).PutAsJsonAsync("/api/visits/frequency-policies/EAST", Policy(), TestJson.Options)
            .ReadProblem(HttpStatusCode.Forbidden);
        Assert.Contains("regional director of EAST", refused.Detail);
        await As(TestUser.ManagerEast).PutAsJsonAsync("/api/visits/frequency-policies/EAST", Policy(), TestJson.Options).Expect(HttpStatusCode.Forbidden);
        await As(TestUser.RepEast).PutAsJsonAsync("/api/visits/frequency-policies/EAST", Policy(), TestJson.Options).Expect(HttpStatusCode.Forbidden);

        await As(TestUser.Supervisor).PutAsJsonAsync("/api/visits/frequency-policies/EAST", Policy(), TestJson.Options).Expect(HttpStatusCode.OK);

        var stored = await As(TestUser.RepEast).GetFromJsonAsync<FrequencyPolicyResponse>("/api/visits/frequency-policies/EAST", TestJson.Options);
        Assert.Equal(("supervisor", 5), (stored!.UpdatedBy, stored.Ordinary.A));
        await As(TestUser.RepEast).GetAsync("/api/visits/frequency-policies/NORTH").Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task a_stale_if_match_is_a_409_and_the_newer_policy_stays()
    {
        var client = As(TestUser.Supervisor);
        await client.PutAsJsonAsync("/api/visits/frequency-policies/EAST", Policy(), TestJson.Options).Expect(HttpStatusCode.OK);
        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/visits/frequency-policies/EAST") { Content = JsonContent.Create(Policy(2), options: TestJson.Options) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(Versioning.ETag(0)));

        await client.SendAsync(stale).Expect(HttpStatusCode.Conflict);

        var stored = await client.GetFromJsonAsync<FrequencyPolicyResponse>("/api/visits/frequency-policies/EAST", TestJson.Options);
        Assert.Equal((5, 1L), (stored!.Ordinary.A, stored.Version));
    }

    [Fact]
    public async Task every_grade_needs_an_interval_of_one_day_to_a_year()
    {
        var body = new { ordinary = new { a = 0, b = 10, c = 20, d = 40 }, key = Intervals(3, 6, 12, 24, 367) };

        await As(TestUser.Supervisor).PutAsJsonAsync("/api/visits/frequency-policies/EAST", body, TestJson.Options)
            .ReadValidationProblem("ordinary.a", "ordinary.e", "key.e");

        var stored = await As(TestUser.Supervisor).GetFromJsonAsync<FrequencyPolicyResponse>("/api/visits/frequency-policies/EAST", TestJson.Options);
        Assert.True(stored!.Standard);
    }

    [Fact]
    public async Task the_due_list_counts_from_the_last_completed_visit_by_grade_and_tier_and_lists_the_never_visited_as_due_today()
    {
        var visitedB = await Customer(grade: CustomerGrade.B);
        var visitedKeyB = await Customer(grade: CustomerGrade.B, tier: CustomerTier.Key);
        var neverVisitedC = await Customer(grade: CustomerGrade.C);
        var deregistered = await Customer(status: CustomerStatus.Deregistered);
        var othersCustomer = await Customer(owner: "rep.east2");
        foreach (var customer in new[] { visitedB, visitedKeyB })
        {
            var visit = await Schedule(customer.CustomerId);
            await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/check-in", Position()).Expect(HttpStatusCode.OK);
            await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/check-out", Position()).Expect(HttpStatusCode.OK);
        }

        Clock.Advance(TimeSpan.FromDays(18)); // Friday 20 March

        var due = await As(TestUser.RepEast).GetFromJsonAsync<PagedResult<DueCustomerResponse>>("/api/visits/due", TestJson.Options);

        var byId = due!.Items.ToDictionary(d => d.CustomerId);
        Assert.Equal([visitedKeyB.CustomerId, visitedB.CustomerId, neverVisitedC.CustomerId], due.Items.Select(d => d.CustomerId));
        Assert.Equal((Monday, 7, new DateOnly(2026, 3, 9), 11), Facts(byId[visitedKeyB.CustomerId]));
        Assert.Equal((Monday, 14, new DateOnly(2026, 3, 16), 4), Facts(byId[visitedB.CustomerId]));
        Assert.Equal(((DateOnly?)null, 30, new DateOnly(2026, 3, 20), 0), Facts(byId[neverVisitedC.CustomerId]));
        Assert.DoesNotContain(deregistered.CustomerId, byId.Keys);
        Assert.DoesNotContain(othersCustomer.CustomerId, byId.Keys);

        var overdue = await As(TestUser.ManagerEast).GetFromJsonAsync<PagedResult<DueCustomerResponse>>("/api/visits/due?overdueOnly=true", TestJson.Options);
        Assert.Equal([visitedKeyB.CustomerId, visitedB.CustomerId], overdue!.Items.Select(d => d.CustomerId));
        var managersAll = await As(TestUser.ManagerEast).GetFromJsonAsync<PagedResult<DueCustomerResponse>>("/api/visits/due", TestJson.Options);
        Assert.Contains(othersCustomer.CustomerId, managersAll!.Items.Select(d => d.CustomerId));
    }

    [Fact]
    public async Task a_new_policy_moves_the_due_dates_at_once()
    {
        var customer = await Customer(grade: CustomerGrade.B);
        var visit = await Schedule(customer.CustomerId);
        await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/check-in", Position()).Expect(HttpStatusCode.OK);
        await Post(TestUser.RepEast, $"/api/visits/{visit.Id}/check-out", Position()).Expect(HttpStatusCode.OK);

        await As(TestUser.Supervisor).PutAsJsonAsync("/api/visits/frequency-policies/EAST", Policy(), TestJson.Options).Expect(HttpStatusCode.OK);

        var due = await As(TestUser.RepEast).GetFromJsonAsync<PagedResult<DueCustomerResponse>>("/api/visits/due", TestJson.Options);
        var entry = Assert.Single(due!.Items);
        Assert.Equal((10, new DateOnly(2026, 3, 12)), (entry.IntervalDays, entry.NextDue));
    }

    private static (DateOnly? Last, int Interval, DateOnly Due, int Overdue) Facts(DueCustomerResponse d) => (d.LastVisitOn, d.IntervalDays, d.NextDue, d.DaysOverdue);
}
