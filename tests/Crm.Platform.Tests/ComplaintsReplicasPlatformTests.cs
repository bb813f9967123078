using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Crm.Testing;
using Xunit.Abstractions;

namespace Crm.Platform.Tests;

/// <summary>
/// Two processes of the Complaints service on one PostgreSQL database and the real RabbitMQ, both sweeping for due
/// escalations every second: complaints filed at once on both get numbers without gap or duplicate, and every step of
/// every complaint is escalated exactly once, in Complaints and in the customer's service history that Customers keeps
/// from the published events.
/// It starts a platform of its own (seven processes, settings the shared one must not have), so it runs alone.
/// </summary>
[Collection(ComplaintsReplicasCollection.Name)]
public sealed class ComplaintsReplicasPlatformTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Complaints = 100;

    /// <summary>
    /// The SLA the supervisor sets for the test, for every severity and tier, in business seconds: first response 4,
    /// resolution 8, at risk at half a target, overdue at 150 % of the resolution target.
    /// </summary>
    private const double FirstResponseSeconds = 4, ResolutionSeconds = 8, AtRiskShare = 0.5, OverdueShare = 0.5;

    private PlatformProcesses? platform;
    private Uri? replica;

    private PlatformProcesses Platform => platform!;

    public async Task InitializeAsync()
    {
        platform = await PlatformProcesses.StartAsync(new PlatformOptions
        {
            ExtraReplicas = 1,
            ServiceSettings = new Dictionary<string, string>
            {
                ["Complaints__EscalationIntervalSeconds"] = "1",
                // Small batches, so that the two sweepers' claims interleave.
                ["Complaints__EscalationBatchSize"] = "5",
            },
            GatewaySettings = new Dictionary<string, string> { ["RateLimiting__TokenLimit"] = "100000", ["RateLimiting__TokensPerSecond"] = "100000" },
        });
        replica = await Platform.StartReplicaAsync("Complaints");
    }

    public async Task DisposeAsync()
    {
        if (platform is not null)
        {
            await platform.DisposeAsync();
        }
    }

    [Fact]
    public async Task Complaints_filed_on_two_replicas_are_numbered_without_gaps_and_each_step_is_escalated_exactly_once()
    {
        using var supervisor = await Platform.ClientAsync("supervisor");
        await SetSecondsLongSla(supervisor);
        await SetRoundTheClockCalendarForEast(supervisor);

        using var rep = await Platform.ClientAsync("rep.east");
        var customerId = (await Api.RegisterCustomer(rep, "EAST")).Text("id");
        await Api.Eventually(rep, $"/api/complaints/customers/{customerId}", _ => true, "the customer in the Complaints read model");

        // Filed at once, half on each process (directly, not through the gateway, which knows only the first).
        using var onFirst = await Platform.ClientAsync("rep.east", Platform.ServiceUrls["Complaints"]);
        using var onSecond = await Platform.ClientAsync("rep.east", replica);
        var year = DateTime.UtcNow.Year;
        var filed = await Task.WhenAll(Enumerable.Range(0, Complaints).Select(i => Task.Run(async () =>
        {
            var response = await (i % 2 == 0 ? onFirst : onSecond).PostAsJsonAsync("/api/complaints", new
            {
                customerId, channel = "Hotline", type = "ProductQuality", severity = "Medium",
                description = $"Complaint {i}", contactPerson = "王经理",
            });
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"Filing {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return await Api.Json(response);
        })));

        // The rule: CP-<year>-<running number of the year, six digits> from 1, in the one series both processes share.
        Assert.Equal(
            Enumerable.Range(1, Complaints).Select(n => $"CP-{year}-{n:D6}"),
            filed.Select(c => c.Text("number")).Order(StringComparer.Ordinal));

        // Never started, each complaint passes all five steps within 12 seconds: first response at risk (2 s) and
        // breached (4 s, level 1), resolution at risk (4 s) and breached (8 s, level 2), overdue (12 s, level 2).
        string[] steps = ["FirstResponseAtRisk", "FirstResponseBreached", "ResolutionAtRisk", "ResolutionBreached", "ResolutionOverdue"];
        var ids = filed.Select(c => c.Text("id")).ToList();
        var escalations = new Dictionary<string, JsonArray>();
        await Eventually.True(async () =>
        {
            foreach (var id in ids.Where(id => !escalations.ContainsKey(id) || escalations[id].Count < steps.Length))
            {
                escalations[id] = JsonNode.Parse(await supervisor.GetStringAsync($"/api/complaints/{id}/escalations"))!.AsArray();
            }

            return escalations.Count == ids.Count && escalations.Values.All(e => e.Count >= steps.Length);
        }, TimeSpan.FromSeconds(90), "every complaint escalated through all five steps");

        foreach (var id in ids)
        {
            var taken = JsonNode.Parse(await supervisor.GetStringAsync($"/api/complaints/{id}/escalations"))!.AsArray();
            Assert.Equal(steps.Order(), taken.Select(e => e!["step"]!.GetValue<string>()).Order());
            var complaint = JsonNode.Parse(await supervisor.GetStringAsync($"/api/complaints/{id}"))!.AsObject();
            Assert.Equal(2, complaint["escalationLevel"]!.GetValue<int>());
            var timeline = JsonNode.Parse(await supervisor.GetStringAsync($"/api/complaints/{id}/timeline"))!.AsArray();
            Assert.Equal(steps.Length, timeline.Count(t => t!["action"]!.GetValue<string>() == "Escalated"));
        }

        // Customers records each published escalation in the customer's service history: five per complaint, none twice.
        var history = await Api.Eventually(supervisor, $"/api/customers/{customerId}/service-history",
            h => h["complaints"]!.AsArray().Count == Complaints
                && h["complaints"]!.AsArray().All(c => c!["steps"]!.AsArray().Count(s => s!["step"]!.GetValue<string>() == "Escalated") >= steps.Length),
            "every escalation in the customer's service history");
        foreach (var complaint in history["complaints"]!.AsArray())
        {
            var escalated = complaint!["steps"]!.AsArray().Where(s => s!["step"]!.GetValue<string>() == "Escalated").ToList();
            Assert.Equal(steps.Length, escalated.Count);
            Assert.Equal(steps.Length, escalated.Select(s => s!["details"]!.GetValue<string>()).Distinct().Count());
        }

        var filedAt = filed.Select(c => DateTimeOffset.Parse(c.Text("filedAt"), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var escalatedAt = escalations.Values.SelectMany(e => e).Select(e => DateTimeOffset.Parse(e!["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        output.WriteLine($"filed {filedAt.Min():HH:mm:ss.fff}..{filedAt.Max():HH:mm:ss.fff}, escalated {escalatedAt.Min():HH:mm:ss.fff}..{escalatedAt.Max():HH:mm:ss.fff}, distinct instants {escalatedAt.Distinct().Count()}");

        // Both processes swept: each logged steps it took.
        var sweeps = new[] { "complaints", $"complaints-{replica!.Port}" }
            .Select(name => File.ReadLines(Path.Combine(Platform.LogDirectory, $"{name}.log")).Count(l => l.Contains("Escalation sweep took", StringComparison.Ordinal)))
            .ToList();
        output.WriteLine($"sweeps that took steps: first process {sweeps[0]}, second {sweeps[1]}");
        Assert.All(sweeps, s => Assert.True(s > 0, "one of the replicas took no escalation step"));
    }

    private static async Task SetSecondsLongSla(HttpClient supervisor)
    {
        var current = JsonNode.Parse(await supervisor.GetStringAsync("/api/complaints/sla-policies"))!.AsObject();
        var targets = current["targets"]!.AsArray().Select(t => new
        {
            severity = t!["severity"]!.GetValue<string>(), tier = t["tier"]!.GetValue<string>(),
            firstResponseHours = FirstResponseSeconds / 3600, resolutionHours = ResolutionSeconds / 3600,
        }).ToList();
        var response = await supervisor.PutAsJsonAsync("/api/complaints/sla-policies", new { atRiskShare = AtRiskShare, overdueShare = OverdueShare, targets });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Business time for EAST every day from 01:00 to 23:00 in a fixed-offset zone chosen so that it is about noon there
    /// now: the SLA seconds run on whenever the test runs.
    /// </summary>
    private static async Task SetRoundTheClockCalendarForEast(HttpClient supervisor)
    {
        var offset = 12 - DateTime.UtcNow.Hour; // -11 .. +12
        var zone = offset switch { 0 => "Etc/UTC", > 0 => $"Etc/GMT-{offset}", _ => $"Etc/GMT+{-offset}" }; // Etc/GMT-8 is UTC+8
        var response = await supervisor.PutAsJsonAsync("/api/complaints/calendars/EASTALLDAY", new
        {
            name = "East, every day", timeZoneId = zone, regions = new[] { "EAST" },
            workingDays = Enum.GetNames<DayOfWeek>(), workingPeriods = new[] { new { start = "01:00", end = "23:00" } },
        });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>Run after the parallel collections, not next to the shared platform: two platforms at once overload a small machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ComplaintsReplicasCollection
{
    public const string Name = "Complaints replicas platform";
}
